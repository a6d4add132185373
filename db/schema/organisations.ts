import { index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { localeEnum, users } from './accounts'
import { createdAt, id, timestampTz } from './columns'

export const organisationKinds = ['startup', 'investor', 'organiser'] as const
export const organisationKindEnum = pgEnum('organisation_kind', organisationKinds)

export const membershipRoles = ['owner', 'admin', 'member'] as const
export const membershipRoleEnum = pgEnum('membership_role', membershipRoles)

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    kind: organisationKindEnum().notNull(),
    name: text().notNull(),
    slug: text().notNull(),
    /** ISO 3166-1 alpha-2 country of the organisation's seat. */
    country: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    suspendedAt: timestampTz(),
  },
  (t) => [uniqueIndex('organisations_slug_key').on(t.slug), index('organisations_kind_idx').on(t.kind)],
)

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: membershipRoleEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('memberships_user_id_idx').on(t.userId)],
)

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    role: membershipRoleEnum().notNull(),
    locale: localeEnum().notNull(),
    /** Minted when the email is sent; null until then. */
    tokenHash: text(),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestampTz().notNull(),
    acceptedAt: timestampTz(),
    acceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestampTz(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    index('invitations_organisation_id_idx').on(t.organisationId),
  ],
)
