import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, inject } from 'vitest'
import { connectDatabase, type Database } from '../../db/client'

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** Creates a fresh database cloned from the migrated template. */
export async function createTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl')
  const name = `ponte_t_${inject('testRunId')}_${randomBytes(4).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`)
        break
      } catch (error) {
        // Another file may be cloning the template at this very moment.
        if (attempt >= 20 || !String(error).includes('being accessed')) throw error
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
      }
    }
  } finally {
    await admin.end({ timeout: 5 })
  }
  const database = connectDatabase(withDatabase(adminUrl, name), { max: 4 })
  return {
    ...database,
    async drop() {
      await database.close()
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} })
      await dropper.unsafe(`drop database if exists ${name} with (force)`)
      await dropper.end({ timeout: 5 })
    },
  }
}

/**
 * A fresh database for the current test file: `const t = useTestDatabase()` then `t.db` in tests.
 */
export function useTestDatabase() {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })
  return {
    get db() {
      if (!database) throw new Error('The test database is not ready (use it inside a test or hook).')
      return database.db
    },
    get url() {
      if (!database) throw new Error('The test database is not ready.')
      return database.url
    },
  }
}
