import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'

/** Every job Ponte runs, with its payload. Jobs carry ids and re-read current data when they run. */
export interface JobPayloads {
  'email.verification': { userId: string }
  'email.password-reset': { userId: string }
  'email.invitation': { invitationId: string }
  'email.notification': { notificationId: string }
  'email.jury-invitation': { jurorId: string }
  /** A round's outcome (shortlisted or declined, feedback, shared comments) to one member of the applicant startup. */
  'email.round-outcome': { applicationId: string; userId: string }
  'email.alert-digest': { userId: string; frequency: 'instant' | 'daily' | 'weekly'; groups: { savedSearchId: string; proposalIds: string[] }[] }
  'alerts.digest': { frequency: 'instant' | 'daily' | 'weekly' }
  'investors.lapse-warning': Record<string, never>
  'maintenance.prune': Record<string, never>
  'proposals.expire': Record<string, never>
  'search.sync': Record<string, never>
  'search.reindex': Record<string, never>
  'search.check': Record<string, never>
  'watchlist.closing-soon': Record<string, never>
}
export type JobName = keyof JobPayloads

export interface EnqueueOptions {
  /** Jobs with the same key coalesce: a pending job is replaced rather than duplicated. */
  jobKey?: string
  runAt?: Date
  maxAttempts?: number
}

/**
 * Adds a job to the queue inside the caller's transaction (an outbox row): it exists only
 * if the change that caused it commits.
 */
export async function enqueue<N extends JobName>(
  tx: DbOrTx,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<void> {
  await tx.execute(
    sql`select graphile_worker.add_job(
      ${name}::text,
      ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? 10}::int,
      job_key => ${options.jobKey ?? null}::text
    )`,
  )
}
