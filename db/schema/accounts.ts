import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, timestampTz } from './columns'

export const locales = ['en', 'es', 'pt', 'gl'] as const
export const localeEnum = pgEnum('locale', locales)

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased and trimmed. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    emailVerifiedAt: timestampTz(),
    locale: localeEnum().notNull().default('en'),
    isAdmin: boolean().notNull().default(false),
    disabledAt: timestampTz(),
    passwordChangedAt: timestampTz(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
)

/** Sessions live in the database: the cookie holds a random token, the row its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestampTz().notNull(),
    lastSeenAt: createdAt(),
    revokedAt: timestampTz(),
    revokedReason: text(),
    ipAddress: text(),
    userAgent: text(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_id_idx').on(t.userId)],
)

export const tokenPurposes = ['email_verification', 'password_reset'] as const
export const tokenPurposeEnum = pgEnum('token_purpose', tokenPurposes)

/** One-time tokens sent by email; only their SHA-256 is stored. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: tokenPurposeEnum().notNull(),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestampTz().notNull(),
    usedAt: timestampTz(),
  },
  (t) => [uniqueIndex('user_tokens_token_hash_key').on(t.tokenHash), index('user_tokens_user_id_idx').on(t.userId)],
)

/** Fixed-window counters for rate limits (login, password reset, sign-up). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().primaryKey(),
    count: integer().notNull().default(0),
    windowEndsAt: timestampTz().notNull(),
  },
  (t) => [index('rate_limits_window_ends_at_idx').on(t.windowEndsAt)],
)

export const activeSessionsCondition = sql`revoked_at is null and expires_at > now()`
