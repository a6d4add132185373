import type { JobHandler } from '../app/modules/jobs/worker.server'
import { allSearchDocuments } from './documents.server'
import { drainSearchOutbox } from './sync.server'

/** Drains the search outbox; throws when the engine fails, so the queue retries with backoff. */
export const syncSearchJob: JobHandler<'search.sync'> = async (ctx) => {
  await drainSearchOutbox(ctx.db, ctx.search)
}

/** Rebuilds the whole index from PostgreSQL (searches keep the old index until the new one is complete). */
export const reindexSearchJob: JobHandler<'search.reindex'> = async (ctx) => {
  await ctx.search.rebuild(() => allSearchDocuments(ctx.db))
}
