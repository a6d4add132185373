/**
 * `npm run bench:search [-- --n 100000 --runs 50]`: proposal search end to end, on a catalogue of
 * `--n` made-up published proposals (./search-workload.ts), as the real app sees them:
 *
 * 1. Load: organisations, startup profiles, proposals, their texts, published versions and
 *    transitions written by bulk inserts shaped like the import's rows (a published import by
 *    Ponte itself), then a full reindex as `npm run search:reindex` does it (reindexSearch).
 * 2. Module: searchProposals (engine + hydration from PostgreSQL) over a query mix (text,
 *    misspelt text, filters only, text + filters, sorts, deep pages), in the public and the
 *    verified scope. Uncached: every query of a pass is a search the engine has not seen (distinct
 *    words or filters), so its answer cache never answers. Cached: a few queries per kind,
 *    asked once, then again and again (answered from the cache; hydration still runs).
 * 3. HTTP: the real server (server/main.ts, the production build in build/: made when missing,
 *    otherwise used as it is, so `npm run build` after a change) with its worker, on the same
 *    database: GET /api/v1/proposals and the /proposals page, anonymous (public scope), the same
 *    mix, uncached and cached as above.
 * 4. Publication: a proposal created, submitted and published through the lifecycle while the
 *    server runs; the time from the publication's commit until the API finds it by a word of its title.
 *
 * `--runs` is the number of queries per kind and pass. Progress goes to stderr, the tables to
 * stdout (Markdown). Runs an embedded PostgreSQL in a temporary folder, or the server of
 * BENCH_DATABASE_URL (an empty database: the bench stops if it holds proposals).
 */
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { searchQueryString, type CatalogueSearch } from '../../app/modules/proposals/search-params'
import { searchProposals } from '../../app/modules/proposals/search.server'
import type { Db } from '../../db/client'
import { reindexSearch, warmUpSearch } from '../../search/commands.server'
import { createSearch, type Search } from '../../search/engine.server'
import type { SearchScope } from '../../search/types'
import { ensureServerBuild, startPonteServer, type PonteServer } from '../setup/ponte-server'
import { createOrganisation, createUser } from '../setup/factories'
import { createOrganiser, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { loadCatalogue } from './catalogue'
import { benchProgress, describeMachine, ms, openBenchDatabase, percentile, type BenchDatabase } from './harness'
import { catalogueSearchMaker, demoVocabulary, generateDocuments, seededRandom, type Vocabulary } from './search-workload'

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '100000' }, runs: { type: 'string', default: '50' } } })
const COUNT = Number(args.n)
const RUNS = Number(args.runs)
if (!Number.isInteger(COUNT) || COUNT < 100 || !Number.isInteger(RUNS) || RUNS < 5) {
  console.error('Usage: npm run bench:search -- [--n <proposals, at least 100>] [--runs <queries per kind and pass, at least 5>]')
  process.exit(2)
}
const PUBLICATIONS = 20

const { progress, finish } = benchProgress('search')
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------
// The query mix

const queryKinds = ['text', 'misspelt text', 'filters only', 'text + filters', 'sorted', 'deep page'] as const
type QueryKind = (typeof queryKinds)[number]

/**
 * Searches of each kind, every one distinct from the others (its words and filters: what the
 * engine's answer cache is keyed by), so that a pass over them is never answered from the cache.
 */
