/**
 * A stand-in for a Meilisearch server, to test the Meilisearch engine at its HTTP boundary
 * without a Meilisearch binary: a node:http server on 127.0.0.1 that records every request and
 * answers like Meilisearch for the endpoints the engine uses.
 *
 *   const meili = await startMeilisearchStandIn()
 *   const engine = createMeilisearchEngine({ url: meili.url, apiKey: 'admin', searchKey: 'search', index: 'proposals' })
 *   await engine.index(documents)           // POST /indexes/proposals/documents, GET /tasks/0 ...
 *   meili.documents('proposals')            // what the index holds now
 *   meili.requests                          // every request: method, path, query, body, authorization
 *   await meili.stop(); await meili.start() // an outage, then the same server back on the same port
 *   await meili.close()                     // in afterAll
 *
 * What it models:
 * - Indexes (create, get, list, delete), their settings (PATCH merges, GET returns them) and
 *   documents (add or replace by primary key, list with fields/limit/offset, delete by ids).
 * - Index swaps (`/swap-indexes`): the two uids exchange their documents, settings and primary key.
 * - Tasks: every write answers 202 with a task, as Meilisearch does, and takes effect only when
 *   the task is processed, which happens when a client polls `GET /tasks/:uid` (earlier tasks
 *   first). `delayTasks(n)` makes each task answer `processing` to its first n polls;
 *   `failNextTask(message)` makes the next task fail with that message, changing nothing.
 * - Search: `POST /multi-search` (and `/indexes/:uid/search`) answer with what `setMultiSearchResponse`
 *   returns. By default every query gets the index's documents in stored order, paged by
 *   page/hitsPerPage or offset/limit, with facet counts over all of them: q, filter and sort are
 *   NOT evaluated (the stand-in is no search engine).
 * - Keys, when `keys` is given: no key answers 401 and a wrong key 403 (Meilisearch's error
 *   bodies); the search key may only search and read /health, the master key may do anything.
 * - Outages: `stop()`/`start()` (connection refused, then back with the same data), `hang(true)`
 *   (requests are accepted and recorded but never answered) and `failRequests({ status, body })`
 *   (every request answered with that status and raw body, e.g. a proxy's 502 page).
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  /** The path without the query string, e.g. `/indexes/proposals/documents`. */
  path: string
  query: Record<string, string>
  /** The parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown
  /** The Authorization header as sent (`Bearer <key>`), if any. */
  authorization: string | undefined
  /** When it arrived (Date.now()). */
  at: number
}

export type StandInDocument = Record<string, unknown>

export interface StandInTask {
  uid: number
  indexUid: string | null
  type: string
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed'
  error: MeilisearchErrorBody | null
}

export interface MeilisearchErrorBody {
  message: string
  code: string
  type: string
  link: string
}

export interface MultiSearchBody {
  queries: (Record<string, unknown> & { indexUid: string })[]
}

/** Builds the answer to a multi-search; undefined falls back to the default answer. */
export type MultiSearchResponder = (body: MultiSearchBody, standIn: MeilisearchStandIn) => unknown

export interface StandInOptions {
  /** Check keys like Meilisearch: the master key may do anything, the search key only search. */
  keys?: { master: string; search: string }
}

export interface MeilisearchStandIn {
  /** http://127.0.0.1:<port>, the same after stop() and start(). */
  readonly url: string
  /** Every request received, oldest first (see `clearRequests`). */
  readonly requests: RecordedRequest[]
  clearRequests(): void
  /** The documents of an index, in the order they were first added ([] when it does not exist). */
  documents(indexUid: string): StandInDocument[]
  /** The uids of the existing indexes. */
  indexes(): string[]
  /** The settings an index holds (undefined when it does not exist). */
  settings(indexUid: string): Record<string, unknown> | undefined
  /** Every task so far. */
  tasks(): StandInTask[]
  /** Stops listening and drops every connection: clients get "connection refused". Data is kept. */
  stop(): Promise<void>
  /** Listens again on the same port. */
  start(): Promise<void>
  /** While on, requests are recorded but never answered. */
  hang(on: boolean): void
  /** The next task enqueued fails with this message (and code) when processed, changing nothing. */
  failNextTask(message: string, code?: string): void
  /** Each task from now on answers `processing` to its first `polls` polls. */
  delayTasks(polls: number): void
  /** Every request is answered with this status and raw body until called with undefined. */
  failRequests(failure: { status: number; body: string } | undefined): void
  /** How to answer multi-searches (undefined: the default answer). */
  setMultiSearchResponse(responder: MultiSearchResponder | undefined): void
  /** Stops for good (afterAll). */
  close(): Promise<void>
}

