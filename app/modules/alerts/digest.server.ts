/**
 * Alert digests: for one frequency, every person's saved searches of that frequency are matched
 * (matching.server.ts) and whoever has new matches gets ONE email listing them per saved search.
 * Each person's marks (`alertedThrough`) advance in the same transaction that queues their email,
 * and only if no other run moved them meanwhile: a rerun, or two runs at once, send nothing twice.
 */
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm'
import { enqueue } from '~/modules/jobs/queue.server'
import { searchScopeOf } from '~/modules/proposals/search.server'
import type { Db } from '../../../db/client'
import { savedSearches, users } from '../../../db/schema'
import type { Search } from '../../../search/engine.server'
import { anyPublishedBetween, findNewMatches, recipientActor, searchableThrough } from './matching.server'
import type { AlertFrequency } from './schemas'

export type DigestFrequency = Exclude<AlertFrequency, 'off'>

export interface DigestGroup {
  savedSearchId: string
  proposalIds: string[]
}

export interface DigestReport {
  /** Saved searches looked at. */
  searches: number
  /** Emails queued (one per person with new matches). */
  emails: number
  /** Proposals listed across all emails. */
  matches: number
  /** Publications left for a later run because a transaction or the search outbox held them back. */
  heldBack: boolean
}

interface Candidate {
  id: string
  userId: string
  query: string
  /** The stored mark as text, microseconds kept (compared and matched exactly). */
  from: string
}

/** Matches every saved search of `frequency` and queues one digest email per person with new matches. */
export async function queueAlertDigests(deps: { db: Db; search: Search }, frequency: DigestFrequency, now = new Date()): Promise<DigestReport> {
  const { db } = deps
  const through = await searchableThrough(db, now)
  const rows: Candidate[] = await db
    .select({ id: savedSearches.id, userId: savedSearches.userId, query: savedSearches.query, from: sql<string>`${savedSearches.alertedThrough}::text` })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .where(and(eq(savedSearches.frequency, frequency), isNull(users.disabledAt), lt(savedSearches.alertedThrough, through)))
    .orderBy(asc(savedSearches.userId), asc(savedSearches.createdAt))
  const report: DigestReport = { searches: rows.length, emails: 0, matches: 0, heldBack: false }
  const byUser = new Map<string, Candidate[]>()
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row])

  for (const [userId, searches] of byUser) {
    const actor = await recipientActor(db, userId)
    if (!actor) continue
    const scope = await searchScopeOf(db, actor)
    const found: { search: Candidate; proposalIds: string[] }[] = []
    for (const search of searches) found.push({ search, proposalIds: await findNewMatches(deps, scope, search.query, search.from, through) })

    const groups = await db.transaction(async (tx) => {
      const sent: DigestGroup[] = []
      for (const { search, proposalIds } of found) {
        // Only if nobody moved the mark (or the frequency) since it was read.
        const moved = await tx
          .update(savedSearches)
          .set(proposalIds.length ? { alertedThrough: through, lastAlertSentAt: now } : { alertedThrough: through })
          .where(and(eq(savedSearches.id, search.id), eq(savedSearches.frequency, frequency), sql`${savedSearches.alertedThrough} = ${search.from}::timestamptz`))
          .returning({ id: savedSearches.id })
        if (moved.length && proposalIds.length) sent.push({ savedSearchId: search.id, proposalIds })
      }
      if (sent.length) await enqueue(tx, 'email.alert-digest', { userId, frequency, groups: sent })
      return sent
    })
    if (groups.length) {
      report.emails++
      report.matches += groups.reduce((total, group) => total + group.proposalIds.length, 0)
    }
  }
  // Held back for long (a stuck transaction, an engine outage keeping the outbox full): the cron looks again later.
  report.heldBack = through < now && now.getTime() - through.getTime() < 60_000 && (await anyPublishedBetween(db, through.toISOString(), now))
  return report
}

