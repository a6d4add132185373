import { enqueue } from '~/modules/jobs/queue.server'
import type { DbOrTx } from '../../../db/client'
import type { JobHandler } from '../jobs/worker.server'
import { queueAlertDigests } from './digest.server'

/** One pending run per frequency: runs asked for while one waits coalesce. */
export const digestJobKey = (frequency: 'instant' | 'daily' | 'weekly') => `alerts.digest.${frequency}`

/** Queues the instant alerts' run (after the search sync indexed documents, so new proposals are searchable). */
export function requestInstantAlerts(db: DbOrTx): Promise<void> {
  return enqueue(db, 'alerts.digest', { frequency: 'instant' }, { jobKey: digestJobKey('instant') })
}

export const queueAlertDigestsJob: JobHandler<'alerts.digest'> = async (ctx, { frequency }) => {
  const report = await queueAlertDigests(ctx, frequency)
  if (report.emails) console.log(`[alerts] ${frequency}: ${report.emails} digests with ${report.matches} proposals queued (${report.searches} saved searches)`)
}
