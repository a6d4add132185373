/**
 * The Meilisearch engine (`MEILISEARCH_URL`): the search port over the official client.
 *
 * - Two clients: the writer holds the admin key (documents, settings, index swaps), the
 *   searcher a search-only key. Both stay on the server; browsers only ever talk to Ponte.
 * - Queries ask for ids only, in pages with exact totals, and get their disjunctive facet counts
 *   from the same multi-search request (one extra query per filtered facet).
 * - Writes wait for Meilisearch's task to finish, so "indexed" means searchable; a failed task
 *   throws with Meilisearch's reason.
 * - A server that cannot be reached, does not answer in time or fails (5xx) gives a
 *   `SearchUnavailableError`, on which `createSearch` answers from the Postgres engine. A request
 *   Meilisearch refuses (4xx) is a bug or a misconfiguration and stays an ordinary error.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type MultiSearchQuery,
  type MultiSearchResult,
  type Task,
} from 'meilisearch'
import { filterClauses, filteredFacets, filterExpression, type FilterClauses } from './meilisearch-filter'
import { attributesToSearchOn, facetAttribute, meilisearchSettings } from './meilisearch-settings'
import { queryWords } from './text'
import {
  facetNames,
  MAX_PER_PAGE,
  SearchUnavailableError,
  verifiedOnlyFacets,
  type FacetCounts,
  type FacetName,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
} from './types'

export interface MeilisearchOptions {
  url: string
  /** Admin (or master) key: writes, settings, index swaps. */
  apiKey: string | undefined
  /** Search-only key: queries. */
  searchKey: string | undefined
  /** The live index's uid. */
  index: string
  /** Time limits, when the defaults do not suit (tests shorten them). */
  timeouts?: Partial<MeilisearchTimeouts>
}

export interface MeilisearchTimeouts {
  /** One search or health request: past this, the page is answered by the Postgres engine instead. */
  queryMs: number
  /** One write request (enqueueing a task, polling it, fetching documents). */
  writeMs: number
  /** Waiting for one task (a batch of documents, a settings update) to be processed. */
  taskMs: number
}

const defaultTimeouts: MeilisearchTimeouts = { queryMs: 700, writeMs: 10_000, taskMs: 120_000 }

/** Documents per addDocuments task; also the page size of `listIndexed`. */
const BATCH_SIZE = 1000
/** How often a task's status is polled while waiting for it. */
const TASK_POLL_MS = 50

const INDEX_NOT_FOUND = 'index_not_found'
const INDEX_ALREADY_EXISTS = 'index_already_exists'

