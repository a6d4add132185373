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

/** How soon an instant run held back by a transaction still running (or the outbox) looks again. */
const INSTANT_RETRY_MS = 2_000

export const queueAlertDigestsJob: JobHandler<'alerts.digest'> = async (ctx, { frequency }) => {
  const report = await queueAlertDigests(ctx, frequency)
  // A publication committed by a transaction that was still running is not matched yet: instant
  // alerts look again in a moment rather than wait for the next publication or the cron.
  if (frequency === 'instant' && report.heldBack) {
    await enqueue(ctx.db, 'alerts.digest', { frequency: 'instant' }, { jobKey: `${digestJobKey('instant')}.retry`, runAt: new Date(Date.now() + INSTANT_RETRY_MS) })
  }
  if (report.emails) console.log(`[alerts] ${frequency}: ${report.emails} digests with ${report.matches} proposals queued (${report.searches} saved searches)`)
}
