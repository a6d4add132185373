import type { JobHandler } from '../jobs/worker.server'
import { notifyClosingSoon } from './changes.server'

/** Daily cron job 'watchlist.closing-soon': reminds watchers of proposals closing within a week. */
export const closingSoonJob: JobHandler<'watchlist.closing-soon'> = async (ctx) => {
  await notifyClosingSoon(ctx.db)
}
