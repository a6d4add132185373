/**
 * `node --import tsx tests/bench/search-postgres.ts [count]`: how the Postgres search engine
 * copes with a large catalogue (100,000 made-up proposals by default, ./search-workload.ts):
 * times index() in batches of 500 and rebuild(), the first query of a new engine (it loads the
 * filter columns into memory) with the process's memory before and after, then the latency of a
 * mix of queries (text, text with filters, filters only, sorted; facets always), uncached (an
 * engine that caches no answers, its columns loaded) and repeated (answered from the cache).
 * Runs an embedded PostgreSQL in a temporary folder, or the server of BENCH_DATABASE_URL
 * (a database that may be emptied). `--queries-only` (with BENCH_DATABASE_URL, whose index a
 * previous run left with the same count) skips the writes and times the queries again.
 */
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { connectDatabase } from '../../db/client'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded'
import { migrateDatabase } from '../../db/migrate'
import { createPostgresEngine } from '../../search/postgres-engine.server'
import { demoVocabulary, generateDocuments, queryMix } from './search-workload'

const COUNT = Number(process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? 100_000)
const QUERIES_ONLY = process.argv.includes('--queries-only')
const BATCH = 500

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

const summary = (samples: number[]) =>
  `p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`

/** A full garbage collection, so that memory figures count what is kept. */
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`
function memory(): { heap: number; buffers: number } {
  collectGarbage()
  const usage = process.memoryUsage()
  return { heap: usage.heapUsed, buffers: usage.arrayBuffers }
}

const lines: string[] = []
const report = (label: string, value: string) => lines.push(`  ${label.padEnd(40)} ${value}`)

let embedded: EmbeddedDatabase | undefined
const dataDir = path.join(os.tmpdir(), `ponte-bench-search-${process.pid}`)
try {
  let url = process.env.BENCH_DATABASE_URL
  if (!url) {
    embedded = await startEmbeddedPostgres(dataDir)
    url = embedded.url
  }
  await migrateDatabase(url)
  const database = connectDatabase(url)
  const engine = createPostgresEngine(database.db)
  const documents = generateDocuments(COUNT, await demoVocabulary())
  report('documents', `${COUNT}`)

  let started = performance.now()
  if (QUERIES_ONLY) {
    if (!process.env.BENCH_DATABASE_URL) throw new Error('--queries-only needs BENCH_DATABASE_URL, indexed by a previous run')
  } else {
    for (let from = 0; from < documents.length; from += BATCH) await engine.index(documents.slice(from, from + BATCH))
    report(`index() in batches of ${BATCH}`, `${((performance.now() - started) / 1000).toFixed(1)} s`)

    started = performance.now()
    await engine.rebuild(async function* () {
      for (let from = 0; from < documents.length; from += BATCH) yield documents.slice(from, from + BATCH)
    })
    report('rebuild()', `${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  await engine.applySettings()

  // A new engine's first query loads every document's filter columns.
  const before = memory()
  const uncached = createPostgresEngine(database.db, { cacheAnswers: false })
  started = performance.now()
  await uncached.query(queryMix[0]!.queries[0]!)
  report('first query (loads the columns)', `${(performance.now() - started).toFixed(0)} ms`)
  const after = memory()
  report('memory: heap used before → after', `${megabytes(before.heap)} → ${megabytes(after.heap)}`)
  report('memory: array buffers before → after', `${megabytes(before.buffers)} → ${megabytes(after.buffers)}`)

  // Uncached: every query computed (the columns loaded). Repeated: the same queries again,
  // answered from the engine's cache (valid until the index changes).
  for (const cached of [false, true]) {
    const all: number[] = []
    const warm = createPostgresEngine(database.db)
    for (const { kind, queries } of queryMix) {
      const samples: number[] = []
      if (cached) for (const query of queries) await warm.query(query)
      for (let round = 0; round < (cached ? 10 : 3); round++) {
        for (const query of queries) {
          const answering = cached ? warm : uncached
          const at = performance.now()
          await answering.query(query)
          samples.push(performance.now() - at)
        }
      }
      all.push(...samples)
      report(`${cached ? 'repeated' : 'uncached'}: ${kind} (${samples.length})`, summary(samples))
    }
    report(`${cached ? 'repeated' : 'uncached'}: all queries (${all.length})`, summary(all))
  }

  // Another engine (another process) writes: the next query first brings the columns up to date.
  const samples: number[] = []
  for (const [n, document] of documents.slice(0, 10).entries()) {
    await createPostgresEngine(database.db).index([{ ...document, amountSoughtEur: document.amountSoughtEur + n + 1 }])
    const at = performance.now()
    await uncached.query(queryMix[2]!.queries[0]!)
    samples.push(performance.now() - at)
  }
  report(`query after another engine's index() (${samples.length})`, summary(samples))
  await database.close()
} finally {
  await embedded?.stop()
  await rm(dataDir, { recursive: true, force: true })
}
console.log(`Postgres search engine benchmark (node ${process.version}, ${os.cpus().length} CPUs)`)
console.log(lines.join('\n'))
