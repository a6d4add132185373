import type { JobHandler } from '../jobs/worker.server'
import { expireDueProposals } from './lifecycle.server'

/** Daily cron job 'proposals.expire': closes published proposals whose closing date has passed. */
export const expireProposalsJob: JobHandler<'proposals.expire'> = async (ctx) => {
  await expireDueProposals(ctx.db)
}
