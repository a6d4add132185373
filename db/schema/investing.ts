/**
 * What investors do with proposals: watchlists (bookmarks with notes and tags), saved searches
 * with alerts, interest with double opt-in introductions, conversations, soft commitments.
 * Everything an investor keeps is its organisation's, seen by its members only.
 */
import { sql } from 'drizzle-orm'
import { date, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { cents, createdAt, id, timestampTz } from './columns'
import { organisations } from './organisations'
import { proposals } from './proposals'

/** A proposal on an investor organisation's watchlist, with its tags. */
export const bookmarks = pgTable(
  'bookmarks',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    tags: text().array().notNull().default([]),
  },
  (t) => [uniqueIndex('bookmarks_organisation_proposal_key').on(t.organisationId, t.proposalId), index('bookmarks_proposal_idx').on(t.proposalId)],
)

/** Private notes on a bookmarked proposal (the investor organisation's members only). */
export const bookmarkNotes = pgTable(
  'bookmark_notes',
  {
    id: id(),
    bookmarkId: uuid()
      .notNull()
      .references(() => bookmarks.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    createdAt: createdAt(),
    updatedAt: timestampTz(),
  },
  (t) => [index('bookmark_notes_bookmark_idx').on(t.bookmarkId, t.createdAt)],
)

export const alertFrequencies = ['instant', 'daily', 'weekly', 'off'] as const
export const alertFrequencyEnum = pgEnum('alert_frequency', alertFrequencies)

/**
 * A search someone saved (the search page's canonical query string), with how often new matches
 * are emailed. `alertedThrough` is the publication time up to which matches have been sent.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    query: text().notNull(),
    frequency: alertFrequencyEnum().notNull(),
    createdAt: createdAt(),
    alertedThrough: timestampTz().notNull().defaultNow(),
    lastAlertSentAt: timestampTz(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId), index('saved_searches_frequency_idx').on(t.frequency)],
)

export const interestStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const
export const interestStatusEnum = pgEnum('interest_status', interestStatuses)

/**
 * A verified investor's interest in a proposal: a message and an indicative ticket. The startup
 * accepts (a double opt-in introduction: contact details are exchanged and a conversation opens)
 * or declines with an optional reason.
 */
export const interests = pgTable(
  'interests',
  {
    id: id(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    investorOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    message: text().notNull(),
    ticketMinCents: cents().notNull(),
    ticketMaxCents: cents().notNull(),
    status: interestStatusEnum().notNull().default('pending'),
    createdAt: createdAt(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestampTz(),
    declineReason: text(),
  },
  (t) => [
    index('interests_proposal_idx').on(t.proposalId, t.createdAt),
    index('interests_investor_idx').on(t.investorOrganisationId, t.createdAt),
    uniqueIndex('interests_one_open').on(t.proposalId, t.investorOrganisationId).where(sql`status in ('pending', 'accepted')`),
  ],
)

/** The conversation an accepted interest opens between the investor organisation and the startup. */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    interestId: uuid()
      .notNull()
      .references(() => interests.id, { onDelete: 'cascade' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    investorOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    startupOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastMessageAt: timestampTz(),
  },
  (t) => [
    uniqueIndex('conversations_interest_key').on(t.interestId),
    index('conversations_investor_idx').on(t.investorOrganisationId),
    index('conversations_startup_idx').on(t.startupOrganisationId),
  ],
)

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The side that wrote it (an organiser moderating writes as neither). */
    authorOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)],
)

/** How far each person has read a conversation (for unread counts). */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestampTz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
)

/**
 * A non-binding soft commitment recorded by an investor after an introduction. Either side may
 * withdraw it; Ponte does not handle investments.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: id(),
    interestId: uuid()
      .notNull()
      .references(() => interests.id, { onDelete: 'cascade' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    investorOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    amountCents: cents().notNull(),
    conditions: text().notNull().default(''),
    validUntil: date().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    withdrawnAt: timestampTz(),
    withdrawnBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('commitments_proposal_idx').on(t.proposalId), index('commitments_investor_idx').on(t.investorOrganisationId)],
)
