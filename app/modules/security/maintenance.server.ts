import { and, isNotNull, lt, or, sql } from 'drizzle-orm'
import { userTokens } from '../../../db/schema'
import type { JobHandler } from '../jobs/worker.server'
import { pruneRateLimits } from './rate-limit.server'

/**
 * Hourly housekeeping (scheduled by the worker's crontab): drops rate-limit counters whose
 * window has ended and one-time tokens that were used or expired more than a day ago.
 */
export const pruneExpiredRecords: JobHandler<'maintenance.prune'> = async (ctx) => {
  await pruneRateLimits(ctx.db)
  const dayAgo = sql`now() - interval '1 day'`
  await ctx.db
    .delete(userTokens)
    .where(or(lt(userTokens.expiresAt, dayAgo), and(isNotNull(userTokens.usedAt), lt(userTokens.usedAt, dayAgo))))
}
