/**
 * `npm run bench:startup`: what a first and a later start of the embedded default cost, phase by
 * phase, and how fast the two catalogue queries answer on the demo data. Prints a table.
 * Runs on a fresh temporary data folder; nothing of the project's ./data is touched.
 */
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readCatalogueSearch } from '../../app/modules/proposals/search-params'
import { searchCatalogue } from '../../app/modules/proposals/search.server'
import { parseDirectoryQuery } from '../../app/modules/startups/directory-query'
import { listStartups } from '../../app/modules/startups/directory.server'
import { connectDatabase } from '../../db/client'
import { startEmbeddedPostgres } from '../../db/embedded'
import { migrateDatabase } from '../../db/migrate'
import { seedDemoData } from '../../db/seed'
import { createSearch } from '../../search/engine.server'
import { drainSearchOutbox } from '../../search/sync.server'

const rows: [string, string][] = []
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const result = await work()
  rows.push([label, `${(performance.now() - started).toFixed(0)} ms`])
  return result
}

async function latency(label: string, runs: number, work: () => Promise<unknown>) {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1)
  rows.push([`${label} (${runs} runs)`, `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`])
}

const dataDir = path.join(os.tmpdir(), `ponte-bench-${process.pid}`)
try {
  for (const start of ['first start', 'second start'] as const) {
    const pg = await timed(`${start}: PostgreSQL ${start === 'first start' ? 'initdb + start' : 'start'}`, () => startEmbeddedPostgres(dataDir))
    await timed(`${start}: migrations`, () => migrateDatabase(pg.url))
    const database = connectDatabase(pg.url)
    await timed(`${start}: demo data`, () => seedDemoData(database.db))
    if (start === 'second start') {
      const search = createSearch({ meilisearch: undefined }, database.db)
      await drainSearchOutbox(database.db, search)
      const pageOne = readCatalogueSearch(new URLSearchParams())
      // The same query 200 times: after the first, the engine answers from its cache (hydration still runs).
      await latency('catalogue page 1 (search, cached after the first)', 200, () => searchCatalogue({ db: database.db, search }, null, pageOne, 'es'))
      await latency('startup directory, region ES11 + search', 200, () =>
        listStartups(database.db, parseDirectoryQuery(new URLSearchParams('region=ES11&q=bio'))),
      )
    }
    await database.close()
    await timed(`${start}: PostgreSQL stop`, () => pg.stop())
  }
} finally {
  await rm(dataDir, { recursive: true, force: true })
}

const width = Math.max(...rows.map(([label]) => label.length))
console.log(`Ponte start-up benchmark (node ${process.version}, ${os.cpus().length} CPUs)`)
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
