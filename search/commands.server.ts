/**
 * Running the search index: applying its settings, rebuilding it, checking it against
 * PostgreSQL, and what Ponte does about search when it starts. Each returns a report; the
 * commands (`npm run search:settings | search:reindex | search:verify`) are the thin CLI in
 * `cli.ts`, and `server/runtime.ts` calls `prepareSearchAtStartup`.
 */
import type { Config } from '../app/config.server'
import { enqueue } from '../app/modules/jobs/queue.server'
import type { Db } from '../db/client'
import { allSearchDocuments, today } from './documents.server'
import type { Search } from './engine.server'
import { createMeilisearchEngine } from './meilisearch-engine.server'
import { createPostgresEngine } from './postgres-engine.server'
import { holdSearchDrains, outboxStatus, requestSearchSync } from './sync.server'
import type { SearchDocument, SearchEngine } from './types'

export const REINDEX_JOB_KEY = 'search.reindex'

/** Where the configured index lives, for messages (never the keys). */
export function describeSearch(config: Pick<Config, 'meilisearch'>): string {
  if (!config.meilisearch) return 'PostgreSQL (the search index is a table of the database)'
  let host = 'the configured URL'
  try {
    host = new URL(config.meilisearch.url).host
  } catch {
    // parseConfig only lets valid URLs through; keep the message anyway.
  }
  return `Meilisearch at ${host}, index ${config.meilisearch.index} (the PostgreSQL fallback kept current beside it)`
}

/**
 * Each index of the configuration on its own, for `verify`: Meilisearch and its Postgres
 * fallback, or the Postgres engine alone. (`createSearch` joins them into one for everything else.)
 */
export function configuredIndexes(config: Pick<Config, 'meilisearch'>, db: Db): SearchEngine[] {
  const postgres = createPostgresEngine(db)
  return config.meilisearch ? [createMeilisearchEngine(config.meilisearch), postgres] : [postgres]
}

const elapsedMs = (started: number) => Math.round(performance.now() - started)

// ---------------------------------------------------------------------------------------------
// search:settings

export interface SettingsReport {
  engine: SearchEngine['name']
  ms: number
}

/** Declares the index settings on the configured engine (with Meilisearch, on its fallback too). */
export async function applySearchSettings(search: SearchEngine): Promise<SettingsReport> {
  const started = performance.now()
  await search.applySettings()
  return { engine: search.name, ms: elapsedMs(started) }
}

// ---------------------------------------------------------------------------------------------
// search:reindex

export interface ReindexReport {
  engine: SearchEngine['name']
  /** Documents in the rebuilt index. */
  indexed: number
  /** Proposals that changed while the index was being rebuilt, marked for the sync job again. */
  changedMeanwhile: number
  ms: number
}

/** What the index should hold now: id → document hash. */
async function expectedHashes(db: Db): Promise<Map<string, string>> {
  const expected = new Map<string, string>()
  for await (const batch of allSearchDocuments(db)) for (const document of batch) expected.set(document.id, document.hash)
  return expected
}

/** Hands the documents on, noting each one's hash (one map per pass over the source). */
async function* noting(documents: AsyncIterable<SearchDocument[]>, written: Map<string, string>): AsyncGenerator<SearchDocument[]> {
  for await (const batch of documents) {
    for (const document of batch) written.set(document.id, document.hash)
    yield batch
  }
}

/**
 * Replaces the whole index with the documents of what is visible now (Meilisearch: a fresh
 * index swapped in; searches keep answering from the old one until then).
 *
 * A change committed during the rebuild may be drained by the sync job into the old index and
 * then swapped away with it. So once every document is written, the sync job's drains are held
 * back and the documents are read once more (alongside the engine's index build): every proposal
 * whose document differs from what the rebuild wrote goes back into the search outbox. A change
 * committed after that waits in the outbox until the swap is done, and is drained into the new
 * index.
 */
export async function reindexSearch(db: Db, search: SearchEngine): Promise<ReindexReport> {
  const started = performance.now()
  const passes: Map<string, string>[] = []
  let now: Map<string, string> | undefined
  let releaseDrains: (() => Promise<void>) | undefined
  try {
    const { indexed } = await search.rebuild(
      () => {
        const written = new Map<string, string>()
        passes.push(written)
        return noting(allSearchDocuments(db), written)
      },
      {
        async beforeSwap() {
          releaseDrains = await holdSearchDrains(db)
          now = await expectedHashes(db)
        },
      },
    )
    now ??= await expectedHashes(db) // an engine that did not call beforeSwap
    const changed = new Set<string>()
    for (const written of passes) {
      for (const [id, hash] of written) if (now.get(id) !== hash) changed.add(id)
      for (const [id, hash] of now) if (written.get(id) !== hash) changed.add(id)
    }
    if (changed.size > 0) await db.transaction((tx) => requestSearchSync(tx, [...changed]))
    return { engine: search.name, indexed, changedMeanwhile: changed.size, ms: elapsedMs(started) }
  } finally {
    await releaseDrains?.()
  }
}

