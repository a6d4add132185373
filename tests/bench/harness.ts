/**
 * What the benchmark commands (tests/bench/search.ts, tests/bench/investing.ts) share: progress
 * lines on stderr that note the machine's load, the database they fill (an embedded PostgreSQL in
 * a temporary folder, or the empty database of BENCH_DATABASE_URL), percentiles, and a line that
 * names the machine.
 */
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { connectDatabase, type Db } from '../../db/client'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded'
import { migrateDatabase } from '../../db/migrate'

/**
 * `progress(message)` writes `[bench:<name>   12 s] message` to stderr and notes the 1-minute load
 * average: other work on the same cores shows in every figure, so the tables report it.
 */
export function benchProgress(name: string) {
  const started = performance.now()
  const loads: number[] = []
  const progress = (message: string) => {
    loads.push(os.loadavg()[0]!)
    console.error(`[bench:${name} ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`)
  }
  /** Seconds since the start, and the load averages noted at each step and now. */
  const finish = () => {
    loads.push(os.loadavg()[0]!)
    return {
      seconds: (performance.now() - started) / 1000,
      load: `mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)}, max ${Math.max(...loads).toFixed(1)}`,
    }
  }
  return { progress, finish }
}

export interface BenchDatabase {
  url: string
  db: Db
  /** Closes the connections, stops the embedded PostgreSQL and removes its folder. */
  close(): Promise<void>
}

/**
 * A migrated database with no proposals: the embedded PostgreSQL of a new temporary folder, or the
 * server of BENCH_DATABASE_URL (refused when it holds proposals).
 */
export async function openBenchDatabase(name: string, progress: (message: string) => void): Promise<BenchDatabase> {
  const dataDir = path.join(os.tmpdir(), `ponte-bench-${name}-${process.pid}`)
  let embedded: EmbeddedDatabase | undefined
  const stopEmbedded = async () => {
    await embedded?.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    let url = process.env.BENCH_DATABASE_URL
    if (!url) {
      progress(`starting an embedded PostgreSQL in ${dataDir}`)
      embedded = await startEmbeddedPostgres(dataDir)
      url = embedded.url
    }
    await migrateDatabase(url)
    const database = connectDatabase(url)
    const [{ count }] = await database.db.execute<{ count: number }>(sql`select count(*)::int as count from proposals`)
    if (count > 0) {
      await database.close()
      throw new Error(`The database of BENCH_DATABASE_URL holds ${count} proposals: the bench needs an empty one.`)
    }
    return {
      url,
      db: database.db,
      close: async () => {
        await database.close()
        await stopEmbedded()
      },
    }
  } catch (error) {
    await stopEmbedded()
    throw error
  }
}

/** The node, the CPUs and the PostgreSQL server a run measured. */
export async function describeMachine(db: Db): Promise<string> {
  const [{ version }] = await db.execute<{ version: string }>(sql`select current_setting('server_version') as version`)
  return `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), PostgreSQL ${version}`
}

/** The q-quantile of the samples (nearest rank). */
export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

/** Milliseconds as the tables show them: one decimal under 10. */
export const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0))
