import { existsSync } from 'node:fs'
import { connectDatabase, type Database } from './client'
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded'
import { migrateDatabase } from './migrate'

/**
 * For database commands: migrates and opens the database of DATABASE_URL, or of the embedded
 * PostgreSQL in DATA_DIR (default ./data) when DATABASE_URL is unset, runs `work`, and closes
 * everything again. Stop a running embedded Ponte first: one data folder serves one PostgreSQL.
 */
export async function withCommandDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined
  const dataDir = process.env.DATA_DIR?.trim() || './data'
  let embedded: EmbeddedDatabase | undefined
  try {
    if (!databaseUrl) embedded = await startEmbeddedPostgres(dataDir, { log: console.error })
    const url = databaseUrl ?? embedded!.url
    await migrateDatabase(url)
    const database = connectDatabase(url, { max: 6 })
    try {
      await work(database)
    } finally {
      await database.close()
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  } finally {
    await embedded?.stop()
  }
}
