import { requestInstantAlerts } from '../app/modules/alerts/jobs.server'
import type { JobHandler } from '../app/modules/jobs/worker.server'
import { checkSearchIndex, reindexSearch } from './commands.server'
import { drainSearchOutbox } from './sync.server'

/**
 * Drains the search outbox; throws when the engine fails, so the queue retries with backoff.
 * Whatever it indexed is searchable now: the instant alerts run next (they match only what is
 * indexed, and hold back what is still waiting).
 */
export const syncSearchJob: JobHandler<'search.sync'> = async (ctx) => {
  const report = await drainSearchOutbox(ctx.db, ctx.search)
  if (report.indexed > 0) await requestInstantAlerts(ctx.db)
}

/**
 * Rebuilds the whole index from PostgreSQL (searches keep the old index until the new one is
 * complete); proposals that changed meanwhile go back into the outbox, as with the command.
 */
export const reindexSearchJob: JobHandler<'search.reindex'> = async (ctx) => {
  const report = await reindexSearch(ctx.db, ctx.search)
  console.log(`[search] reindexed ${report.indexed} proposals on ${report.engine} in ${(report.ms / 1000).toFixed(1)} s (${report.changedMeanwhile} changed meanwhile, queued again)`)
}

/** Refills a Meilisearch index found empty while proposals are published (see checkSearchIndex). */
export const checkSearchJob: JobHandler<'search.check'> = async (ctx) => {
  await checkSearchIndex(ctx)
}
