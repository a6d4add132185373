import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

/** The development mailbox: where email goes when no SMTP_URL is set. */
export const mailboxMessages = pgTable(
  'mailbox_messages',
  {
    id: id(),
    to: text().notNull(),
    from: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mailbox_messages_to_idx').on(t.to)],
)