export function createMeilisearchEngine(options: MeilisearchOptions): SearchEngine {
  const timeouts = { ...defaultTimeouts, ...options.timeouts }
  const host = describeHost(options.url)
  const writer = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: timeouts.writeMs })
  const searcher = new Meilisearch({ host: options.url, apiKey: options.searchKey, timeout: timeouts.queryMs })
  const live = options.index

  /** Runs one request, turning the client's errors into the port's (see the module comment). */
  async function call<T>(what: string, request: () => Promise<T>, timeoutMs: number): Promise<T> {
    try {
      return await request()
    } catch (error) {
      throw translated(error, { what, host, timeoutMs })
    }
  }

  /** Enqueues a task, waits for it and throws with Meilisearch's reason unless it succeeded. */
  async function runTask(what: string, enqueue: () => EnqueuedTaskPromise): Promise<Task> {
    const task = await call(what, () => enqueue().waitTask({ timeout: timeouts.taskMs, interval: TASK_POLL_MS }), timeouts.writeMs)
    if (task.status !== 'succeeded') {
      const error = new Error(`Meilisearch could not ${what}: ${task.error?.message ?? `the task was ${task.status}`}`)
      Object.assign(error, { code: task.error?.code })
      throw error
    }
    return task
  }

  async function indexExists(uid: string): Promise<boolean> {
    try {
      await call(`look up index ${uid}`, () => writer.getRawIndex(uid), timeouts.writeMs)
      return true
    } catch (error) {
      if (errorCode(error) === INDEX_NOT_FOUND) return false
      throw error
    }
  }

  async function createIndex(uid: string): Promise<void> {
    try {
      await runTask(`create index ${uid}`, () => writer.createIndex(uid, { primaryKey: 'id' }))
    } catch (error) {
      // Another process created it in the meantime: that is what we wanted.
      if (errorCode(error) !== INDEX_ALREADY_EXISTS) throw error
    }
  }

  async function applySettingsTo(uid: string): Promise<void> {
    await runTask(`update the settings of index ${uid}`, () => writer.index(uid).updateSettings(meilisearchSettings()))
  }

  async function addDocuments(uid: string, documents: SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      const batch = documents.slice(start, start + BATCH_SIZE)
      await runTask(`add ${batch.length} documents to index ${uid}`, () => writer.index<SearchDocument>(uid).addDocuments(batch, { primaryKey: 'id' }))
    }
  }

  /**
   * Before the first write of this process: a missing live index is created with its settings
   * (adding documents would otherwise create it bare, without filterable attributes).
   */
  let ready: Promise<void> | undefined
  function ensureLiveIndex(): Promise<void> {
    ready ??= (async () => {
      if (await indexExists(live)) return
      await createIndex(live)
      await applySettingsTo(live)
    })().catch((error: unknown) => {
      ready = undefined
      throw error
    })
    return ready
  }

  return {
    name: 'meilisearch',

    async index(documents) {
      if (documents.length === 0) return
      await ensureLiveIndex()
      await addDocuments(live, documents)
    },

    async remove(ids) {
      if (ids.length === 0) return
      await ensureLiveIndex()
      await runTask(`remove ${ids.length} documents from index ${live}`, () => writer.index(live).deleteDocuments([...new Set(ids)]))
    },

    async applySettings() {
      if (!(await indexExists(live))) await createIndex(live)
      await applySettingsTo(live)
      ready = Promise.resolve()
    },

    async query(query) {
      const search = searchRequest(live, query)
      try {
        const response = await call('search', () => searcher.multiSearch({ queries: search.queries }), timeouts.queryMs)
        return search.read(response.results)
      } catch (error) {
        // No index yet (a fresh install before its first sync): Meilisearch cannot answer this.
        if (errorCode(error) === INDEX_NOT_FOUND) throw new SearchUnavailableError(`Meilisearch at ${host} has no index ${live} yet`, { cause: error })
        throw error
      }
    },

    async health() {
      try {
        const { status } = await call('check its health', () => searcher.health(), timeouts.queryMs)
        return status === 'available'
          ? { ok: true, engine: 'meilisearch', detail: `Meilisearch at ${host} is available (index ${live})` }
          : { ok: false, engine: 'meilisearch', detail: `Meilisearch at ${host} reports status ${String(status)}` }
      } catch (error) {
        return { ok: false, engine: 'meilisearch', detail: error instanceof Error ? error.message : String(error) }
      }
    },

    async countDocuments() {
      try {
        const page = await call(`count the documents of index ${live}`, () => writer.index(live).getDocuments({ fields: ['id'], limit: 1 }), timeouts.queryMs)
        return page.total
      } catch (error) {
        if (errorCode(error) === INDEX_NOT_FOUND) return 0
        throw error
      }
    },

    async listIndexed() {
      const indexed = new Map<string, string>()
      try {
        for (let offset = 0; ; offset += BATCH_SIZE) {
          const page = await call(
            `list the documents of index ${live}`,
            () => writer.index<SearchDocument>(live).getDocuments({ fields: ['id', 'hash'], limit: BATCH_SIZE, offset }),
            timeouts.writeMs,
          )
          for (const document of page.results) indexed.set(String(document.id), String(document.hash))
          if (page.results.length < BATCH_SIZE || offset + BATCH_SIZE >= page.total) break
        }
      } catch (error) {
        if (errorCode(error) === INDEX_NOT_FOUND) return indexed
        throw error
      }
      return indexed
    },

    /**
     * Builds a fresh index beside the live one and swaps the two atomically: searches keep
     * answering from the old content until the swap. The fresh uid, which holds the old content
     * after the swap, is then deleted. On failure the fresh index is deleted and the live one
     * was never touched.
     */
    async rebuild(source, options) {
      const fresh = `${live}_rebuild_${Date.now()}`
      let indexed = 0
      try {
        await createIndex(fresh)
        await applySettingsTo(fresh)
        for await (const documents of source()) {
          await addDocuments(fresh, documents)
          indexed += documents.length
        }
        await options?.beforeSwap?.()
        if (!(await indexExists(live))) await createIndex(live)
        await runTask(`swap index ${live} with ${fresh}`, () => writer.swapIndexes([{ indexes: [live, fresh], rename: false }]))
      } catch (error) {
        await runTask(`delete index ${fresh}`, () => writer.deleteIndex(fresh)).catch((cleanup: unknown) => {
          console.error(`[search] could not delete the unfinished index ${fresh}: ${cleanup instanceof Error ? cleanup.message : String(cleanup)}`)
        })
        throw error
      }
      ready = Promise.resolve()
      try {
        await runTask(`delete the old index content (${fresh})`, () => writer.deleteIndex(fresh))
      } catch (error) {
        // The rebuild itself succeeded; the leftover only takes disk space until deleted by hand.
        console.error(`[search] index ${live} was rebuilt, but its old content ${fresh} could not be deleted: ${(error as Error).message}`)
      }
      return { indexed }
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Queries

/** Sorts as Meilisearch `sort` parameters; undefined ranks by relevance. */
function sortFor(sort: SearchSort, hasText: boolean): string[] | undefined {
  switch (sort) {
    case 'relevance':
      return hasText ? undefined : ['publishedAt:desc']
    case 'newest':
      return ['publishedAt:desc']
    case 'amount_asc':
      return ['amountSoughtEur:asc']
    case 'amount_desc':
      return ['amountSoughtEur:desc']
    case 'closing':
      return ['closingDay:asc']
  }
}

/** The facets a query of this scope counts: the public scope never sees therapeutic areas. */
function countedFacets(query: SearchQuery): FacetName[] {
  return facetNames.filter((facet) => query.scope === 'verified' || !verifiedOnlyFacets.includes(facet))
}

interface SearchRequest {
  queries: MultiSearchQuery[]
  read(results: MultiSearchResult<Record<string, unknown>>[]): SearchResult
}

/**
 * The multi-search of a query: first the page of hits with the counts of every facet that has
 * no filter, then per filtered facet a query without that facet's own filter that only counts
 * it (disjunctive facets: choosing "seed" still shows how many "series A" there are).
 */
function searchRequest(indexUid: string, query: SearchQuery): SearchRequest {
  const q = queryWords(query.text).join(' ')
  const clauses: FilterClauses = filterClauses(query.filters, query.scope, query.today)
  const counted = countedFacets(query)
  const ownQuery = filteredFacets(clauses).filter((facet) => counted.includes(facet))
  const fromMain = counted.filter((facet) => !ownQuery.includes(facet))
  const common = { indexUid, q, matchingStrategy: 'all' as const, attributesToSearchOn: attributesToSearchOn(query.scope) }
  const hitsPerPage = Math.min(Math.max(Math.trunc(query.perPage) || 1, 1), MAX_PER_PAGE)
  const page = Math.max(Math.trunc(query.page) || 1, 1)

  const main: MultiSearchQuery = {
    ...common,
    filter: filterExpression(clauses),
    sort: sortFor(query.sort, q !== ''),
    page,
    hitsPerPage,
    attributesToRetrieve: ['id'],
    ...(fromMain.length > 0 ? { facets: fromMain.map((facet) => facetAttribute[facet]) } : {}),
  }
  const facetQueries = ownQuery.map(
    (facet): MultiSearchQuery => ({ ...common, filter: filterExpression(clauses, facet), limit: 0, facets: [facetAttribute[facet]] }),
  )

  return {
    queries: [main, ...facetQueries],
    read(results) {
      const [hits, ...counts] = results
      if (!hits || counts.length !== facetQueries.length) throw new Error(`Meilisearch answered ${results.length} searches to ${facetQueries.length + 1}`)
      const facets = Object.fromEntries(facetNames.map((facet) => [facet, {}])) as FacetCounts
      for (const facet of fromMain) facets[facet] = positiveCounts(hits.facetDistribution?.[facetAttribute[facet]])
      ownQuery.forEach((facet, position) => {
        facets[facet] = positiveCounts(counts[position]!.facetDistribution?.[facetAttribute[facet]])
      })
      return { ids: hits.hits.map((hit) => String(hit.id)), total: hits.totalHits ?? 0, facets }
    },
  }
}

function positiveCounts(distribution: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(distribution ?? {}).filter(([, count]) => count > 0))
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The host (and port) of the URL, for messages: never its credentials or path. */
function describeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the configured URL'
  }
}