const LINK = 'https://docs.meilisearch.com/errors'

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type = 'invalid_request',
  ) {
    super(message)
  }

  body(): MeilisearchErrorBody {
    return { message: this.message, code: this.code, type: this.type, link: `${LINK}#${this.code}` }
  }
}

interface IndexState {
  primaryKey: string | null
  documents: Map<string, StandInDocument>
  settings: Record<string, unknown>
  createdAt: string
  updatedAt: string
}

interface TaskState extends StandInTask {
  enqueuedAt: string
  startedAt: string | null
  finishedAt: string | null
  pollsLeft: number
  failure: { message: string; code: string } | undefined
  apply: () => void
}

interface Reply {
  status: number
  body: unknown
}

const notFound = (uid: string) => new ApiError(404, 'index_not_found', `Index \`${uid}\` not found.`)

export async function startMeilisearchStandIn(options: StandInOptions = {}): Promise<MeilisearchStandIn> {
  const indexes = new Map<string, IndexState>()
  const tasks: TaskState[] = []
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  let hanging = false
  let failure: { status: number; body: string } | undefined
  let nextTaskFailure: { message: string; code: string } | undefined
  let pollsPerTask = 0
  let responder: MultiSearchResponder | undefined
  let port = 0

  const now = () => new Date().toISOString()

  function existing(uid: string): IndexState {
    const index = indexes.get(uid)
    if (!index) throw notFound(uid)
    return index
  }

  function created(uid: string, primaryKey: string | null): IndexState {
    const index: IndexState = { primaryKey, documents: new Map(), settings: {}, createdAt: now(), updatedAt: now() }
    indexes.set(uid, index)
    return index
  }

  function enqueue(indexUid: string | null, type: string, apply: () => void): Reply {
    const task: TaskState = {
      uid: tasks.length,
      indexUid,
      type,
      status: 'enqueued',
      error: null,
      enqueuedAt: now(),
      startedAt: null,
      finishedAt: null,
      pollsLeft: pollsPerTask,
      failure: nextTaskFailure,
      apply,
    }
    nextTaskFailure = undefined
    tasks.push(task)
    return { status: 202, body: { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt } }
  }

  function process(task: TaskState): void {
    if (task.status === 'succeeded' || task.status === 'failed') return
    task.startedAt ??= now()
    try {
      if (task.failure) throw new ApiError(400, task.failure.code, task.failure.message)
      task.apply()
      task.status = 'succeeded'
    } catch (error) {
      task.status = 'failed'
      task.error = error instanceof ApiError ? error.body() : { message: String(error), code: 'internal', type: 'internal', link: LINK }
    }
    task.finishedAt = now()
  }

  function taskView(task: TaskState) {
    const { uid, indexUid, type, status, error, enqueuedAt, startedAt, finishedAt } = task
    return { uid, batchUid: uid, indexUid, type, status, error, canceledBy: null, details: {}, duration: null, enqueuedAt, startedAt, finishedAt }
  }

  /** Polling a task processes the tasks before it (Meilisearch works in order), then it, unless delayed. */
  function pollTask(uid: number): Reply {
    const task = tasks[uid]
    if (!task) throw new ApiError(404, 'task_not_found', `Task \`${uid}\` not found.`)
    for (const earlier of tasks.slice(0, uid)) process(earlier)
    if (task.pollsLeft > 0 && task.status === 'enqueued') {
      task.pollsLeft -= 1
      task.startedAt ??= now()
      return { status: 200, body: { ...taskView(task), status: 'processing' } }
    }
    process(task)
    return { status: 200, body: taskView(task) }
  }

  function indexView(uid: string, index: IndexState) {
    return { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.updatedAt }
  }

  function addDocuments(uid: string, documents: StandInDocument[], primaryKeyParam: string | undefined): void {
    const index = indexes.get(uid) ?? created(uid, primaryKeyParam ?? null)
    index.primaryKey ??= primaryKeyParam ?? 'id'
    const key = index.primaryKey
    for (const document of documents) {
      const id = document[key]
      if (typeof id !== 'string' && typeof id !== 'number') {
        throw new ApiError(400, 'missing_document_id', `Document doesn't have a \`${key}\` attribute: \`${JSON.stringify(document)}\`.`)
      }
    }
    for (const document of documents) index.documents.set(String(document[key]), document)
    index.updatedAt = now()
  }

  function listDocuments(uid: string, query: Record<string, string>): Reply {
    const index = existing(uid)
    const limit = query.limit === undefined ? 20 : Number(query.limit)
    const offset = query.offset === undefined ? 0 : Number(query.offset)
    const fields = query.fields?.split(',')
    const all = [...index.documents.values()]
    const results = all
      .slice(offset, offset + limit)
      .map((document) => (fields ? Object.fromEntries(fields.filter((field) => field in document).map((field) => [field, document[field]])) : document))
    return { status: 200, body: { results, offset, limit, total: all.length } }
  }

  function swap(swaps: { indexes: [string, string] }[]): void {
    for (const { indexes: pair } of swaps) {
      const missing = pair.filter((uid) => !indexes.has(uid))
      if (missing.length > 0) throw new ApiError(400, 'index_not_found', `Indexes ${missing.map((uid) => `\`${uid}\``).join(', ')} not found.`)
    }
    for (const { indexes: [a, b] } of swaps) {
      const first = indexes.get(a)!
      indexes.set(a, indexes.get(b)!)
      indexes.set(b, first)
    }
  }

  /** Facet counts over documents, for the default search answer. */
  function facetDistribution(documents: StandInDocument[], facets: unknown): Record<string, Record<string, number>> {
    const distribution: Record<string, Record<string, number>> = {}
    for (const facet of Array.isArray(facets) ? (facets as string[]) : []) {
      const counts: Record<string, number> = {}
      for (const document of documents) {
        const value = document[facet]
        for (const one of Array.isArray(value) ? value : [value]) {
          if (one === null || one === undefined) continue
          counts[String(one)] = (counts[String(one)] ?? 0) + 1
        }
      }
      distribution[facet] = counts
    }
    return distribution
  }

  function defaultSearch(query: Record<string, unknown> & { indexUid: string }) {
    const documents = [...existing(query.indexUid).documents.values()]
    const facets = facetDistribution(documents, query.facets)
    const retrieve = (document: StandInDocument) =>
      Array.isArray(query.attributesToRetrieve)
        ? Object.fromEntries((query.attributesToRetrieve as string[]).map((field) => [field, document[field]]))
        : document
    const base = { indexUid: query.indexUid, query: query.q ?? '', processingTimeMs: 0, facetDistribution: facets }
    if (query.page !== undefined || query.hitsPerPage !== undefined) {
      const page = Number(query.page ?? 1)
      const hitsPerPage = Number(query.hitsPerPage ?? 20)
      const hits = documents.slice((page - 1) * hitsPerPage, page * hitsPerPage).map(retrieve)
      return { ...base, hits, page, hitsPerPage, totalHits: documents.length, totalPages: hitsPerPage === 0 ? 0 : Math.ceil(documents.length / hitsPerPage) }
    }
    const offset = Number(query.offset ?? 0)
    const limit = Number(query.limit ?? 20)
    return { ...base, hits: documents.slice(offset, offset + limit).map(retrieve), offset, limit, estimatedTotalHits: documents.length }
  }

  function multiSearch(body: MultiSearchBody): Reply {
    const answer = responder?.(body, standIn)
    if (answer !== undefined) return { status: 200, body: answer }
    body.queries.forEach((query, position) => {
      if (!indexes.has(query.indexUid)) throw new ApiError(400, 'index_not_found', `Inside \`.queries[${position}]\`: Index \`${query.indexUid}\` not found.`)
    })
    return { status: 200, body: { results: body.queries.map(defaultSearch) } }
  }

  /** What the search key may do: search and read /health. */
  function isSearch(method: string, segments: string[]): boolean {
    if (method === 'GET' && segments[0] === 'health') return true
    if (method === 'POST' && segments[0] === 'multi-search') return true
    return method === 'POST' && segments[0] === 'indexes' && segments[2] === 'search'
  }

  function checkKey(request: RecordedRequest, segments: string[]): void {
    if (!options.keys || (request.method === 'GET' && segments[0] === 'health')) return
    if (!request.authorization) throw new ApiError(401, 'missing_authorization_header', 'The Authorization header is missing. It must use the bearer authorization method.', 'auth')
    const key = request.authorization.replace(/^Bearer /, '')
    if (key === options.keys.master) return
    if (key === options.keys.search && isSearch(request.method, segments)) return
    throw new ApiError(403, 'invalid_api_key', 'The provided API key is invalid.', 'auth')
  }

  function route(request: RecordedRequest): Reply {
    const segments = request.path.split('/').filter(Boolean).map(decodeURIComponent)
    checkKey(request, segments)
    const { method, body, query } = request
    const [root, uid, sub, action] = segments
    const shape = `${method} /${[root, uid === undefined ? undefined : ':uid', sub, action].filter((part) => part !== undefined).join('/')}`

    switch (shape) {
      case 'GET /health':
        return { status: 200, body: { status: 'available' } }
      case 'GET /indexes':
        return { status: 200, body: { results: [...indexes].map(([name, index]) => indexView(name, index)), offset: 0, limit: 20, total: indexes.size } }
      case 'POST /indexes': {
        const { uid: newUid, primaryKey } = body as { uid: string; primaryKey?: string }
        return enqueue(newUid, 'indexCreation', () => {
          if (indexes.has(newUid)) throw new ApiError(409, 'index_already_exists', `Index \`${newUid}\` already exists.`)
          created(newUid, primaryKey ?? null)
        })
      }
      case 'GET /indexes/:uid':
        return { status: 200, body: indexView(uid!, existing(uid!)) }
      case 'DELETE /indexes/:uid':
        return enqueue(uid!, 'indexDeletion', () => {
          existing(uid!)
          indexes.delete(uid!)
        })
      case 'GET /indexes/:uid/settings':
        return { status: 200, body: existing(uid!).settings }
      case 'PATCH /indexes/:uid/settings':
        return enqueue(uid!, 'settingsUpdate', () => {
          const index = indexes.get(uid!) ?? created(uid!, null)
          index.settings = { ...index.settings, ...(body as Record<string, unknown>) }
        })
      case 'GET /indexes/:uid/documents':
        return listDocuments(uid!, query)
      case 'POST /indexes/:uid/documents':
        return enqueue(uid!, 'documentAdditionOrUpdate', () => addDocuments(uid!, body as StandInDocument[], query.primaryKey))
      case 'POST /indexes/:uid/documents/delete-batch':
        return enqueue(uid!, 'documentDeletion', () => {
          const index = existing(uid!)
          for (const id of body as (string | number)[]) index.documents.delete(String(id))
        })
      case 'POST /swap-indexes':
        return enqueue(null, 'indexSwap', () => swap(body as { indexes: [string, string] }[]))
      case 'GET /tasks/:uid':
        return pollTask(Number(uid))
      case 'POST /multi-search':
        return multiSearch(body as MultiSearchBody)
      case 'POST /indexes/:uid/search': {
        const answer = multiSearch({ queries: [{ ...(body as Record<string, unknown>), indexUid: uid! }] }).body as { results: unknown[] }
        return { status: 200, body: answer.results[0] }
      }
      default:
        throw new ApiError(404, 'not_found', `The stand-in does not know ${method} ${request.path}.`)
    }
  }

  function readBody(request: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      request.on('error', reject)
    })
  }

  function parsed(text: string): unknown {
    if (text === '') return undefined
    try {
      return JSON.parse(text) as unknown
    } catch {
      return text
    }
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in')
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parsed(await readBody(request)),
      authorization: request.headers.authorization,
      at: Date.now(),
    }
    requests.push(recorded)
    if (hanging) return
    if (failure) {
      response.writeHead(failure.status, { 'Content-Type': 'text/html' }).end(failure.body)
      return
    }
    let reply: Reply
    try {
      reply = route(recorded)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      reply = { status: error.status, body: error.body() }
    }
    response.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body))
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: String(error), code: 'internal', type: 'internal', link: LINK }))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        port = (server.address() as AddressInfo).port
        resolve()
      })
    })
  }

  function stopListening(): Promise<void> {
    if (!server.listening) return Promise.resolve()
    return new Promise((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
  }

  await listen()

  const standIn: MeilisearchStandIn = {
    url: `http://127.0.0.1:${port}`,
    requests,
    clearRequests: () => {
      requests.length = 0
    },
    documents: (indexUid) => [...(indexes.get(indexUid)?.documents.values() ?? [])].map((document) => structuredClone(document)),
    indexes: () => [...indexes.keys()],
    settings: (indexUid) => (indexes.has(indexUid) ? structuredClone(indexes.get(indexUid)!.settings) : undefined),
    tasks: () => tasks.map(({ uid, indexUid, type, status, error }) => ({ uid, indexUid, type, status, error })),
    stop: stopListening,
    start: listen,
    hang: (on) => {
      hanging = on
    },
    failNextTask: (message, code = 'stand_in_task_failure') => {
      nextTaskFailure = { message, code }
    },
    delayTasks: (polls) => {
      pollsPerTask = polls
    },
    failRequests: (next) => {
      failure = next
    },
    setMultiSearchResponse: (next) => {
      responder = next
    },
    close: async () => {
      hanging = false
      await stopListening()
    },
  }
  return standIn
}
