/**
 * Which proposals are new for a saved search: published (for the first time) after the search's
 * `alertedThrough` and found by the search itself, run through the search port in the person's
 * scope at the time of sending — so it works with either engine, and a description-only match
 * never reaches someone whose scope does not search descriptions.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { isLocale } from '~/modules/i18n/locales'
import { searchProposals } from '~/modules/proposals/search.server'
import type { DbOrTx } from '../../../db/client'
import { memberships, organisations, proposals, searchOutbox, users } from '../../../db/schema'
import type { Search } from '../../../search/engine.server'
import { MAX_PER_PAGE, type SearchScope } from '../../../search/types'
import { savedSearchOf } from './saved-searches.server'

/** Matches collected per saved search and digest at most (the email links to the search for the rest). */
export const MAX_MATCHES_PER_SEARCH = 100
/**
 * The engines sort by the version's publication time in whole seconds, and a version is
 * published a moment before the proposal's first-publication time is written: pages are read
 * this far past `alertedThrough` so that nothing at the boundary is missed.
 */
const BOUNDARY_SLACK_MS = 60_000
/** Clocks of the application and the database may differ a little. */
const CLOCK_SLACK_MS = 1_000
/** Pages of results read per saved search at most (newest first). */
const MAX_PAGES = 5

/** A person as an alert sees them: what their scope would be if they searched now. */
export async function recipientActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)))
  if (!user) return null
  const rows = await db
    .select({ organisationId: organisations.id, organisationName: organisations.name, organisationSlug: organisations.slug, kind: organisations.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, user.id), isNull(organisations.suspendedAt)))
  return {
    userId: user.id,
    sessionId: '',
    email: user.email,
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : 'en',
    emailVerified: user.emailVerifiedAt !== null,
    isAdmin: user.isAdmin,
    memberships: rows,
  }
}

/**
 * The moment up to which everything published is surely searchable now: not past a publication
 * still waiting in the search outbox (not indexed yet), nor past the start of a transaction still
 * running (a publication it makes commits with an earlier time). Alerts never advance past it, so
 * such proposals are sent with the next alert rather than skipped.
 */
export async function searchableThrough(db: DbOrTx, now: Date): Promise<Date> {
  const [pending] = await db
    .select({ ms: sql<number | null>`(extract(epoch from min(${proposals.firstPublishedAt})) * 1000)::float8` })
    .from(searchOutbox)
    .innerJoin(proposals, eq(proposals.id, searchOutbox.proposalId))
  const [running] = await db.execute<{ ms: number | null }>(
    sql`select (extract(epoch from min(xact_start)) * 1000)::float8 as ms from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null and state <> 'idle'`,
  )
  let through = now.getTime()
  if (pending?.ms != null) through = Math.min(through, Math.floor(Number(pending.ms)) - 1)
  if (running?.ms != null) through = Math.min(through, Math.floor(Number(running.ms)) - CLOCK_SLACK_MS)
  return new Date(through)
}

/** Whether any visible proposal was first published in (from, through]: most runs stop here, without asking the engine. */
export async function anyPublishedBetween(db: DbOrTx, from: string, through: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(isNotNull(proposals.publishedVersionId), ne(proposals.status, 'closed'), gt(proposals.firstPublishedAt, sql`${from}::timestamptz`), lte(proposals.firstPublishedAt, through)))
    .limit(1)
  return row !== undefined
}

/**
 * The proposals of a saved search first published in (from, through], newest first, found by the
 * search in `scope`. `from` is the stored mark as text (microseconds kept).
 */
export async function findNewMatches(deps: { db: DbOrTx; search: Search }, scope: SearchScope, query: string, from: string, through: Date): Promise<string[]> {
  if (!(await anyPublishedBetween(deps.db, from, through))) return []
  const saved = savedSearchOf(query)
  // The public scope has no therapeutic-area filter (the search drops it): such a search would
  // match far more than the person asked for (a lapsed verification), so it matches nothing.
  if (scope === 'public' && saved.filters.therapeuticArea?.length) return []
  const stopBefore = new Date(from).getTime() - BOUNDARY_SLACK_MS
  const candidates: string[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await searchProposals(deps, scope, { ...saved, sort: 'newest', page, perPage: MAX_PER_PAGE })
    candidates.push(...answer.hits.filter((hit) => hit.publishedAt.getTime() > stopBefore).map((hit) => hit.id))
    const last = answer.hits.at(-1)
    if (page >= answer.pageCount || (last && last.publishedAt.getTime() <= stopBefore)) break
  }
  if (candidates.length === 0) return []
  const rows = await deps.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(inArray(proposals.id, candidates), gt(proposals.firstPublishedAt, sql`${from}::timestamptz`), lte(proposals.firstPublishedAt, through)))
    .orderBy(sql`${proposals.firstPublishedAt} desc`, asc(proposals.id))
    .limit(MAX_MATCHES_PER_SEARCH)
  return rows.map((row) => row.id)
}
