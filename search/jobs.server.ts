import type { JobHandler } from '../app/modules/jobs/worker.server'
import { reindexSearch } from './commands.server'
import { drainSearchOutbox } from './sync.server'

/** Drains the search outbox; throws when the engine fails, so the queue retries with backoff. */
export const syncSearchJob: JobHandler<'search.sync'> = async (ctx) => {
  await drainSearchOutbox(ctx.db, ctx.search)
}

/**
 * Rebuilds the whole index from PostgreSQL (searches keep the old index until the new one is
 * complete); proposals that changed meanwhile go back into the outbox, as with the command.
 */
export const reindexSearchJob: JobHandler<'search.reindex'> = async (ctx) => {
  const report = await reindexSearch(ctx.db, ctx.search)
  console.log(`[search] reindexed ${report.indexed} proposals on ${report.engine} in ${(report.ms / 1000).toFixed(1)} s (${report.changedMeanwhile} changed meanwhile, queued again)`)
}
