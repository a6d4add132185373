/**
 * The Meilisearch engine at its HTTP boundary: the requests the official client sends for each
 * operation, captured by a stand-in server (tests/setup/meilisearch-stand-in.ts), and what the
 * engine makes of the answers, failures and outages. What Meilisearch then answers for real is
 * the contract suite's job (npm run test:meilisearch, against a real server).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMeilisearchStandIn, type MeilisearchStandIn, type MultiSearchBody, type RecordedRequest } from '../tests/setup/meilisearch-stand-in'
import { CONTRACT_TODAY, contractDocuments } from './contract-fixtures'
import { createMeilisearchEngine, type MeilisearchOptions } from './meilisearch-engine.server'
import { meilisearchSynonyms } from './synonyms'
import { SearchUnavailableError, type SearchDocument, type SearchQuery } from './types'

const ADMIN_KEY = 'admin-key-for-tests'
const SEARCH_KEY = 'search-key-for-tests'

let meili: MeilisearchStandIn
let indexNumber = 0
/** A new index uid per test, so tests share the server but not its data. */
let live: string

beforeAll(async () => {
  meili = await startMeilisearchStandIn({ keys: { master: ADMIN_KEY, search: SEARCH_KEY } })
})
afterAll(async () => {
  await meili.close()
})
beforeEach(() => {
  live = `proposals_${++indexNumber}`
  meili.hang(false)
  meili.failRequests(undefined)
  meili.delayTasks(0)
  meili.setMultiSearchResponse(undefined)
  meili.clearRequests()
})

function engineFor(options: Partial<MeilisearchOptions> = {}) {
  return createMeilisearchEngine({ url: meili.url, apiKey: ADMIN_KEY, searchKey: SEARCH_KEY, index: live, ...options })
}

function query(changes: Partial<SearchQuery> = {}): SearchQuery {
  return { text: '', filters: {}, sort: 'relevance', page: 1, perPage: 20, scope: 'verified', today: CONTRACT_TODAY, ...changes }
}

