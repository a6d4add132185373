/**
 * Saved searches: a person's own list of search-page URLs, each with a name and how often new
 * matches are emailed. Only the owner reads or changes one; another person's id is a 404.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { notFound } from '~/modules/accounts/guards.server'
import { readCatalogueSearch, searchQueryString, type CatalogueSearch } from '~/modules/proposals/search-params'
import type { DbOrTx } from '../../../db/client'
import { savedSearches } from '../../../db/schema'
import { MAX_SAVED_SEARCHES, type AlertFrequency } from './schemas'

/** A rule a request broke (too many saved searches); the message is a translation key. */
export class SavedSearchRuleError extends Error {
  override name = 'SavedSearchRuleError'
  constructor(readonly messageKey: string) {
    super(messageKey)
  }
}

/** The canonical query string of a search as saved: the search page's own, back on page 1. */
export function canonicalSavedQuery(query: string): string {
  const search = readCatalogueSearch(new URLSearchParams(query.replace(/^\?/, '')))
  return searchQueryString({ ...search, page: 1 })
}

/** The search a saved query string describes. */
export function savedSearchOf(query: string): CatalogueSearch {
  return readCatalogueSearch(new URLSearchParams(query))
}

export interface SavedSearchRow {
  id: string
  name: string
  query: string
  frequency: AlertFrequency
  createdAt: Date
  lastAlertSentAt: Date | null
}

const columns = {
  id: savedSearches.id,
  name: savedSearches.name,
  query: savedSearches.query,
  frequency: savedSearches.frequency,
  createdAt: savedSearches.createdAt,
  lastAlertSentAt: savedSearches.lastAlertSentAt,
}

/** The person's saved searches, oldest first. */
export function listSavedSearches(db: DbOrTx, actor: Actor): Promise<SavedSearchRow[]> {
  return db.select(columns).from(savedSearches).where(eq(savedSearches.userId, actor.userId)).orderBy(asc(savedSearches.createdAt), asc(savedSearches.id))
}

export async function countSavedSearches(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, actor.userId))
  return row?.n ?? 0
}

/**
 * Saves a search. Alerts start from now: what was already published is what the person just saw.
 * Refused past MAX_SAVED_SEARCHES (counted under a lock of the person's row, so two tabs cannot both pass).
 */
export async function createSavedSearch(db: DbOrTx, actor: Actor, input: { name: string; frequency: AlertFrequency; query: string }): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sqlLockUser(actor.userId))
    if ((await countSavedSearches(tx, actor)) >= MAX_SAVED_SEARCHES) throw new SavedSearchRuleError('alerts.errors.tooMany')
    const [row] = await tx
      .insert(savedSearches)
      .values({ userId: actor.userId, name: input.name, frequency: input.frequency, query: canonicalSavedQuery(input.query) })
      .returning({ id: savedSearches.id })
    return row!.id
  })
}

function sqlLockUser(userId: string) {
  return sql`select pg_advisory_xact_lock(hashtext('ponte.saved_searches'), hashtext(${userId}))`
}

/** One of the person's saved searches, or a 404 (someone else's looks like none at all). */
export async function getOwnSavedSearch(db: DbOrTx, actor: Actor, id: string): Promise<SavedSearchRow> {
  const [row] = await db
    .select(columns)
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
  if (!row) throw notFound()
  return row
}

export async function renameSavedSearch(db: DbOrTx, actor: Actor, id: string, name: string): Promise<void> {
  const rows = await db
    .update(savedSearches)
    .set({ name })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
    .returning({ id: savedSearches.id })
  if (rows.length === 0) throw notFound()
}

/**
 * Changes how often alerts go out. Turning alerts back on starts from now, so a search that
 * was off does not send everything published meanwhile in one go.
 */
export async function setSavedSearchFrequency(db: DbOrTx, actor: Actor, id: string, frequency: AlertFrequency): Promise<void> {
  const current = await getOwnSavedSearch(db, actor, id)
  const restart = current.frequency === 'off' && frequency !== 'off'
  await db
    .update(savedSearches)
    .set(restart ? { frequency, alertedThrough: new Date() } : { frequency })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
}

export async function deleteSavedSearch(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const rows = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
    .returning({ id: savedSearches.id })
  if (rows.length === 0) throw notFound()
}
