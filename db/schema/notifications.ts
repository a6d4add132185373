/**
 * In-app notifications and who wants which by email. A notification is one event for one
 * person (a bookmarked proposal changed, an interest was answered, a message arrived...).
 */
import { boolean, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { createdAt, id, timestampTz } from './columns'

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What happened (app/modules/notifications: the list of kinds and their texts). */
    kind: text().notNull(),
    /** The facts the text is made from (names, titles, amounts), in no language. */
    data: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    /** Where the notification leads, a path in Ponte. */
    link: text().notNull(),
    createdAt: createdAt(),
    readAt: timestampTz(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
)

/** A person's choice to get (or not) an email for a kind of notification; absent: the kind's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    email: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)
