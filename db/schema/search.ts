import { sql } from 'drizzle-orm'
import { bigint, customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { SearchDocument } from '../../search/types'
import { createdAt, timestampTz } from './columns'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })
/** A transaction id (64 bits, no wraparound), as text. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' })
/** The id of the transaction writing the row. */
const writingTransaction = () => xid8().notNull().default(sql`pg_current_xact_id()`)

/**
 * The Postgres search engine's index: one row per indexed (published) proposal, written only by
 * the engine (through the sync worker), never by the proposal modules. Filter columns mirror the
 * document; `public_tsv` holds the public tier's text, `full_tsv` adds the verified tier's.
 *
 * The engine keeps the filter columns of every row in memory too (search/postgres-columns.ts),
 * brought up to date from the rows written since it last looked (`written_xid`) and
 * `search_removals`; `document_number` names a row there (stable while the row lives, small).
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    proposalId: uuid().primaryKey(),
    documentNumber: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    hash: text().notNull(),
    document: jsonb().$type<SearchDocument>().notNull(),
    subsector: text().notNull(),
    stage: text().notNull(),
    region: text(),
    country: text().notNull(),
    instrument: text().notNull(),
    developmentPhase: text().notNull(),
    therapeuticAreas: text().array().notNull().default([]),
    trl: integer().notNull(),
    amountSoughtEur: bigint({ mode: 'number' }).notNull(),
    closingDate: date({ mode: 'string' }).notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    publicTsv: tsvector().notNull(),
    fullTsv: tsvector().notNull(),
    indexedAt: createdAt(),
    /** Set again by every update: the rows a process has not seen yet are the ones written since. */
    writtenXid: writingTransaction(),
  },
  (t) => [
    index('search_documents_public_tsv_idx').using('gin', t.publicTsv),
    index('search_documents_full_tsv_idx').using('gin', t.fullTsv),
    index('search_documents_written_xid_idx').on(t.writtenXid),
  ],
)

/**
 * Documents removed from search_documents, by document number (null: all of them, a rebuild),
 * so that the engines of other processes drop them from memory. Kept an hour: a process that
 * has not looked for longer notices by the row count and reloads everything.
 */
export const searchRemovals = pgTable('search_removals', {
  documentNumber: bigint({ mode: 'number' }),
  removedXid: writingTransaction(),
  removedAt: createdAt(),
})

/**
 * Every word of the indexed texts, accents folded and lower-cased: the vocabulary that a
 * misspelt query word is matched against (typo tolerance). The engine keeps it in memory
 * too, adding the words written since it last looked (`written_xid`).
 */
export const searchTerms = pgTable('search_terms', { term: text().primaryKey(), writtenXid: writingTransaction() }, (t) => [
  index('search_terms_written_xid_idx').on(t.writtenXid),
])

/**
 * The search outbox: proposals whose index entry must be brought up to date. One row per
 * proposal (a burst of changes coalesces), written in the transaction of the change; the sync
 * job drains it and keeps the last error of a failed attempt.
 */
export const searchOutbox = pgTable('search_outbox', {
  proposalId: uuid().primaryKey(),
  /** Bumped by every new change: a row is only removed if it was not bumped while syncing. */
  enqueuedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  attempts: integer().notNull().default(0),
  lastError: text(),
  lastAttemptAt: timestampTz(),
})