/** `count` documents: the contract fixtures over and over, each under its own id. */
function documents(count: number): SearchDocument[] {
  return Array.from({ length: count }, (_, n) => {
    const base = contractDocuments[n % contractDocuments.length]!
    return { ...base, id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`, hash: `hash-${n}` }
  })
}

async function* batchesOf(...batches: SearchDocument[][]) {
  for (const batch of batches) yield batch
}

const line = (request: RecordedRequest) => `${request.method} ${request.path}`
/** The requests without task polls, as "METHOD /path". */
const writes = () => meili.requests.filter((request) => !request.path.startsWith('/tasks/')).map(line)
const multiSearches = () => meili.requests.filter((request) => request.path === '/multi-search').map((request) => request.body as MultiSearchBody)
const ids = (list: readonly object[]) => list.map((document) => (document as { id?: unknown }).id)

/** Resolves with how long the promise took to settle, and its rejection. */
async function timed(promise: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const start = Date.now()
  try {
    await promise
    return { ms: Date.now() - start, error: undefined }
  } catch (error) {
    return { ms: Date.now() - start, error }
  }
}

describe('settings', () => {
  it('creates the index with primary key id and declares every setting in one update, then waits for it', async () => {
    await engineFor().applySettings()

    expect(writes()).toEqual([`GET /indexes/${live}`, 'POST /indexes', `PATCH /indexes/${live}/settings`])
    expect(meili.requests.find((request) => request.path === '/indexes')!.body).toEqual({ uid: live, primaryKey: 'id' })
    const settings = meili.requests.find((request) => request.method === 'PATCH')!.body
    expect(settings).toEqual({
      searchableAttributes: [
        'title_en', 'title_es', 'title_pt', 'title_gl', 'startupName',
        'summary_en', 'summary_es', 'summary_pt', 'summary_gl',
        'classificationNames', 'therapeuticAreaNames', 'city',
        'description_en', 'description_es', 'description_pt', 'description_gl',
      ],
      filterableAttributes: ['subsector', 'stage', 'region', 'instrument', 'developmentPhase', 'therapeuticAreas', 'trl', 'amountSoughtEur', 'closingDay', 'publishedAt'],
      sortableAttributes: ['publishedAt', 'amountSoughtEur', 'closingDay'],
      rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      synonyms: meilisearchSynonyms(),
      faceting: { maxValuesPerFacet: 200 },
      pagination: { maxTotalHits: 1_000_000 },
      localizedAttributes: [
        { attributePatterns: ['*_en'], locales: ['eng'] },
        { attributePatterns: ['*_es'], locales: ['spa'] },
        { attributePatterns: ['*_pt'], locales: ['por'] },
        { attributePatterns: ['*_gl'], locales: ['por'] },
      ],
    })
    expect((settings as { synonyms: Record<string, string[]> }).synonyms['cancro']).toEqual(expect.arrayContaining(['oncología', 'cáncer', 'tumour']))
    // Resolved only once the task was processed: the index holds the settings now.
    expect(meili.settings(live)).toEqual(settings)
  })

  it('updates the settings of an existing index again without recreating it (idempotent)', async () => {
    await engineFor().applySettings()
    meili.clearRequests()
    await engineFor().applySettings()
    expect(writes()).toEqual([`GET /indexes/${live}`, `PATCH /indexes/${live}/settings`])
  })

  it('gives a live index created by the first write its settings', async () => {
    await engineFor().index(documents(2))
    expect(writes()).toEqual([`GET /indexes/${live}`, 'POST /indexes', `PATCH /indexes/${live}/settings`, `POST /indexes/${live}/documents`])
    expect(meili.settings(live)).toHaveProperty('filterableAttributes')
  })
})

describe('writes', () => {
  it('adds documents in batches of 1000 under primary key id, waiting for each task before the next', async () => {
    const engine = engineFor()
    await engine.applySettings()
    meili.clearRequests()
    const all = documents(2500)

    await engine.index(all)

    const adds = meili.requests.filter((request) => request.path === `/indexes/${live}/documents`)
    expect(adds.map((request) => (request.body as SearchDocument[]).length)).toEqual([1000, 1000, 500])
    expect(adds.every((request) => request.query.primaryKey === 'id')).toBe(true)
    expect(adds.flatMap((request) => ids(request.body as SearchDocument[]))).toEqual(ids(all))
    // Each batch's task is polled to the end before the next batch is sent.
    const sequence = meili.requests.map(line)
    expect(sequence.filter((request) => request !== `GET /indexes/${live}`)).toEqual(
      adds.flatMap((_, n) => [`POST /indexes/${live}/documents`, `GET /tasks/${meili.tasks().length - 3 + n}`]),
    )
    expect(ids(meili.documents(live))).toEqual(ids(all))
  })

  it('keeps waiting while a task is still processing', async () => {
    const engine = engineFor()
    await engine.applySettings()
    meili.delayTasks(3)
    meili.clearRequests()
    await engine.index(documents(3))
    expect(meili.requests.filter((request) => request.path.startsWith('/tasks/'))).toHaveLength(4)
    expect(meili.documents(live)).toHaveLength(3)
  })

  it('throws Meilisearch’s message when a task fails, as an ordinary error', async () => {
    const engine = engineFor()
    await engine.applySettings()
    meili.failNextTask('Document identifier `bad id` is invalid.', 'invalid_document_id')
    const { error } = await timed(engine.index(documents(3)))
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(SearchUnavailableError)
    expect((error as Error).message).toMatch(/Document identifier `bad id` is invalid\./)
    expect(meili.documents(live)).toEqual([])
  })

  it('removes documents by id and waits; no request for no ids', async () => {
    const engine = engineFor()
    const all = documents(4)
    await engine.index(all)
    meili.clearRequests()

    await engine.remove([all[0]!.id, all[2]!.id, 'unknown-id'])
    expect(writes()).toEqual([`POST /indexes/${live}/documents/delete-batch`])
    expect(meili.requests.at(-1)!.path).toMatch(/^\/tasks\//)
    expect(meili.requests[0]!.body).toEqual([all[0]!.id, all[2]!.id, 'unknown-id'])
    expect(ids(meili.documents(live))).toEqual([all[1]!.id, all[3]!.id])

    meili.clearRequests()
    await engine.remove([])
    await engine.index([])
    expect(meili.requests).toEqual([])
  })

  it('lists every indexed id with its hash, a page of 1000 at a time, asking only for id and hash', async () => {
    const engine = engineFor()
    const all = documents(2100)
    await engine.index(all)
    meili.clearRequests()

    expect(await engine.listIndexed()).toEqual(new Map(all.map((document) => [document.id, document.hash])))
    expect(meili.requests.map((request) => [line(request), request.query])).toEqual(
      [0, 1000, 2000].map((offset) => [`GET /indexes/${live}/documents`, { fields: 'id,hash', limit: '1000', offset: String(offset) }]),
    )
  })

  it('lists nothing for an index that does not exist yet', async () => {
    expect(await engineFor().listIndexed()).toEqual(new Map())
  })
})

describe('queries', () => {
  /** Answers every multi-search with empty results of the right shape. */
  function answerEmpty() {
    meili.setMultiSearchResponse((body) => ({
      results: body.queries.map((q) => ({ indexUid: q.indexUid, hits: [], query: q.q, processingTimeMs: 0, totalHits: 0, facetDistribution: {} })),
    }))
  }

  async function sent(search: Partial<SearchQuery>) {
    answerEmpty()
    meili.clearRequests()
    await engineFor().query(query(search))
    const searches = multiSearches()
    expect(searches).toHaveLength(1)
    return searches[0]!.queries
  }

  it('asks for one page of ids with an exact total, every word required', async () => {
    const [main, ...rest] = await sent({ text: 'Cáncer de PÁNCREAS', page: 3, perPage: 20 })
    expect(rest).toEqual([])
    expect(main).toEqual({
      indexUid: live,
      q: 'cancer de pancreas',
      matchingStrategy: 'all',
      attributesToSearchOn: [
        'title_en', 'title_es', 'title_pt', 'title_gl', 'startupName',
        'summary_en', 'summary_es', 'summary_pt', 'summary_gl',
        'classificationNames', 'therapeuticAreaNames', 'city',
        'description_en', 'description_es', 'description_pt', 'description_gl',
      ],
      page: 3,
      hitsPerPage: 20,
      attributesToRetrieve: ['id'],
      facets: ['subsector', 'stage', 'region', 'instrument', 'developmentPhase', 'therapeuticAreas', 'trl'],
    })
  })

  it('keeps pages within bounds', async () => {
    expect((await sent({ page: 0, perPage: 1000 }))[0]).toMatchObject({ page: 1, hitsPerPage: 100 })
    expect((await sent({ page: 2.7, perPage: 0 }))[0]).toMatchObject({ page: 2, hitsPerPage: 1 })
  })

  it('searches only the public tier’s fields in the public scope, and never filters or counts therapeutic areas there', async () => {
    const [main, ...rest] = await sent({ text: 'oncology', scope: 'public', filters: { therapeuticArea: ['oncology'], stage: ['seed'] } })
    expect(main!.attributesToSearchOn).toEqual([
      'title_en', 'title_es', 'title_pt', 'title_gl', 'startupName',
      'summary_en', 'summary_es', 'summary_pt', 'summary_gl',
      'classificationNames', 'city',
    ])
    expect(main!.filter).toBe('stage IN ["seed"]')
    expect(main!.facets).toEqual(['subsector', 'region', 'instrument', 'developmentPhase', 'trl'])
    expect(rest).toEqual([expect.objectContaining({ facets: ['stage'], attributesToSearchOn: main!.attributesToSearchOn })])
    expect(JSON.stringify([main, ...rest])).not.toContain('therapeuticArea')
  })

  it('sends every filter as quoted, escaped clauses; hostile values never reach Meilisearch', async () => {
    const [main] = await sent({
      filters: {
        subsector: ['marine', 'health'],
        stage: ['seed'],
        region: ['ES11', '" OR subsector EXISTS OR "', 'PT16'],
        instrument: ['equity', 'equity"] OR trl >= 0 OR stage IN ["x' as never],
        developmentPhase: ['preclinical'],
        therapeuticArea: ['oncology'],
        trlMin: 3,
        trlMax: 6,
        amountMinEur: 100_000,
        amountMaxEur: 2_000_000,
        closingWithinDays: 30,
      },
    })
    expect(main!.filter).toBe(
      'subsector IN ["marine", "health"] AND stage IN ["seed"] AND region IN ["ES11", "PT16"] AND instrument IN ["equity"]' +
        ' AND developmentPhase IN ["preclinical"] AND therapeuticAreas IN ["oncology"] AND trl >= 3 AND trl <= 6' +
        ` AND amountSoughtEur >= 100000 AND amountSoughtEur <= 2000000 AND closingDay >= ${CONTRACT_TODAY} AND closingDay <= ${CONTRACT_TODAY + 30}`,
    )
  })

  it.each([
    ['relevance', 'cáncer', undefined],
    ['relevance', '', ['publishedAt:desc']],
    ['relevance', '¿?!', ['publishedAt:desc']],
    ['newest', 'cáncer', ['publishedAt:desc']],
    ['amount_asc', '', ['amountSoughtEur:asc']],
    ['amount_desc', 'cáncer', ['amountSoughtEur:desc']],
    ['closing', '', ['closingDay:asc']],
  ] as const)('sorts %s with text %j as %j', async (sort, text, expected) => {
    const [main] = await sent({ sort, text })
    expect(main!.sort).toEqual(expected)
  })

  it('counts facets disjunctively in the same multi-search: one count-only query per filtered facet, without its own filter', async () => {
    const [main, ...perFacet] = await sent({
      text: 'vacina',
      filters: { region: ['ES11'], trlMin: 3, trlMax: 6, amountMaxEur: 500_000 },
    })
    expect(main!.filter).toBe('region IN ["ES11"] AND trl >= 3 AND trl <= 6 AND amountSoughtEur <= 500000')
    expect(main!.facets).toEqual(['subsector', 'stage', 'instrument', 'developmentPhase', 'therapeuticAreas'])
    const common = { indexUid: live, q: 'vacina', matchingStrategy: 'all', attributesToSearchOn: main!.attributesToSearchOn, limit: 0 }
    expect(perFacet).toEqual([
      { ...common, filter: 'trl >= 3 AND trl <= 6 AND amountSoughtEur <= 500000', facets: ['region'] },
      { ...common, filter: 'region IN ["ES11"] AND amountSoughtEur <= 500000', facets: ['trl'] },
    ])
  })

  it('reads ids, the total and the facet counts from the answer (zero counts dropped, codes as keys)', async () => {
    meili.setMultiSearchResponse((body) => ({
      results: [
        {
          indexUid: live,
          hits: [{ id: 'b' }, { id: 'a' }],
          query: body.queries[0]!.q,
          processingTimeMs: 1,
          page: 2,
          hitsPerPage: 2,
          totalPages: 4,
          totalHits: 7,
          facetDistribution: {
            subsector: { marine: 5, health: 2, agrifood: 0 },
            stage: { seed: 7 },
            instrument: { equity: 7 },
            developmentPhase: { preclinical: 3, discovery: 4 },
            therapeuticAreas: { oncology: 2, rare_diseases: 1 },
          },
        },
        { indexUid: live, hits: [], query: '', processingTimeMs: 1, facetDistribution: { region: { ES11: 7, PT11: 3 } } },
        { indexUid: live, hits: [], query: '', processingTimeMs: 1, facetDistribution: { trl: { '4': 5, '6': 2, '9': 0 } } },
      ],
    }))
    const result = await engineFor().query(query({ page: 2, perPage: 2, filters: { region: ['ES11'], trlMin: 3, trlMax: 6 } }))
    expect(result).toEqual({
      ids: ['b', 'a'],
      total: 7,
      facets: {
        subsector: { marine: 5, health: 2 },
        stage: { seed: 7 },
        region: { ES11: 7, PT11: 3 },
        instrument: { equity: 7 },
        developmentPhase: { preclinical: 3, discovery: 4 },
        therapeuticArea: { oncology: 2, rare_diseases: 1 },
        trl: { '4': 5, '6': 2 },
      },
    })
  })

  it('leaves the therapeutic area facet empty in the public scope even if an answer carried it', async () => {
    meili.setMultiSearchResponse((body) => ({
      results: body.queries.map(() => ({ indexUid: live, hits: [], query: '', processingTimeMs: 0, totalHits: 0, facetDistribution: { therapeuticAreas: { oncology: 3 }, stage: { seed: 1 } } })),
    }))
    const result = await engineFor().query(query({ scope: 'public' }))
    expect(result.facets.therapeuticArea).toEqual({})
    expect(result.facets.stage).toEqual({ seed: 1 })
  })

  it('answers from the index through the stand-in’s default search', async () => {
    const all = documents(30)
    await engineFor().index(all)
    const result = await engineFor().query(query({ page: 2, perPage: 10 }))
    expect(result.ids).toEqual(ids(all.slice(10, 20)))
    expect(result.total).toBe(30)
  })
})

describe('keys', () => {
  it('searches with the search key and writes with the admin key', async () => {
    const engine = engineFor()
    await engine.applySettings()
    await engine.index(documents(3))
    await engine.remove([documents(1)[0]!.id])
    await engine.listIndexed()
    await engine.rebuild(() => batchesOf(documents(2)))
    await engine.query(query({ text: 'cáncer', filters: { stage: ['seed'] } }))
    await engine.health()

    const searching = meili.requests.filter((request) => request.path === '/multi-search')
    const writing = meili.requests.filter((request) => request.path !== '/multi-search' && request.path !== '/health')
    expect(searching).toHaveLength(1)
    expect(writing.length).toBeGreaterThan(10)
    expect(searching.every((request) => request.authorization === `Bearer ${SEARCH_KEY}`)).toBe(true)
    expect(writing.every((request) => request.authorization === `Bearer ${ADMIN_KEY}`)).toBe(true)
  })

  it('reports a refused key as an ordinary error (a misconfiguration, not an outage)', async () => {
    await engineFor().applySettings()
    const { error } = await timed(engineFor({ searchKey: 'wrong-key' }).query(query()))
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(SearchUnavailableError)
    expect((error as Error).message).toMatch(/refused to search \(HTTP 403: The provided API key is invalid\.\)/)
    expect((error as Error).message).not.toContain('wrong-key')
  })
})

describe('rebuild', () => {
  const freshUid = () => meili.requests.find((request) => request.path === '/indexes')!.body as { uid: string }

  it('fills a fresh index with settings and documents, swaps it in atomically, then deletes the old content', async () => {
    const engine = engineFor()
    await engine.index(documents(5))
    meili.clearRequests()
    const replacement = documents(1500).slice(3)

    expect(await engine.rebuild(() => batchesOf(replacement.slice(0, 1200), replacement.slice(1200)))).toEqual({ indexed: replacement.length })

    const { uid: fresh } = freshUid()
    expect(fresh).toMatch(new RegExp(`^${live}_rebuild_\\d+$`))
    expect(writes()).toEqual([
      'POST /indexes',
      `PATCH /indexes/${fresh}/settings`,
      `POST /indexes/${fresh}/documents`,
      `POST /indexes/${fresh}/documents`,
      `POST /indexes/${fresh}/documents`,
      `GET /indexes/${live}`,
      'POST /swap-indexes',
      `DELETE /indexes/${fresh}`,
    ])
    expect(meili.requests.find((request) => request.path === '/swap-indexes')!.body).toEqual([{ indexes: [live, fresh], rename: false }])
    expect(ids(meili.documents(live))).toEqual(ids(replacement))
    expect(meili.settings(live)).toHaveProperty('searchableAttributes')
    expect(meili.indexes()).not.toContain(fresh)
  })

  it('creates the live index first when there is none, so the swap has two sides', async () => {
    await engineFor().rebuild(() => batchesOf(documents(2)))
    const { uid: fresh } = freshUid()
    expect(writes()).toEqual([
      'POST /indexes',
      `PATCH /indexes/${fresh}/settings`,
      `POST /indexes/${fresh}/documents`,
      `GET /indexes/${live}`,
      'POST /indexes',
      'POST /swap-indexes',
      `DELETE /indexes/${fresh}`,
    ])
    expect(meili.documents(live)).toHaveLength(2)
  })

  it('leaves the live index untouched and deletes the fresh one when a batch fails', async () => {
    const engine = engineFor()
    const old = documents(4)
    await engine.index(old)
    meili.clearRequests()

    async function* failingOnSecondBatch() {
      yield documents(10).slice(4, 6)
      meili.failNextTask('Payload too large.', 'payload_too_large')
      yield documents(10).slice(6)
    }
    const { error } = await timed(engine.rebuild(failingOnSecondBatch))

    expect((error as Error).message).toMatch(/Payload too large\./)
    const { uid: fresh } = freshUid()
    expect(writes()).not.toContain('POST /swap-indexes')
    expect(writes().at(-1)).toBe(`DELETE /indexes/${fresh}`)
    expect(meili.indexes()).not.toContain(fresh)
    expect(ids(meili.documents(live))).toEqual(ids(old))
  })

  it('leaves the live index untouched when the source fails', async () => {
    const engine = engineFor()
    const old = documents(4)
    await engine.index(old)
    async function* brokenSource(): AsyncIterable<SearchDocument[]> {
      yield documents(2)
      throw new Error('the database went away')
    }
    const { error } = await timed(engine.rebuild(brokenSource))
    expect((error as Error).message).toBe('the database went away')
    expect(meili.indexes().filter((uid) => uid.startsWith(`${live}_rebuild_`))).toEqual([])
    expect(ids(meili.documents(live))).toEqual(ids(old))
  })
})

describe('outages', () => {
  it('gives SearchUnavailableError within a second when the server is down, and works again once it is back', async () => {
    const engine = engineFor()
    await engine.index(documents(3))
    await meili.stop()
    try {
      // The first request may still go out on a kept-alive connection the server dropped ("other side closed").
      const first = await timed(engine.query(query()))
      expect(first.error).toBeInstanceOf(SearchUnavailableError)
      expect((first.error as Error).message).toMatch(/^Meilisearch at 127\.0\.0\.1:\d+ could not search: not reachable \(.+\)$/)
      expect(first.ms).toBeLessThan(1000)
      const { ms, error } = await timed(engine.query(query()))
      expect(error).toBeInstanceOf(SearchUnavailableError)
      expect((error as Error).message).toMatch(/could not search: not reachable \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/)
      expect(ms).toBeLessThan(1000)

      const health = await engine.health()
      expect(health).toMatchObject({ ok: false, engine: 'meilisearch' })
      expect(health.detail).toMatch(/not reachable/)

      expect((await timed(engine.index(documents(1)))).error).toBeInstanceOf(SearchUnavailableError)
      expect((await timed(engine.listIndexed())).error).toBeInstanceOf(SearchUnavailableError)
    } finally {
      await meili.start()
    }
    expect((await engine.query(query())).total).toBe(3)
    expect(await engine.health()).toMatchObject({ ok: true, engine: 'meilisearch' })
  })

  it('gives up on a server that accepts but never answers after 700 ms', async () => {
    const engine = engineFor()
    await engine.index(documents(3))
    meili.hang(true)
    const { ms, error } = await timed(engine.query(query()))
    expect(error).toBeInstanceOf(SearchUnavailableError)
    expect((error as Error).message).toMatch(/could not search: no answer within 700 ms$/)
    expect(ms).toBeGreaterThanOrEqual(650)
    expect(ms).toBeLessThan(1200)

    const health = await timed(engine.health())
    expect(health.error).toBeUndefined()
    expect(health.ms).toBeLessThan(1200)
    expect(await engine.health()).toMatchObject({ ok: false, detail: expect.stringMatching(/no answer within 700 ms/) })
  })

  it('gives writes their own, longer time limit, and a task that never finishes its own too', async () => {
    const engine = engineFor({ timeouts: { writeMs: 300, taskMs: 400 } })
    await engine.applySettings()
    meili.delayTasks(1_000)
    const slowTask = await timed(engine.index(documents(1)))
    expect(slowTask.error).toBeInstanceOf(SearchUnavailableError)
    expect((slowTask.error as Error).message).toMatch(/took longer than 400 ms to add 1 documents/)

    meili.hang(true)
    const hung = await timed(engine.remove(['x']))
    expect(hung.error).toBeInstanceOf(SearchUnavailableError)
    expect((hung.error as Error).message).toMatch(/no answer within 300 ms/)
  })

  it('treats server errors as unavailable, a proxy’s HTML error page included', async () => {
    const engine = engineFor()
    await engine.index(documents(1))
    meili.failRequests({ status: 503, body: JSON.stringify({ message: 'Meilisearch is overloaded', code: 'internal', type: 'internal', link: '' }) })
    const overloaded = await timed(engine.query(query()))
    expect(overloaded.error).toBeInstanceOf(SearchUnavailableError)
    expect((overloaded.error as Error).message).toMatch(/failed to search \(HTTP 503: Meilisearch is overloaded\)/)

    meili.failRequests({ status: 502, body: '<html><body>Bad gateway</body></html>' })
    const proxy = await timed(engine.query(query()))
    expect(proxy.error).toBeInstanceOf(SearchUnavailableError)
    expect((proxy.error as Error).message).toMatch(/not JSON/)
    expect((await engine.health()).ok).toBe(false)
  })

  it('cannot answer from an index that does not exist yet (a fresh install before its first sync)', async () => {
    const { error } = await timed(engineFor().query(query()))
    expect(error).toBeInstanceOf(SearchUnavailableError)
    expect((error as Error).message).toMatch(new RegExp(`has no index ${live} yet`))
  })
})
