/**
 * Keeping the index in step with PostgreSQL, losing nothing.
 *
 * A change that affects what is searchable calls `requestSearchSync` inside its own
 * transaction: it marks the proposal in the search outbox (one row per proposal, so a burst
 * of edits coalesces) and queues the `search.sync` job (one pending job, by job key). The job
 * drains the outbox in batches: it builds the documents of what is visible now, indexes them,
 * removes what is not visible, and only then clears the rows it handled — unless a newer
 * change bumped them meanwhile. When the engine is down the rows stay, with the error and the
 * number of attempts; the job is retried with backoff and the every-minute run of the same
 * job picks them up once the engine is back.
 */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { enqueue } from '../app/modules/jobs/queue.server'
import type { Db, DbOrTx } from '../db/client'
import { proposals, searchOutbox } from '../db/schema'
import { loadSearchDocuments } from './documents.server'
import type { SearchEngine } from './types'

export const SYNC_JOB_KEY = 'search.sync'
/** Proposals synced per batch: one index call and one remove call each. */
export const SYNC_BATCH_SIZE = 500

async function queueSyncJob(tx: DbOrTx): Promise<void> {
  await enqueue(tx, 'search.sync', {}, { jobKey: SYNC_JOB_KEY, maxAttempts: 25 })
}

/** Marks proposals for syncing, in the caller's transaction. */
export async function requestSearchSync(tx: DbOrTx, proposalIds: string[]): Promise<void> {
  if (proposalIds.length === 0) return
  await tx
    .insert(searchOutbox)
    .values(proposalIds.map((proposalId) => ({ proposalId, enqueuedAt: sql`clock_timestamp()` })))
    .onConflictDoUpdate({ target: searchOutbox.proposalId, set: { enqueuedAt: sql`clock_timestamp()` } })
  await queueSyncJob(tx)
}

/** Marks every published proposal of a startup (its name or place changed, it was suspended...). */
export async function requestSearchSyncForOrganisation(tx: DbOrTx, organisationId: string): Promise<void> {
  const rows = await tx
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.organisationId, organisationId), isNotNull(proposals.publishedVersionId)))
  await requestSearchSync(
    tx,
    rows.map((row) => row.id),
  )
}

export interface SyncReport {
  indexed: number
  removed: number
}

/** Two drains never interleave (one could otherwise write an older document after a newer one). */
const DRAIN_LOCK_KEY = `hashtext('ponte.search.sync')`
const DRAIN_LOCK = sql.raw(`select pg_advisory_xact_lock(${DRAIN_LOCK_KEY})`)

/**
 * Holds every drain back (they wait at their lock) until the returned function is called; what
 * changes meanwhile waits in the outbox. Taken once no drain is running.
 */
export async function holdSearchDrains(db: Db): Promise<() => Promise<void>> {
  const connection = await db.$client.reserve()
  try {
    await connection.unsafe(`select pg_advisory_lock(${DRAIN_LOCK_KEY})`)
  } catch (error) {
    connection.release()
    throw error
  }
  return async () => {
    try {
      await connection.unsafe(`select pg_advisory_unlock(${DRAIN_LOCK_KEY})`)
    } finally {
      connection.release()
    }
  }
}

/** Syncs everything in the outbox, batch by batch. Throws (leaving the rest marked) if the engine fails. */
export async function drainSearchOutbox(db: Db, engine: SearchEngine, batchSize = SYNC_BATCH_SIZE): Promise<SyncReport> {
  const report: SyncReport = { indexed: 0, removed: 0 }
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      await tx.execute(DRAIN_LOCK)
      const rows = await tx
        // As text: a JavaScript Date would lose the microseconds the comparison below needs.
        .select({ proposalId: searchOutbox.proposalId, enqueuedAt: sql<string>`${searchOutbox.enqueuedAt}::text` })
        .from(searchOutbox)
        .orderBy(asc(searchOutbox.enqueuedAt))
        .limit(batchSize)
      if (rows.length === 0) return 0
      const ids = rows.map((row) => row.proposalId)
      try {
        const { documents, absent } = await loadSearchDocuments(tx, ids)
        if (documents.length) await engine.index(documents)
        if (absent.length) await engine.remove(absent)
        report.indexed += documents.length
        report.removed += absent.length
      } catch (error) {
        await recordFailure(db, ids, error)
        throw error
      }
      // Only rows not bumped by a newer change since they were read.
      await tx.execute(sql`
        delete from ${searchOutbox}
        where (${searchOutbox.proposalId}, ${searchOutbox.enqueuedAt}) in (
          select r.id, r.at from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ id: row.proposalId, at: row.enqueuedAt })))}::jsonb) as r(id uuid, at timestamptz)
        )`)
      return rows.length
    })
    if (handled < batchSize) return report
  }
}

async function recordFailure(db: Db, ids: string[], error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  await db
    .update(searchOutbox)
    .set({ attempts: sql`${searchOutbox.attempts} + 1`, lastError: message.slice(0, 2000), lastAttemptAt: new Date() })
    .where(inArray(searchOutbox.proposalId, ids))
}

/** What is waiting in the outbox, with the oldest mark and any error (for `search:verify` and the organiser). */
export async function outboxStatus(db: DbOrTx) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*)::int`,
      failing: sql<number>`count(*) filter (where ${searchOutbox.attempts} > 0)::int`,
      oldest: sql<Date | null>`min(${searchOutbox.enqueuedAt})`,
      lastError: sql<string | null>`(array_agg(${searchOutbox.lastError} order by ${searchOutbox.lastAttemptAt} desc nulls last))[1]`,
    })
    .from(searchOutbox)
  return row!
}
