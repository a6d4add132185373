/**
 * `npm run bench:search [-- --n 100000 --runs 50]`: proposal search end to end, on a catalogue of
 * `--n` made-up published proposals (./search-workload.ts), as the real app sees them:
 *
 * 1. Load: organisations, startup profiles, proposals, their texts, published versions and
 *    transitions written by bulk inserts shaped like the import's rows (a published import by
 *    Ponte itself), then a full reindex through the engine's rebuild from allSearchDocuments.
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
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { supportedLocales, type Locale } from '../../app/modules/i18n/locales'
import { clusterRegionCodes } from '../../app/modules/organisations/regions'
import { searchQueryString, type CatalogueSearch } from '../../app/modules/proposals/search-params'
import { searchProposals } from '../../app/modules/proposals/search.server'
import { developmentPhases, instruments, stages, subsectors } from '../../app/modules/proposals/taxonomy'
import { connectDatabase, type Db } from '../../db/client'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded'
import { migrateDatabase } from '../../db/migrate'
import {
  organisations,
  proposals,
  proposalTexts,
  proposalTransitions,
  proposalVersions,
  startupProfiles,
  type ProposalSnapshot,
} from '../../db/schema'
import { allSearchDocuments } from '../../search/documents.server'
import { warmUpSearch } from '../../search/commands.server'
import { createSearch, type Search } from '../../search/engine.server'
import type { SearchDocument, SearchFilters, SearchScope } from '../../search/types'
import { ensureServerBuild, startPonteServer, type PonteServer } from '../setup/ponte-server'
import { createOrganisation, createUser } from '../setup/factories'
import { createOrganiser, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { demoVocabulary, generateDocuments, type Vocabulary } from './search-workload'

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '100000' }, runs: { type: 'string', default: '50' } } })
const COUNT = Number(args.n)
const RUNS = Number(args.runs)
if (!Number.isInteger(COUNT) || COUNT < 100 || !Number.isInteger(RUNS) || RUNS < 5) {
  console.error('Usage: npm run bench:search -- [--n <proposals, at least 100>] [--runs <queries per kind and pass, at least 5>]')
  process.exit(2)
}
const PUBLICATIONS = 20
/** Rows written per insert statement (the largest, proposals, stays under PostgreSQL's 65,535 parameters). */
const LOAD_BATCH = 1000