// ---------------------------------------------------------------------------------------------
// search:verify

export interface IndexCheck {
  engine: SearchEngine['name']
  /** Documents in the index; null when it could not be read. */
  indexed: number | null
  /** Visible proposals the index lacks. */
  missing: string[]
  /** Ids in the index that should not be there (not visible, or gone). */
  extra: string[]
  /** Ids whose indexed document differs from the one PostgreSQL gives now. */
  stale: string[]
  /** Why the index could not be read. */
  error?: string
}

export interface VerifyReport {
  /** Documents PostgreSQL would index now. */
  expected: number
  indexes: IndexCheck[]
  /** true when every index holds exactly the expected documents. */
  inSync: boolean
  /** Changes still waiting for the sync job (they explain differences until it runs). */
  outbox: Awaited<ReturnType<typeof outboxStatus>>
  ms: number
}

function compare(engine: SearchEngine['name'], expected: Map<string, string>, indexed: Map<string, string>): IndexCheck {
  const missing: string[] = []
  const stale: string[] = []
  for (const [id, hash] of expected) {
    const found = indexed.get(id)
    if (found === undefined) missing.push(id)
    else if (found !== hash) stale.push(id)
  }
  const extra = [...indexed.keys()].filter((id) => !expected.has(id))
  return { engine, indexed: indexed.size, missing: missing.sort(), extra: extra.sort(), stale: stale.sort() }
}

/** Compares each index's ids and document hashes with what PostgreSQL would index now. */
export async function verifySearch(db: Db, indexes: SearchEngine[]): Promise<VerifyReport> {
  const started = performance.now()
  const expected = await expectedHashes(db)
  const checks: IndexCheck[] = []
  for (const engine of indexes) {
    try {
      checks.push(compare(engine.name, expected, await engine.listIndexed()))
    } catch (error) {
      checks.push({ engine: engine.name, indexed: null, missing: [], extra: [], stale: [], error: error instanceof Error ? error.message : String(error) })
    }
  }
  const inSync = checks.every((check) => !check.error && check.missing.length + check.extra.length + check.stale.length === 0)
  return { expected: expected.size, indexes: checks, inSync, outbox: await outboxStatus(db), ms: elapsedMs(started) }
}

const engineLabel = (engine: SearchEngine['name'], position: number) =>
  engine === 'meilisearch' ? 'Meilisearch' : position === 0 ? 'PostgreSQL' : 'PostgreSQL (fallback)'

/** The report as lines of text; at most `limit` ids per list unless `limit` is Infinity. */
export function formatVerifyReport(report: VerifyReport, limit = 50): string[] {
  const lines = [`PostgreSQL would index ${report.expected} proposal(s) now (checked in ${report.ms} ms).`]
  const ids = (label: string, list: string[]) => {
    if (list.length === 0) return
    lines.push(`  ${list.length} ${label}:`)
    for (const id of list.slice(0, limit)) lines.push(`    ${id}`)
    if (list.length > limit) lines.push(`    … and ${list.length - limit} more (--all lists them all)`)
  }
  report.indexes.forEach((check, position) => {
    const name = engineLabel(check.engine, position)
    if (check.error) {
      lines.push(`${name}: could not be read: ${check.error}`)
      return
    }
    const differences = check.missing.length + check.extra.length + check.stale.length
    lines.push(`${name}: ${check.indexed} document(s), ${differences === 0 ? 'in sync' : `${differences} difference(s)`}`)
    ids('missing from the index', check.missing)
    ids('in the index but not visible (should not be there)', check.extra)
    ids('with an outdated document (hash differs)', check.stale)
  })
  const { outbox } = report
  if (outbox.pending > 0) {
    lines.push(
      `${outbox.pending} change(s) wait in the search outbox since ${outbox.oldest ? new Date(outbox.oldest).toISOString() : '?'}` +
        (outbox.failing > 0 ? `, ${outbox.failing} failing (last error: ${outbox.lastError ?? 'unknown'})` : '') +
        ': the search.sync job delivers them (it runs every minute in the worker).',
    )
  }
  if (!report.inSync) lines.push('Not in sync. `npm run search:reindex` rebuilds the index from PostgreSQL.')
  return lines
}

// ---------------------------------------------------------------------------------------------
// Start-up