/** Meilisearch's error code (`index_not_found`...) of an API error or a failed task, if any. */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  while (current instanceof Error) {
    const code = (current as { code?: unknown }).code ?? (current.cause as { code?: unknown } | undefined)?.code
    if (typeof code === 'string') return code
    current = current.cause
  }
  return undefined
}

interface CallContext {
  what: string
  host: string
  /** The client's time limit per request. */
  timeoutMs: number
}

/** The port's error for a failed request: unavailable (not reached, too slow, 5xx) or an ordinary error. */
function translated(error: unknown, { what, host, timeoutMs }: CallContext): unknown {
  if (error instanceof MeilisearchRequestError) {
    const reason = error.cause instanceof MeilisearchRequestTimeOutError ? `no answer within ${timeoutMs} ms` : `not reachable (${networkReason(error.cause)})`
    return new SearchUnavailableError(`Meilisearch at ${host} could not ${what}: ${reason}`, { cause: error })
  }
  if (error instanceof MeilisearchTaskTimeOutError) {
    return new SearchUnavailableError(`Meilisearch at ${host} took longer than ${error.cause.timeout} ms to ${what}`, { cause: error })
  }
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status
    if (status >= 500) return new SearchUnavailableError(`Meilisearch at ${host} failed to ${what} (HTTP ${status}: ${error.message})`, { cause: error })
    const refused = new Error(`Meilisearch at ${host} refused to ${what} (HTTP ${status}: ${error.message})`, { cause: error })
    return Object.assign(refused, { code: error.cause?.code })
  }
  // The client parses every answer as JSON: a proxy's HTML error page ends up here.
  if (error instanceof SyntaxError) {
    return new SearchUnavailableError(`Meilisearch at ${host} gave an answer that is not JSON to ${what}`, { cause: error })
  }
  return error
}

/** Why fetch failed ("connect ECONNREFUSED 10.0.0.5:7700", "other side closed"), rather than its bare "fetch failed". */
function networkReason(cause: unknown): string {
  const inner = cause instanceof Error ? (cause.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  if (typeof inner?.message === 'string' && inner.message !== '') return inner.message
  if (typeof inner?.code === 'string') return inner.code
  return cause instanceof Error ? cause.message : String(cause)
}