const benchStarted = performance.now()
/** The machine's 1-minute load average at each step: other work on the same cores shows in every figure. */
const loads: number[] = []
const progress = (message: string) => {
  loads.push(os.loadavg()[0]!)
  console.error(`[bench:search ${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${message}`)
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------
// The catalogue: the workload's documents turned back into the rows the app reads

/** What a generated document says about its proposal, as the working copy and the frozen version hold it. */
function snapshotOf(document: SearchDocument): ProposalSnapshot {
  const texts: ProposalSnapshot['texts'] = {}
  for (const locale of supportedLocales) {
    const title = document[`title_${locale}`]
    if (title !== undefined) texts[locale] = { title, summary: document[`summary_${locale}`] ?? '', description: document[`description_${locale}`] ?? '' }
  }
  return {
    originalLocale: document.originalLocale,
    texts,
    amountSoughtCents: document.amountSoughtEur * 100,
    minimumTicketCents: 2_500_000,
    preMoneyValuationCents: null,
    instrument: document.instrument,
    stage: document.stage,
    closingDate: document.closingDate,
    subsector: document.subsector,
    trl: document.trl,
    developmentPhase: document.developmentPhase,
    modality: 'other',
    therapeuticAreas: document.therapeuticAreas,
    regulatoryPathway: 'none',
    deviceClass: null,
    ipStatus: 'none',
    useOfFunds: [],
  }
}


/**
 * Writes the catalogue as a published import by Ponte itself would (app/modules/imports): one
 * startup per made-up startup name (its place from its first proposal that has one; none, no
 * profile), each proposal with its texts, its published version and the transitions
 * draft → submitted → published. The search outbox is left empty: the full reindex that follows
 * indexes everything.
 */
async function loadCatalogue(db: Db, documents: SearchDocument[]): Promise<{ startups: number }> {
  const startups = new Map<string, { id: string; document: SearchDocument; place?: SearchDocument }>()
  for (const document of documents) {
    let startup = startups.get(document.startupName)
    if (!startup) startups.set(document.startupName, (startup = { id: randomUUID(), document }))
    if (!startup.place && document.region !== null && document.city !== null) startup.place = document
  }
  const all = [...startups.values()]
  for (let from = 0; from < all.length; from += LOAD_BATCH) {
    const batch = all.slice(from, from + LOAD_BATCH)
    await db.transaction(async (tx) => {
      await tx.insert(organisations).values(
        batch.map(({ id, document }, n) => ({
          id,
          kind: 'startup' as const,
          name: document.startupName,
          slug: `${document.startupName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${from + n}`,
          country: document.country,
        })),
      )
      const profiles = batch.flatMap(({ id, place }) =>
        place ? [{ organisationId: id, region: place.region!, city: place.city!, subsectors: [place.subsector] }] : [],
      )
      if (profiles.length) await tx.insert(startupProfiles).values(profiles)
    })
  }

  const writeProposals = async (batch: SearchDocument[]) => {
    const rows = batch.map((document) => ({ document, snapshot: snapshotOf(document), versionId: randomUUID(), at: new Date(document.publishedAt * 1000) }))
    await db.transaction(async (tx) => {
      await tx.insert(proposals).values(
        rows.map(({ document, snapshot, versionId, at }) => {
          const { texts: _texts, originalLocale, ...facts } = snapshot
          return {
            ...facts,
            id: document.id,
            organisationId: startups.get(document.startupName)!.id,
            status: 'published' as const,
            originalLocale,
            publishedVersionId: versionId,
            createdAt: at,
            updatedAt: at,
            submittedAt: at,
            firstPublishedAt: at,
          }
        }),
      )
      await tx.insert(proposalTexts).values(
        rows.flatMap(({ document, snapshot }) =>
          Object.entries(snapshot.texts).map(([locale, text]) => ({ proposalId: document.id, locale: locale as Locale, ...text })),
        ),
      )
      await tx.insert(proposalVersions).values(rows.map(({ document, snapshot, versionId, at }) => ({ id: versionId, proposalId: document.id, snapshot, publishedAt: at })))
      await tx.insert(proposalTransitions).values(
        rows.flatMap(({ document, at }) => [
          { proposalId: document.id, fromStatus: null, toStatus: 'submitted' as const, actorId: null, createdAt: at },
          { proposalId: document.id, fromStatus: 'submitted' as const, toStatus: 'published' as const, actorId: null, createdAt: at },
        ]),
      )
    })
  }
  // Two batches at a time: one builds its statements while the database writes the other.
  const pending = Array.from({ length: Math.ceil(documents.length / LOAD_BATCH) }, (_, n) => n * LOAD_BATCH)
  let written = 0
  const writer = async () => {
    for (let from = pending.shift(); from !== undefined; from = pending.shift()) {
      await writeProposals(documents.slice(from, from + LOAD_BATCH))
      written += Math.min(LOAD_BATCH, documents.length - from)
      if (written % (LOAD_BATCH * 20) === 0) progress(`  ${written} proposals written`)
    }
  }
  await Promise.all([writer(), writer()])
  await db.execute(sql`analyze`)
  return { startups: startups.size }
}

// ---------------------------------------------------------------------------------------------
// The query mix

/** A small seeded generator (xorshift32): every run asks the same questions. */
function seededRandom(seed: number) {
  let state = seed
  const next = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4_294_967_296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => pick(items)))]
  return { next, pick, some }
}

const queryKinds = ['text', 'misspelt text', 'filters only', 'text + filters', 'sorted', 'deep page'] as const
type QueryKind = (typeof queryKinds)[number]

/**
 * Searches of each kind, every one distinct from the others (its words and filters: what the
 * engine's answer cache is keyed by), so that a pass over them is never answered from the cache.
 */
