/**
 * `npm run db:seed`: loads the demo data set into the database of DATABASE_URL, or into the
 * embedded PostgreSQL in DATA_DIR (default ./data) when DATABASE_URL is unset. Migrates first;
 * does nothing when the demo data is already there. Stop a running embedded Ponte first: one
 * data folder serves one PostgreSQL at a time.
 */
import { existsSync } from 'node:fs'
import { connectDatabase } from '../client'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../embedded'
import { migrateDatabase } from '../migrate'
import { seedDemoData } from './index'

if (existsSync('.env')) process.loadEnvFile('.env')
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined
const dataDir = process.env.DATA_DIR?.trim() || './data'

let embedded: EmbeddedDatabase | undefined
try {
  if (!databaseUrl) embedded = await startEmbeddedPostgres(dataDir, { log: console.error })
  const url = databaseUrl ?? embedded!.url
  await migrateDatabase(url)
  const database = connectDatabase(url, { max: 2 })
  try {
    const started = performance.now()
    const logins = await seedDemoData(database.db)
    console.log(`Demo data ready in ${Math.round(performance.now() - started)} ms. Demo logins:`)
    for (const login of logins) console.log(`  ${login.role.padEnd(22)} ${login.email.padEnd(26)} ${login.password}`)
  } finally {
    await database.close()
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await embedded?.stop()
}
