/**
 * The search engine Ponte runs with: the Postgres engine on its own, or Meilisearch backed by
 * the Postgres engine. With Meilisearch, every write goes to both (the Postgres index lives in
 * the application's database and costs little), and a query Meilisearch cannot answer in time
 * is answered by the Postgres engine, flagged `degraded` so the page can say so
 * (docs/decisions/011-search-engines.md).
 */
import type { Config } from '../app/config.server'
import type { Db } from '../db/client'
import { createMeilisearchEngine } from './meilisearch-engine.server'
import { createPostgresEngine } from './postgres-engine.server'
import { SearchUnavailableError, type SearchEngine, type SearchQuery, type SearchResult } from './types'

/** After Meilisearch fails a query, queries skip it for this long (no second wait on a dead server). */
const RETRY_AFTER_MS = 10_000

export interface ResilientSearchResult extends SearchResult {
  /** true when the configured engine could not answer and the Postgres engine did. */
  degraded: boolean
}

export interface Search extends SearchEngine {
  query(query: SearchQuery): Promise<ResilientSearchResult>
}

/** Meilisearch first, the Postgres engine when it fails; writes reach both. */
export function withFallback(primary: SearchEngine, fallback: SearchEngine, now = () => Date.now()): Search {
  let skipUntil = 0
  return {
    name: primary.name,
    async index(documents) {
      await fallback.index(documents)
      await primary.index(documents)
    },
    async remove(ids) {
      await fallback.remove(ids)
      await primary.remove(ids)
    },
    async applySettings() {
      await fallback.applySettings()
      await primary.applySettings()
    },
    async query(query) {
      if (now() >= skipUntil) {
        try {
          return { ...(await primary.query(query)), degraded: false }
        } catch (error) {
          if (!(error instanceof SearchUnavailableError)) throw error
          skipUntil = now() + RETRY_AFTER_MS
          console.error(`[search] ${primary.name} did not answer (${error.message}); answering from ${fallback.name} for ${RETRY_AFTER_MS / 1000} s`)
        }
      }
      return { ...(await fallback.query(query)), degraded: true }
    },
    health: () => primary.health(),
    listIndexed: () => primary.listIndexed(),
    countDocuments: () => primary.countDocuments(),
    async rebuild(source, options) {
      await fallback.rebuild(source)
      return primary.rebuild(source, options)
    },
  }
}

function plain(engine: SearchEngine): Search {
  return {
    name: engine.name,
    index: (documents) => engine.index(documents),
    remove: (ids) => engine.remove(ids),
    applySettings: () => engine.applySettings(),
    query: async (query) => ({ ...(await engine.query(query)), degraded: false }),
    health: () => engine.health(),
    listIndexed: () => engine.listIndexed(),
    countDocuments: () => engine.countDocuments(),
    rebuild: (batches, options) => engine.rebuild(batches, options),
  }
}

/** The engine for this configuration: Meilisearch (with the Postgres fallback) when MEILISEARCH_URL is set. */
export function createSearch(config: Pick<Config, 'meilisearch'>, db: Db): Search {
  const postgres = createPostgresEngine(db)
  if (!config.meilisearch) return plain(postgres)
  return withFallback(createMeilisearchEngine(config.meilisearch), postgres)
}