function querySets(vocabulary: Vocabulary, perKind: number, sets: number, seed: number): Record<QueryKind, CatalogueSearch[]>[] {
  const random = seededRandom(seed)
  const words = Object.fromEntries(
    supportedLocales.map((locale) => [locale, [...new Set(vocabulary.common[locale].map((word) => word.toLowerCase()))].filter((word) => /^\p{L}{4,}$/u.test(word))]),
  ) as Record<Locale, string[]>
  const someWords = () => {
    const locale = random.pick(supportedLocales)
    return Array.from({ length: 1 + Math.floor(random.next() * 2) }, () => random.pick(words[locale])).join(' ')
  }
  /** One typo (a letter changed, dropped, doubled or two swapped) in a word long enough to be forgiven one. */
  const misspelt = () => {
    const locale = random.pick(supportedLocales)
    const word = random.pick(words[locale].filter((w) => w.length >= 6))
    const at = 1 + Math.floor(random.next() * (word.length - 2))
    const typo = [
      () => word.slice(0, at) + random.pick([...'aeioulnrst']) + word.slice(at + 1),
      () => word.slice(0, at) + word.slice(at + 1),
      () => word.slice(0, at) + word[at] + word.slice(at),
      () => word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
    ]
    return random.pick(typo)()
  }
  const amount = () => 100_000 * (1 + Math.floor(random.next() * 99))
  const someFilters = (): SearchFilters => {
    const choices: (() => SearchFilters)[] = [
      () => ({ region: random.some([...clusterRegionCodes, 'PT19'], 2) }),
      () => ({ subsector: random.some(subsectors, 2) }),
      () => ({ stage: random.some(stages, 2) }),
      () => ({ instrument: random.some(instruments, 2) }),
      () => ({ developmentPhase: random.some(developmentPhases, 3) }),
      () => {
        const low = 1 + Math.floor(random.next() * 9)
        return { trlMin: low, trlMax: Math.min(9, low + Math.floor(random.next() * 5)) }
      },
      () => {
        const [low, high] = [amount(), amount()].sort((a, b) => a - b)
        return random.next() < 0.5 ? { amountMinEur: low } : { amountMinEur: low, amountMaxEur: high }
      },
      () => ({ closingWithinDays: 7 + Math.floor(random.next() * 360) }),
    ]
    return Object.assign({}, ...random.some(choices, 3).map((choice) => choice()))
  }
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

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0))
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

let embedded: EmbeddedDatabase | undefined
let server: PonteServer | undefined
const dataDir = path.join(os.tmpdir(), `ponte-bench-search-${process.pid}`)
try {
  progress(`building the server if needed`)
  await ensureServerBuild()
  let url = process.env.BENCH_DATABASE_URL
  if (!url) {
    progress(`starting an embedded PostgreSQL in ${dataDir}`)
    embedded = await startEmbeddedPostgres(dataDir)
    url = embedded.url
  }
  await migrateDatabase(url)
  const database = connectDatabase(url)
  const { db } = database
  const [{ count }] = await db.execute<{ count: number }>(sql`select count(*)::int as count from proposals`)
  if (count > 0) throw new Error(`The database of BENCH_DATABASE_URL holds ${count} proposals: the bench needs an empty one.`)

  progress(`generating ${COUNT} made-up proposals`)
  let started = performance.now()
  const vocabulary = await demoVocabulary()
  const documents = generateDocuments(COUNT, vocabulary)
  setup.push(['made-up proposals generated (in memory)', `${COUNT} in ${seconds(performance.now() - started)}`])

  progress(`loading them into PostgreSQL`)
  started = performance.now()
  const { startups } = await loadCatalogue(db, documents)
  setup.push(['load: startups, proposals, texts, versions, transitions (bulk inserts, analyze)', `${startups} startups, ${COUNT} proposals in ${seconds(performance.now() - started)}`])
  documents.length = 0

  progress(`full reindex (engine rebuild from allSearchDocuments)`)
  const search: Search = createSearch({ meilisearch: undefined }, db)
  started = performance.now()
  const { indexed } = await search.rebuild(() => allSearchDocuments(db))
  await search.applySettings()
  setup.push(['full reindex: rebuild(allSearchDocuments) + applySettings', `${indexed} documents in ${seconds(performance.now() - started)}`])

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
  await database.close()
} finally {
  await server?.stop({ timeoutMs: 20_000 })
  await embedded?.stop()
  await rm(dataDir, { recursive: true, force: true })
}

const total = (performance.now() - benchStarted) / 1000
console.log(`## Search benchmark: ${COUNT} proposals (node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''})\n`)
console.log('| step | result |')
console.log('|---|---|')
for (const [label, value] of setup) console.log(`| ${label} | ${value} |`)
console.log(`| time until a publication is searchable (${publications.length} publications, API polled) | p50 ${ms(percentile(publications, 0.5))} ms, max ${ms(Math.max(...publications))} ms |`)
loads.push(os.loadavg()[0]!)
console.log(`| whole run | ${total.toFixed(0)} s |`)
console.log(`| machine load during the run (1-minute load average at each step) | mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)}, max ${Math.max(...loads).toFixed(1)} |`)
console.log(`\nLatency in ms, p50 / p95 / p99, ${RUNS} queries per kind (public scope over HTTP: anonymous requests):\n`)
console.log(`| | ${queryKinds.join(' | ')} | all |`)
console.log(`|---|${queryKinds.map(() => '---').join('|')}|---|`)
for (const [label, samples] of results) {
  console.log(`| ${label} | ${queryKinds.map((kind) => cell(samples[kind])).join(' | ')} | ${cell(queryKinds.flatMap((kind) => samples[kind]))} |`)
}
// The server helper's stop() leaves its kill timer (timeoutMs) running after the server has exited.
process.exit(0)
