/**
 * Starts the PostgreSQL the tests use and prepares a migrated template database.
 * With TEST_DATABASE_URL set, that server is used; otherwise an embedded PostgreSQL is
 * started in a temporary folder and removed afterwards. Each test file then clones the
 * template (see tests/setup/database.ts), so files run in parallel on fresh databases.
 */
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded'
import { migrateDatabase } from '../../db/migrate'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
    templateDatabase: string
    testRunId: string
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex')
  let embedded: EmbeddedDatabase | undefined
  let dataDir: string | undefined
  let adminUrl: string
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL
  } else {
    dataDir = path.join(os.tmpdir(), `ponte-test-pg-${runId}`)
    embedded = await startEmbeddedPostgres(dataDir, { database: 'postgres_unused' })
    adminUrl = embedded.adminUrl
  }
  const template = `ponte_tpl_${runId}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${template}`)
  await migrateDatabase(withDatabase(adminUrl, template))
  project.provide('adminDatabaseUrl', adminUrl)
  project.provide('templateDatabase', template)
  project.provide('testRunId', runId)

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`ponte_%_${runId}%`}`
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`)
    await admin.end({ timeout: 5 })
    await embedded?.stop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
}