export type SearchStartup =
  /** The Postgres engine: its index is kept by the migrations and the outbox, nothing to do. */
  | { status: 'postgres' }
  /** Meilisearch has its settings and documents. */
  | { status: 'ready'; documents: number }
  /** Meilisearch's index was empty while proposals are visible: a full reindex was queued. */
  | { status: 'reindex-queued' }
  /** Meilisearch could not be reached or refused: logged, start-up went on. */
  | { status: 'unavailable'; error: string }

/** Queues a full reindex when Meilisearch's index is empty while PostgreSQL has visible proposals (a new or wiped server). */
async function refillWhenEmpty(db: Db, indexed: number, where: string, log: (message: string) => void): Promise<boolean> {
  if (indexed > 0) return false
  const first = await allSearchDocuments(db, 1).next()
  if (first.done) return false
  await enqueue(db, 'search.reindex', {}, { jobKey: REINDEX_JOB_KEY })
  log(`[search] ${where} is empty while proposals are published: a search.reindex job is queued to fill it.`)
  return true
}

/**
 * The periodic check (job `search.check`): a Meilisearch that was down at start-up, or was
 * replaced since, may come back empty; its index is then refilled without anyone running
 * `search:reindex`. Nothing to do on the Postgres engine, or while Meilisearch does not answer.
 */
export async function checkSearchIndex(
  ctx: { db: Db; search: Search; config: Pick<Config, 'meilisearch'> },
  log: (message: string) => void = console.error,
): Promise<'refill-queued' | 'ok' | 'unavailable' | 'postgres'> {
  if (!ctx.config.meilisearch) return 'postgres'
  try {
    if ((await ctx.search.countDocuments()) > 0) return 'ok'
    // A server that came back new has no index yet: its settings create it.
    await ctx.search.applySettings()
  } catch {
    return 'unavailable'
  }
  return (await refillWhenEmpty(ctx.db, 0, describeSearch(ctx.config), log)) ? 'refill-queued' : 'ok'
}

/**
 * Words that warm the text search of the database's pooled connections: distinct, so that no
 * cached answer replies, and asked at once, so that each lands on a connection of its own. A
 * connection's first text match loads the dictionaries and plans the statements (tens of
 * milliseconds): paid here rather than by the first searches of visitors.
 */
const WARM_UP_WORDS = ['cancer', 'vacina', 'diagnostico', 'terapia', 'biomarker', 'dispositivo', 'anticuerpo', 'enzima', 'oncologia', 'celulas']

export async function warmUpSearch(search: Search): Promise<void> {
  await Promise.all(
    WARM_UP_WORDS.flatMap((text) =>
      (['public', 'verified'] as const).map((scope) => search.query({ text, filters: {}, sort: 'relevance', page: 1, perPage: 20, scope, today: today() })),
    ),
  )
}

/**
 * With Meilisearch: applies the index settings (they live in code, so a new release brings
 * its own) and, when the index is empty while PostgreSQL has visible proposals (a new or wiped
 * Meilisearch), queues a `search.reindex` job. Never throws: Meilisearch being down is logged
 * and Ponte starts anyway, answering searches from PostgreSQL; the sync job delivers changes
 * once Meilisearch is back. The caller does not wait for it.
 */
export async function prepareSearchAtStartup(
  ctx: { db: Db; search: Search; config: Pick<Config, 'meilisearch'> },
  log: (message: string) => void = console.error,
): Promise<SearchStartup> {
  const firstSearch = () => ctx.search.query({ text: '', filters: {}, sort: 'newest', page: 1, perPage: 1, scope: 'public', today: today() })
  if (!ctx.config.meilisearch) {
    // The Postgres engine loads every document's filter columns at its first search (seconds at
    // 100,000 proposals): done now, in the background, rather than by the first visitor.
    await firstSearch()
      .then(() => warmUpSearch(ctx.search))
      .catch((error: unknown) => log(`[search] the first search at start-up failed: ${error instanceof Error ? error.message : String(error)}`))
    return { status: 'postgres' }
  }
  const where = describeSearch(ctx.config)
  try {
    await ctx.search.applySettings()
    const probe = await firstSearch()
    if (probe.degraded) throw new Error('it did not answer a search after its settings were applied')
    return (await refillWhenEmpty(ctx.db, probe.total, where, log)) ? { status: 'reindex-queued' } : { status: 'ready', documents: probe.total }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    log(
      `[search] ${where} could not be prepared at start-up (${message}). Ponte carries on: searches are answered by PostgreSQL ` +
        'until Meilisearch answers again, and the search.sync job delivers changes then. ' +
        'Once it is back, `npm run search:settings` applies the index settings and `npm run search:verify` checks the index.',
    )
    return { status: 'unavailable', error: message }
  }
}
