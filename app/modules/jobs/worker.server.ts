import { Logger, parseCronItems, run, runOnce, type Task, type TaskList } from 'graphile-worker'
import pg from 'pg'
import type { Config } from '~/config.server'
import type { Mailer } from '../../../emails/mailer.server'
import type { Db } from '../../../db/client'
import type { Search } from '../../../search/engine.server'
import type { JobName, JobPayloads } from './queue.server'
import { taskHandlers } from './tasks.server'

/** What a job handler is given: the database, the configuration, the mailer and the search engine. */
export interface JobContext {
  db: Db
  config: Config & { sessionSecret: string }
  mailer: Mailer
  search: Search
}

export type JobHandler<N extends JobName> = (ctx: JobContext, payload: JobPayloads[N]) => Promise<void>

const logger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`[jobs] ${message}`)
})

function buildTaskList(ctx: JobContext): TaskList {
  const list: TaskList = {}
  for (const [name, handler] of Object.entries(taskHandlers)) {
    const task: Task = async (payload) => {
      await (handler as JobHandler<JobName>)(ctx, payload as JobPayloads[JobName])
    }
    list[name] = task
  }
  return list
}

/**
 * Recurring jobs (UTC). Cron items rather than crontab text: the crontab format refuses task
 * names with a dot ("Invalid command specification"), and the worker would not start.
 */
const schedule = parseCronItems([
  { task: 'maintenance.prune', match: '17 * * * *' },
  { task: 'proposals.expire', match: '5 0 * * *' },
  // After the night's expiries: watchers of proposals closing within a week are reminded once.
  { task: 'watchlist.closing-soon', match: '30 6 * * *' },
  // Members of investor organisations whose verification lapses within 30 days are warned once.
  { task: 'investors.lapse-warning', match: '45 6 * * *' },
  // The safety net of the search sync: whatever is still in the outbox (the engine was down) is retried every minute.
  { task: 'search.sync', match: '* * * * *', options: { jobKey: 'search.sync', jobKeyMode: 'replace', backfillPeriod: 0 } },
  // A Meilisearch that comes back empty (down at start-up, or replaced) is refilled.
  { task: 'search.check', match: '*/10 * * * *', options: { jobKey: 'search.check', backfillPeriod: 0 } },
  // Saved-search digests (07:00 UTC; weekly on Mondays). Instant alerts follow each search sync; this run is their safety net.
  { task: 'alerts.digest', match: '0 7 * * *', payload: { frequency: 'daily' }, options: { jobKey: 'alerts.digest.daily', backfillPeriod: 0 } },
  { task: 'alerts.digest', match: '0 7 * * 1', payload: { frequency: 'weekly' }, options: { jobKey: 'alerts.digest.weekly', backfillPeriod: 0 } },
  { task: 'alerts.digest', match: '*/10 * * * *', payload: { frequency: 'instant' }, options: { jobKey: 'alerts.digest.instant', backfillPeriod: 0 } },
])

export interface Worker {
  stop(): Promise<void>
}

/**
 * Runs the queue until stopped: failed jobs are retried with exponential backoff by graphile-worker.
 * The worker gets a pool of its own (graphile-worker speaks `pg`) with an error listener, so a
 * connection the database closes first (Ctrl+C reaches the embedded PostgreSQL too) is logged,
 * not a crash.
 */
export async function startWorker(ctx: JobContext, connectionString: string, concurrency = 2): Promise<Worker> {
  const pool = new pg.Pool({ connectionString, max: concurrency + 2 })
  pool.on('error', (error) => console.error(`[jobs] database connection closed: ${error.message}`))
  try {
    const runner = await run({
      pgPool: pool,
      concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      taskList: buildTaskList(ctx),
      parsedCronItems: schedule,
      logger,
    })
    return {
      async stop() {
        await runner.stop().catch((error: Error) => console.error(`[jobs] ${error.message}`))
        await pool.end()
      },
    }
  } catch (error) {
    await pool.end()
    throw error
  }
}

/** Runs every job that is due now, once, and returns (used by tests and commands). */
export async function drainJobs(ctx: JobContext, connectionString: string): Promise<void> {
  await runOnce({ connectionString, taskList: buildTaskList(ctx), logger, noHandleSignals: true })
}
