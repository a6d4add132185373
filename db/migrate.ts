import path from 'node:path'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import { Logger, runMigrations as runJobQueueMigrations } from 'graphile-worker'
import postgres from 'postgres'

/** The committed SQL migrations, resolved from the project root (not from a bundled module's URL). */
export const migrationsFolder = path.resolve(process.env.PONTE_ROOT ?? process.cwd(), 'db/migrations')

/** Applies Ponte's migrations and the job queue's own schema. Safe to run at every start. */
export async function migrateDatabase(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await migrate(drizzle(client), { migrationsFolder })
  } finally {
    await client.end({ timeout: 5 })
  }
  await runJobQueueMigrations({ connectionString: url, logger: quietLogger })
}

export const quietLogger = new Logger(() => (level: string, message: string) => {
  if (level === 'error' || level === 'warning') console.error(`[jobs] ${message}`)
})
