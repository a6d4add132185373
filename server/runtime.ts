import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../app/config.server'
import { startWorker, type JobContext, type Worker } from '../app/modules/jobs/worker.server'
import { connectDatabase, type Database } from '../db/client'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded'
import { migrateDatabase } from '../db/migrate'
import { seedDemoData, type DemoLogin } from '../db/seed'
import { createMailer } from '../emails/mailer.server'
import { prepareSearchAtStartup, type SearchStartup } from '../search/commands.server'
import { createSearch } from '../search/engine.server'

export interface Runtime extends JobContext {
  database: Database
  demoLogins: DemoLogin[] | null
  /** The search engine's start-up work (settings, an empty Meilisearch refilled), running in the background. */
  searchStartup: Promise<SearchStartup>
  stop(): Promise<void>
}

/** In the embedded default the session secret is made once and kept in the data folder. */
async function loadOrCreateSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, 'session-secret')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const secret = randomBytes(32).toString('hex')
  await mkdir(dataDir, { recursive: true })
  await writeFile(file, secret, { mode: 0o600 })
  return secret
}

/**
 * Starts what Ponte needs around the web server: the database (embedded when DATABASE_URL is
 * unset), its migrations, the demo data on first start, the mailer and, when configured, the worker.
 */
export async function startRuntime(config: Config, options: { worker?: boolean } = {}): Promise<Runtime> {
  let embedded: EmbeddedDatabase | undefined
  let database: Database | undefined
  let worker: Worker | undefined
  try {
    if (!config.databaseUrl) embedded = await startEmbeddedPostgres(config.dataDir, { log: console.error })
    const url = config.databaseUrl ?? embedded!.url
    await migrateDatabase(url)
    database = connectDatabase(url)
    const sessionSecret = config.sessionSecret ?? (await loadOrCreateSecret(config.dataDir))
    const fullConfig = { ...config, sessionSecret }
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }, database.db)
    const demoLogins = config.seedDemoData ? await seedDemoData(database.db) : null
    const ctx: JobContext = { db: database.db, config: fullConfig, mailer, search: createSearch(config, database.db) }
    if (options.worker ?? config.workerInWeb) worker = await startWorker(ctx, url)
    // Not awaited: a slow or unreachable Meilisearch never delays or stops the start (it logs instead).
    const searchStartup = prepareSearchAtStartup(ctx)
    const db = database
    let stopping: Promise<void> | undefined
    return {
      ...ctx,
      database,
      demoLogins,
      searchStartup,
      stop() {
        stopping ??= (async () => {
          await worker?.stop().catch((error) => console.error(error))
          mailer.close()
          await db.close().catch((error) => console.error(error))
          await embedded?.stop()
        })()
        return stopping
      },
    }
  } catch (error) {
    await worker?.stop().catch(() => {})
    await database?.close().catch(() => {})
    await embedded?.stop().catch(() => {})
    throw error
  }
}
