/**
 * The search port: what proposal search asks of an engine, and what it gets back. Engines
 * return ids, facet counts and totals only; PostgreSQL hydrates the rows and decides what a
 * viewer may see (a stale index can never show a withdrawn proposal).
 *
 * Two engines implement it: `postgres-engine.server.ts` (full-text and trigram search in the
 * application's own database, the embedded default) and `meilisearch-engine.server.ts`
 * (`MEILISEARCH_URL`). Both pass the contract suite in `contract.ts`.
 */
import type { Locale } from '../app/modules/i18n/locales'
import type { DevelopmentPhase, Instrument, Stage, Subsector, TherapeuticArea } from '../app/modules/proposals/taxonomy'

/**
 * One published proposal as the index holds it. Flat, so that Meilisearch can filter, sort and
 * facet on its fields. Texts are per language (`title_es`); a language the proposal lacks is absent.
 *
 * Disclosure: `description_*` and `therapeuticAreaNames` / `therapeuticAreas` belong to the
 * verified tier. A query in the public scope neither searches nor filters nor facets on them,
 * so a search cannot reveal what the public tier hides.
 */
export interface SearchDocument {
  id: string
  /** A digest of everything below: `verify` compares it with what PostgreSQL would index now. */
  hash: string
  startupName: string
  city: string | null
  country: string
  /** NUTS-2 code, or null when the startup has no profile. */
  region: string | null
  originalLocale: Locale
  title_en?: string
  title_es?: string
  title_pt?: string
  title_gl?: string
  summary_en?: string
  summary_es?: string
  summary_pt?: string
  summary_gl?: string
  description_en?: string
  description_es?: string
  description_pt?: string
  description_gl?: string
  /** Names of the subsector, stage, phase and instrument in all four languages (public tier). */
  classificationNames: string[]
  /** Names of the therapeutic areas in all four languages (verified tier). */
  therapeuticAreaNames: string[]
  subsector: Subsector
  stage: Stage
  instrument: Instrument
  developmentPhase: DevelopmentPhase
  therapeuticAreas: TherapeuticArea[]
  trl: number
  /** Whole euros (the filters speak euros). */
  amountSoughtEur: number
  /** ISO date, and the same as days since 1970-01-01 for range filters and sorting. */
  closingDate: string
  closingDay: number
  /** Unix seconds of the published version. */
  publishedAt: number
}

/** Which fields a query may search, filter and facet on: the viewer's disclosure tier. */
export type SearchScope = 'public' | 'verified'

/** Facets with counts. TRL counts per level; the others per code. */
export const facetNames = ['subsector', 'stage', 'region', 'instrument', 'developmentPhase', 'therapeuticArea', 'trl'] as const
export type FacetName = (typeof facetNames)[number]

/** Facets that only the verified scope may use. */
export const verifiedOnlyFacets: readonly FacetName[] = ['therapeuticArea']

export const searchSorts = ['relevance', 'newest', 'amount_asc', 'amount_desc', 'closing'] as const
export type SearchSort = (typeof searchSorts)[number]

export interface SearchFilters {
  subsector?: Subsector[]
  stage?: Stage[]
  /** NUTS-2 codes. */
  region?: string[]
  instrument?: Instrument[]
  developmentPhase?: DevelopmentPhase[]
  therapeuticArea?: TherapeuticArea[]
  trlMin?: number
  trlMax?: number
  amountMinEur?: number
  amountMaxEur?: number
  /** Closing today or within this many days (today counts as day 0). */
  closingWithinDays?: number
}

export interface SearchQuery {
  /** Free text as the user typed it; '' for none. */
  text: string
  filters: SearchFilters
  sort: SearchSort
  /** 1-based. */
  page: number
  perPage: number
  scope: SearchScope
  /** Days since 1970-01-01 of "today" for `closingWithinDays` (given, so tests can fix it). */
  today: number
}

/** Counts per facet value, for the hits of the query without that facet's own filter. */
export type FacetCounts = Record<FacetName, Record<string, number>>

export interface SearchResult {
  ids: string[]
  total: number
  facets: FacetCounts
}

export interface SearchHealth {
  ok: boolean
  engine: 'postgres' | 'meilisearch'
  detail?: string
}

export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch'
  /** Adds or replaces documents (by id); resolves once they are searchable. */
  index(documents: SearchDocument[]): Promise<void>
  /** Removes documents by id (unknown ids are fine); resolves once they are gone. */
  remove(ids: string[]): Promise<void>
  /** Declares the index settings (attributes, synonyms, typo tolerance...). Idempotent. */
  applySettings(): Promise<void>
  query(query: SearchQuery): Promise<SearchResult>
  health(): Promise<SearchHealth>
  /** Every indexed id with its document hash (for `verify`). */
  listIndexed(): Promise<Map<string, string>>
  /** How many documents the index holds (0 when it does not exist yet); throws when it cannot be reached. */
  countDocuments(): Promise<number>
  /**
   * Replaces the whole index with these documents. Searches keep answering from the old
   * index until the new one is complete (Meilisearch: a fresh index swapped in atomically).
   */
  rebuild(documents: () => AsyncIterable<SearchDocument[]>, options?: RebuildOptions): Promise<{ indexed: number }>
}

export interface RebuildOptions {
  /**
   * Runs once every document is written and before the swap, alongside the engine's own
   * finishing work where it has any (the Postgres engine's index build); the swap waits for it.
   */
  beforeSwap?: () => Promise<void>
}

/** Thrown by an engine that cannot answer (down, timed out, refused). */
export class SearchUnavailableError extends Error {
  name = 'SearchUnavailableError'
}

export const MAX_PER_PAGE = 100