function querySets(vocabulary: Vocabulary, perKind: number, sets: number, seed: number): Record<QueryKind, CatalogueSearch[]>[] {
  const random = seededRandom(seed)
  const { someWords, misspelt, someFilters } = catalogueSearchMaker(vocabulary, random)
  const base = { perPage: 20, page: 1, sort: null, filters: {}, q: '' } satisfies CatalogueSearch
  const make: Record<QueryKind, () => CatalogueSearch> = {
    text: () => ({ ...base, q: someWords() }),
    'misspelt text': () => ({ ...base, q: misspelt() }),
    'filters only': () => ({ ...base, filters: someFilters() }),
    'text + filters': () => ({ ...base, q: someWords(), filters: someFilters() }),
    sorted: () => ({
      ...base,
      sort: random.pick(['newest', 'amount_asc', 'amount_desc', 'closing'] as const),
      ...(random.next() < 0.5 ? { q: someWords() } : { filters: someFilters() }),
    }),
    // Far into a large result (a low minimum amount keeps most of the catalogue): page 50 to 1000 of 20.
    'deep page': () => ({
      ...base,
      sort: random.next() < 0.5 ? 'newest' : null,
      filters: { amountMinEur: Math.floor(random.next() * 1_000_000) },
      page: 50 + Math.floor(random.next() * Math.max(1, Math.min(950, COUNT / 40 - 50))),
    }),
  }
  const seen = new Set<string>()
  return Array.from({ length: sets }, () => {
    const set = {} as Record<QueryKind, CatalogueSearch[]>
    for (const kind of queryKinds) {
      set[kind] = []
      while (set[kind].length < perKind) {
        const search = make[kind]()
        const key = JSON.stringify([search.q.toLowerCase().trim(), search.filters])
        if (seen.has(key)) continue
        seen.add(key)
        set[kind].push(search)
      }
    }
    return set
  })
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Samples = Record<QueryKind, number[]>

const cell = (samples: number[]) => `${ms(percentile(samples, 0.5))} / ${ms(percentile(samples, 0.95))} / ${ms(percentile(samples, 0.99))}`

/** Times `ask` over every query of the set, kind by kind. */
async function uncachedPass(set: Record<QueryKind, CatalogueSearch[]>, ask: (search: CatalogueSearch) => Promise<unknown>): Promise<Samples> {
  const samples = {} as Samples
  for (const kind of queryKinds) {
    samples[kind] = []
    for (const search of set[kind]) {
      const started = performance.now()
      await ask(search)
      samples[kind].push(performance.now() - started)
    }
  }
  return samples
}

/** The first few queries of each kind, asked once (filling the cache), then in turn until `RUNS` timings per kind. */
async function cachedPass(set: Record<QueryKind, CatalogueSearch[]>, ask: (search: CatalogueSearch) => Promise<unknown>): Promise<Samples> {
  const samples = {} as Samples
  for (const kind of queryKinds) {
    const repeated = set[kind].slice(0, 5)
    for (const search of repeated) await ask(search)
    samples[kind] = []
    for (let n = 0; n < RUNS; n++) {
      const started = performance.now()
      await ask(repeated[n % repeated.length]!)
      samples[kind].push(performance.now() - started)
    }
  }
  return samples
}

async function fetchOk(url: string): Promise<string> {
  const response = await fetch(url)
  const body = await response.text()
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`)
  return body
}

/**
 * Publishes proposals through the lifecycle (created, submitted by a startup member, published
 * by an organiser) while the server and its worker run, and polls the API, back to back, for a
 * word of each one's title until the proposal is among the hits. Milliseconds from the
 * publication's commit to the first answer that has it.
 */
async function publicationDelays(db: Db, server: PonteServer): Promise<number[]> {
  const member = await createUser(db, { name: 'Bench Founder' })
  const startup = await createOrganisation(db, 'startup', { members: [{ userId: member.id }], name: 'Bench Biolabs' })
  const { actor: organiser } = await createOrganiser(db)
  const delays: number[] = []
  for (let n = 0; n < PUBLICATIONS; n++) {
    // A word no other proposal has (letters only: digits would be a word of their own).
    const word = `publicandum${[...String(n).padStart(3, '0')].map((digit) => 'abcdefghij'[Number(digit)]).join('')}`
    const input = validProposalInput()
    const overrides = { texts: { en: { ...input.texts.en!, title: `Phage therapy ${word}` } } }
    const { id } = await publishedProposal(db, { organisationId: startup.id, memberId: member.id, organiser, overrides })
    const published = performance.now()
    for (;;) {
      const body = JSON.parse(await fetchOk(`${server.url}/api/v1/proposals?q=${word}`)) as { hits: { id: string }[] }
      if (body.hits.some((hit) => hit.id === id)) break
      if (performance.now() - published > 30_000) throw new Error(`proposal ${id} was not searchable 30 s after its publication`)
    }
    delays.push(performance.now() - published)
  }
  return delays
}

// ---------------------------------------------------------------------------------------------
// The run

const setup: [string, string][] = []
const results: [string, Samples][] = []
let publications: number[] = []

let machine = ''
let bench: BenchDatabase | undefined
let server: PonteServer | undefined
try {
  progress(`building the server if needed`)
  await ensureServerBuild()
  bench = await openBenchDatabase('search', progress)
  const { db, url } = bench
  machine = await describeMachine(db)

  progress(`generating ${COUNT} made-up proposals`)
  let started = performance.now()
  const vocabulary = await demoVocabulary()
  const documents = generateDocuments(COUNT, vocabulary)
  setup.push(['made-up proposals generated (in memory)', `${COUNT} in ${seconds(performance.now() - started)}`])

  progress(`loading them into PostgreSQL`)
  started = performance.now()
  const { startups } = await loadCatalogue(db, documents, progress)
  setup.push(['load: startups, proposals, texts, versions, transitions (bulk inserts, analyze)', `${startups} startups, ${COUNT} proposals in ${seconds(performance.now() - started)}`])
  documents.length = 0

  progress(`full reindex (npm run search:reindex: reindexSearch)`)
  const search: Search = createSearch({ meilisearch: undefined }, db)
  started = performance.now()
  const { indexed } = await reindexSearch(db, search)
  const reindexMs = performance.now() - started
  setup.push(['full reindex (search:reindex: rebuild, second read, swap)', `${indexed} documents in ${seconds(reindexMs)}, ${Math.round(indexed / (reindexMs / 1000))} per s`])

  // A process's first search loads every document's filter columns.
  const sets = querySets(vocabulary, RUNS, 3, 2027)
  const [moduleSet, apiSet, pageSet] = sets as [Record<QueryKind, CatalogueSearch[]>, Record<QueryKind, CatalogueSearch[]>, Record<QueryKind, CatalogueSearch[]>]
  const engine = createSearch({ meilisearch: undefined }, db)
  started = performance.now()
  const first = await searchProposals({ db, search: engine }, 'public', { q: '', filters: {}, sort: null, page: 1, perPage: 20 })
  // As at start-up (prepareSearchAtStartup): the pool's connections warmed by a few text searches.
  await warmUpSearch(engine)
  setup.push(['module: first search of a process (loads the filter columns, warms the pool)', `${(performance.now() - started).toFixed(0)} ms`])
  if (first.total !== COUNT || first.hits.length !== 20) throw new Error(`The catalogue's first page shows ${first.hits.length} of ${first.total} proposals, not 20 of ${COUNT}.`)

  for (const scope of ['public', 'verified'] as SearchScope[]) {
    progress(`module, ${scope} scope: uncached`)
    const ask = (search: CatalogueSearch) => searchProposals({ db, search: engine }, scope, search)
    results.push([`module, ${scope} scope, uncached`, await uncachedPass(moduleSet, ask)])
    progress(`module, ${scope} scope: cached`)
    results.push([`module, ${scope} scope, cached`, await cachedPass(moduleSet, ask)])
  }

  progress(`starting the server (server/main.ts, production build, worker in the web process)`)
  started = performance.now()
  server = await startPonteServer({
    timeoutMs: 120_000,
    env: { DATABASE_URL: url, SESSION_SECRET: randomUUID() + randomUUID(), WORKER_IN_WEB: 'true', SEED_DEMO_DATA: 'false', NODE_ENV: 'production' },
  })
  setup.push(['server start (until /healthz answers)', `${(performance.now() - started).toFixed(0)} ms`])
  const base = server.url
  started = performance.now()
  const firstApi = JSON.parse(await fetchOk(`${base}/api/v1/proposals`)) as { total: number }
  if (firstApi.total !== COUNT) throw new Error(`The server's API finds ${firstApi.total} proposals, not ${COUNT}.`)
  setup.push(['HTTP: first API search of the server (loads the filter columns)', `${(performance.now() - started).toFixed(0)} ms`])
  await fetchOk(`${base}/proposals`)

  const api = (search: CatalogueSearch) => fetchOk(`${base}/api/v1/proposals?${searchQueryString(search, { perPage: true })}`)
  const page = (search: CatalogueSearch) => fetchOk(`${base}/proposals?${searchQueryString(search)}`)
  progress(`HTTP API: uncached, cached`)
  results.push(['GET /api/v1/proposals, uncached', await uncachedPass(apiSet, api)])
  results.push(['GET /api/v1/proposals, cached', await cachedPass(apiSet, api)])
  progress(`HTTP page: uncached, cached`)
  results.push(['GET /proposals (HTML), uncached', await uncachedPass(pageSet, page)])
  results.push(['GET /proposals (HTML), cached', await cachedPass(pageSet, page)])

  progress(`publishing ${PUBLICATIONS} proposals and polling the API until each is found`)
  publications = await publicationDelays(db, server)
} finally {
  await server?.stop({ timeoutMs: 20_000 })
  await bench?.close()
}

const { seconds: total, load } = finish()
console.log(`## Search benchmark: ${COUNT} proposals (${machine})\n`)
console.log('| step | result |')
console.log('|---|---|')
for (const [label, value] of setup) console.log(`| ${label} | ${value} |`)
console.log(`| time until a publication is searchable (${publications.length} publications, API polled) | p50 ${ms(percentile(publications, 0.5))} ms, max ${ms(Math.max(...publications))} ms |`)
console.log(`| whole run | ${total.toFixed(0)} s |`)
console.log(`| machine load during the run (1-minute load average at each step) | ${load} |`)
console.log(`\nLatency in ms, p50 / p95 / p99, ${RUNS} queries per kind (public scope over HTTP: anonymous requests):\n`)
console.log(`| | ${queryKinds.join(' | ')} | all |`)
console.log(`|---|${queryKinds.map(() => '---').join('|')}|---|`)
for (const [label, samples] of results) {
  console.log(`| ${label} | ${queryKinds.map((kind) => cell(samples[kind])).join(' | ')} | ${cell(queryKinds.flatMap((kind) => samples[kind]))} |`)
}
// The server helper's stop() leaves its kill timer (timeoutMs) running after the server has exited.
process.exit(0)
