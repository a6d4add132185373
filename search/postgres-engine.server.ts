/**
 * The Postgres search engine: full-text search in the application's own database, over
 * `search_documents` and `search_terms` (db/schema/search.ts). It is the embedded default, the
 * engine of the tests, and the fallback when Meilisearch cannot answer, so it gives the same
 * answers (search/contract.ts).
 *
 * - Vectors (db/migrations/0004_search_engine.sql): `public_tsv` holds the public tier's fields,
 *   `full_tsv` all of them; each field's words stemmed in its language plus as written
 *   ('simple'), accents and case folded, weighted A–D by field.
 * - Text: a query word's alternatives are the word, its synonyms and the indexed words within
 *   its typo budget (the vocabulary `search_terms`, held in memory: search/postgres-vocabulary.ts);
 *   the alternatives are ORed, the words ANDed, the last word also matches as a prefix.
 * - PostgreSQL only matches the text (GIN indexes), returning the matching documents' numbers.
 *   Filters, the total, the disjunctive facet counts, sorts and paging are computed in memory
 *   over the filter columns of every document (search/postgres-columns.server.ts, about 50 bytes
 *   a document), which each process brings up to date from the database when the index version
 *   moved: other processes write too.
 * - Relevance: title matches first, then ts_rank_cd over a rescoring window, then newest.
 * - Answers are cached until the index changes (every write bumps a version).
 */
import { sql, type SQL } from 'drizzle-orm'
import { isUuid } from '../app/modules/proposals/access.server'
import type { Db, DbOrTx } from '../db/client'
import { SearchColumns, type OrderedHit } from './postgres-columns.server'
import { LIVE_TABLES, NEXT_TABLES, rebuildIntoFreshTables, type IndexTables } from './postgres-rebuild.server'
import { synonymsOf } from './synonyms'
import type { Vocabulary } from './postgres-vocabulary'
import { MAX_WORD_LENGTH, queryWords, typoBudget, words } from './text'
import { MAX_PER_PAGE, type FacetCounts, type SearchDocument, type SearchEngine, type SearchQuery, type SearchResult, type SearchScope, type SearchSort } from './types'

/** Documents written per statement (one jsonb parameter each). */
const WRITE_BATCH_SIZE = 250
/** Batches written at the same time by index(), on separate connections. */
const CONCURRENT_WRITES = 2
/** Indexed words shorter than this are not typo candidates (too many near neighbours). */
const MIN_TERM_LENGTH = 3
/** Longer words are left out of the exact-word list (PostgreSQL refuses lexemes over 2 kB). */
const MAX_LEXEME_LENGTH = 255
/** Near spellings kept per query word: the closest ones, so a typo cannot fan out into noise. */
const MAX_TYPO_ALTERNATIVES = 8

export interface PostgresEngineOptions {
  /** Keep answers until the index changes (the default); off, every query is computed (benchmarks). */
  cacheAnswers?: boolean
}

export function createPostgresEngine(db: Db, options: PostgresEngineOptions = {}): SearchEngine {
  const cache = new AnswerCache(options.cacheAnswers === false ? 0 : undefined)
  const columns = new SearchColumns(db)
  return {
    name: 'postgres',
    async index(documents) {
      // Batches are independent (distinct ids, terms inserted in sorted order): two at a time keep two cores busy.
      const pending = batches(latestById(documents), WRITE_BATCH_SIZE)
      const writer = async () => {
        for (let batch = pending.shift(); batch; batch = pending.shift()) await writeComputed(db, await computeBatch(db, batch))
      }
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_WRITES, pending.length) }, writer))
      await bumpIndexVersion(db)
    },
    async remove(ids) {
      const uuids = [...new Set(ids.filter(isUuid))]
      if (uuids.length === 0) return
      // Other processes drop the removed documents from memory by these records; an hour is plenty.
      await db.execute(sql`
        with removed as (
          delete from search_documents
          where proposal_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(uuids)}::jsonb))
          returning document_number
        ), pruned as (delete from search_removals where removed_at < now() - interval '1 hour')
        insert into search_removals (document_number) select document_number from removed`)
      await bumpIndexVersion(db)
    },
    async applySettings() {
      // Everything the engine needs is in the migrations. After bulk writes (a rebuild leaves every
      // old row dead, and new entries in the GIN indexes' pending lists), a vacuum halves what a
      // text match reads; fresh planner statistics help too.
      await db.execute(sql`vacuum (analyze) search_documents`)
      await db.execute(sql`vacuum (analyze) search_terms`)
    },
    async query(query) {
      return runQuery(db, columns, cache, query)
    },
    async health() {
      try {
        await db.execute(sql`select 1`)
        return { ok: true, engine: 'postgres' }
      } catch (error) {
        return { ok: false, engine: 'postgres', detail: error instanceof Error ? error.message : String(error) }
      }
    },
    async countDocuments() {
      const [row] = await db.execute<{ count: number }>(sql`select count(*)::int as count from search_documents`)
      return row!.count
    },
    async listIndexed() {
      const rows = await db.execute<{ id: string; hash: string }>(sql`select proposal_id as id, hash from search_documents`)
      return new Map(rows.map((row) => [row.id, row.hash]))
    },
    async rebuild(source, options) {
      // Written into fresh tables and swapped in whole (search/postgres-rebuild.server.ts):
      // readers keep seeing the old index until then.
      const result = await rebuildIntoFreshTables(
        db,
        async () => {
          let indexed = 0
          // A batch's vectors are computed on one connection while the previous batch is written on another: two cores busy.
          let writing: Promise<void> = Promise.resolve()
          for await (const documents of source()) {
            for (const batch of batches(latestById(documents), WRITE_BATCH_SIZE)) {
              const computing = computeBatch(db, batch)
              computing.catch(() => {}) // awaited through `writing`; a failure must not go unhandled meanwhile
              await writing
              writing = computing.then((computed) => writeComputed(db, computed, NEXT_TABLES))
              writing.catch(() => {})
              indexed += batch.length
            }
          }
          await writing
          return { indexed }
        },
        async (tx) => {
          // Everything replaced: other processes reload their columns.
          await tx.execute(sql`delete from search_removals`)
          await tx.execute(sql`insert into search_removals (document_number) values (null)`)
        },
        options?.beforeSwap,
      )
      await bumpIndexVersion(db)
      return result
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** One document per id (the last given wins), ordered by id so concurrent writers lock rows in the same order. */
function latestById(documents: SearchDocument[]): SearchDocument[] {
  const byId = new Map(documents.map((document) => [document.id, document]))
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function batches<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}

/** A batch ready to write (JSON parameters): the documents, their vectors, their vocabulary. */
interface ComputedBatch {
  documents: string
  vectors: string
  terms: string
}

/**
 * Computes a batch's vectors in SQL from the documents (functions of migration 0004), apart
 * from writing them, so that a rebuild can compute the next batch while writing this one.
 * public_tsv keeps positions and weights, for ts_rank_cd; full_tsv only decides what matches,
 * so it keeps neither (stripped), and its exact words of the verified tier come from here,
 * folded by search/text.ts `words` (as the vocabulary is), saving the database from parsing the
 * long descriptions twice.
 */
async function computeBatch(db: DbOrTx, documents: SearchDocument[]): Promise<ComputedBatch> {
  const folder = new WordFolder()
  const terms = new Set<string>()
  const verifiedWords = documents.map((document) => {
    const verified = folder.wordsOf(verifiedTexts(document))
    for (const word of [...folder.wordsOf(publicTexts(document)), ...verified]) {
      if (word.length >= MIN_TERM_LENGTH && word.length <= MAX_WORD_LENGTH) terms.add(word)
    }
    return [...verified].filter((word) => word.length <= MAX_LEXEME_LENGTH)
  })
  const documentsJson = JSON.stringify(documents)
  const rows = await db.execute<{ vectors: [string, string] }>(sql`
    select json_build_array(public_tsv, strip(public_tsv || search_description_stems(doc) || array_to_tsvector(array(select jsonb_array_elements_text(words))))) as vectors
    from jsonb_array_elements(${documentsJson}::jsonb) with ordinality as d(doc, position)
    join jsonb_array_elements(${JSON.stringify(verifiedWords)}::jsonb) with ordinality as w(words, position) using (position)
    -- offset 0: computed once, not once per use
    cross join lateral (select search_public_tsv(doc) as public_tsv offset 0) as public_part
    order by position`)
  return {
    documents: documentsJson,
    vectors: JSON.stringify(rows.map((row) => row.vectors)),
    // Sorted: concurrent writers then lock the same terms in the same order.
    terms: JSON.stringify([...terms].sort()),
  }
}

/** Upserts the documents with their vectors, and adds their words to the vocabulary. */
async function writeComputed(db: DbOrTx, batch: ComputedBatch, tables: IndexTables = LIVE_TABLES): Promise<void> {
  await db.execute(sql`
    insert into ${sql.identifier(tables.documents)} (
      proposal_id, hash, document, subsector, stage, region, country, instrument, development_phase,
      therapeutic_areas, trl, amount_sought_eur, closing_date, published_at, public_tsv, full_tsv, indexed_at)
    select
      (doc ->> 'id')::uuid, doc ->> 'hash', doc, doc ->> 'subsector', doc ->> 'stage', doc ->> 'region', doc ->> 'country',
      doc ->> 'instrument', doc ->> 'developmentPhase',
      array(select jsonb_array_elements_text(doc -> 'therapeuticAreas')),
      (doc ->> 'trl')::int, (doc ->> 'amountSoughtEur')::bigint, (doc ->> 'closingDate')::date,
      to_timestamp((doc ->> 'publishedAt')::bigint),
      (vectors ->> 0)::tsvector, (vectors ->> 1)::tsvector, now()
    from jsonb_array_elements(${batch.documents}::jsonb) with ordinality as d(doc, position)
    join jsonb_array_elements(${batch.vectors}::jsonb) with ordinality as v(vectors, position) using (position)
    on conflict (proposal_id) do update set
      hash = excluded.hash, document = excluded.document, subsector = excluded.subsector, stage = excluded.stage,
      region = excluded.region, country = excluded.country, instrument = excluded.instrument,
      development_phase = excluded.development_phase, therapeutic_areas = excluded.therapeutic_areas,
      trl = excluded.trl, amount_sought_eur = excluded.amount_sought_eur, closing_date = excluded.closing_date,
      published_at = excluded.published_at, public_tsv = excluded.public_tsv, full_tsv = excluded.full_tsv,
      indexed_at = excluded.indexed_at, written_xid = pg_current_xact_id()`)
  await db.execute(sql`
    insert into ${sql.identifier(tables.terms)} (term)
    select value from jsonb_array_elements_text(${batch.terms}::jsonb)
    on conflict do nothing`)
}

const localized = (document: SearchDocument, field: 'title' | 'summary' | 'description') =>
  (['en', 'es', 'pt', 'gl'] as const).map((locale) => document[`${field}_${locale}`])

function publicTexts(document: SearchDocument): (string | null | undefined)[] {
  return [...localized(document, 'title'), ...localized(document, 'summary'), document.startupName, document.city, ...document.classificationNames]
}

function verifiedTexts(document: SearchDocument): (string | null | undefined)[] {
  return [...localized(document, 'description'), ...document.therapeuticAreaNames]
}

/** Runs of letters, digits and combining marks: what `words` folds and splits further. */
const RAW_WORD = /[\p{L}\p{N}\p{M}]+/gu

/** Folds texts into their distinct words (search/text.ts `words`), each distinct raw word once: most repeat. */
class WordFolder {
  private readonly folded = new Map<string, string[]>()

  wordsOf(texts: (string | null | undefined)[]): Set<string> {
    const result = new Set<string>()
    for (const text of texts) {
      if (!text) continue
      for (const [raw] of text.matchAll(RAW_WORD)) {
        let folded = this.folded.get(raw)
        if (!folded) this.folded.set(raw, (folded = words(raw)))
        for (const word of folded) result.add(word)
      }
    }
    return result
  }
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * The tsquery of the query's words, built in SQL from parameters (search_tsquery in the
 * migration): per word, itself, its synonyms and its near spellings (the indexed words within
 * its typo budget, closest first, at most a few: from the vocabulary in memory).
 */
function textQuery(vocabulary: Vocabulary, tokens: string[]): SQL {
  const alternatives = tokens.map((token) => [
    ...new Set([token, ...synonymsOf(token), ...(typoBudget(token) > 0 ? vocabulary.near(token, typoBudget(token), MAX_TYPO_ALTERNATIVES) : [])]),
  ])
  return sql`search_tsquery(${JSON.stringify(alternatives)}::jsonb, ${tokens[tokens.length - 1]!}::text)`
}

// ---------------------------------------------------------------------------------------------
// Matching: PostgreSQL finds the documents of the text, the columns in memory do the rest

/** The documents matching a query's text, by document number (search/postgres-columns.server.ts). */
interface TextMatch {
  tsquery: SQL
  matching: Float64Array
  /** Those whose title (or startup name) matches: relevance puts them first. Only for relevance. */
  titled?: Float64Array
}

/**
 * The numbers of the documents whose `vector` matches, as one text (a list), not a row each.
 * The tsquery is a parameter of the plan (`(select q from query)`), so the planner cannot see
 * how common its words are and takes the GIN index (a seq scan would read every row's vector
 * out of line), at a cost far below JIT compilation's threshold.
 */
async function matchingDocuments(db: Db, tsquery: SQL, vector: SQL): Promise<Float64Array> {
  const [row] = await db.execute<{ numbers: string | null }>(sql`
    with query as (select ${tsquery} as q)
    select string_agg(document_number::text, ',') as numbers from search_documents where ${vector} @@ (select q from query)`)
  return numbersOf(row!.numbers ?? '')
}

/** Reads "12,7,30" (tens of thousands of numbers, faster than split and Number). */
function numbersOf(list: string): Float64Array {
  if (list === '') return new Float64Array(0)
  let count = 1
  for (let at = 0; at < list.length; at++) if (list.charCodeAt(at) === 44) count++
  const numbers = new Float64Array(count)
  let index = 0
  let value = 0
  for (let at = 0; at < list.length; at++) {
    const code = list.charCodeAt(at)
    if (code === 44) {
      numbers[index++] = value
      value = 0
    } else {
      value = value * 10 + (code - 48)
    }
  }
  numbers[index] = value
  return numbers
}

/** The text's matches, and its title matches for relevance: two statements at once, on two connections. */
async function matchText(db: Db, vocabulary: Vocabulary, tokens: string[], scope: SearchScope, titles: boolean): Promise<TextMatch> {
  const tsquery = textQuery(vocabulary, tokens)
  const [matching, titled] = await Promise.all([
    matchingDocuments(db, tsquery, sql.raw(scope === 'public' ? 'public_tsv' : 'full_tsv')),
    titles ? matchingDocuments(db, tsquery, sql`search_title_tsv(document)`) : undefined,
  ])
  return { tsquery, matching, titled }
}

// Paging

/**
 * How many hits of a relevance query are ranked by ts_rank_cd (a rescoring window: ranking
 * every hit of a common word costs far too much). Hits whose title or startup name matches come
 * first, newest first; the first ones are then reordered by rank; later pages continue in the
 * same order without rank.
 */
const RESCORE_WINDOW = 200

interface Page {
  offset: number
  limit: number
}

/** Whether a page is (partly) in the rescoring window: its hits are then ordered from the first. */
function rescores(text: TextMatch | undefined, sort: SearchSort, page: Page): text is TextMatch {
  return text !== undefined && sort === 'relevance' && page.offset < RESCORE_WINDOW
}

/** The ids of a page of the hits. */
async function pageOf(db: Db, { ordered, text }: Evaluated, sort: SearchSort, page: Page): Promise<string[]> {
  if (!rescores(text, sort, page)) return ordered.map((hit) => hit.id)
  const window = ordered.slice(0, RESCORE_WINDOW)
  const rankById = await ranksOf(db, text.tsquery, window.map((hit) => hit.id))
  const rescored = window
    .map((hit, position) => ({ ...hit, position, rank: rankById.get(hit.id) ?? 0 }))
    .sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.rank - a.rank || a.position - b.position)
  return [...rescored, ...ordered.slice(RESCORE_WINDOW)].slice(page.offset, page.offset + page.limit).map((hit) => hit.id)
}

async function ranksOf(db: Db, tsquery: SQL, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const rows = await db.execute<{ id: string; rank: number }>(sql`
    with query as (select ${tsquery} as q)
    select proposal_id::text as id, ts_rank_cd(public_tsv, (select q from query)) as rank
    from search_documents
    where proposal_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`)
  return new Map(rows.map((row) => [row.id, Number(row.rank)]))
}

// Answering, with a cache

/**
 * Answers already computed, valid while the index has not changed: every write bumps the
 * sequence `search_index_version` once committed, and a query first reads it (one short
 * statement). Counts are kept apart from pages, so that paging or re-sorting a search reuses
 * them. Entries also expire, in case a writer died between its commit and the bump.
 */
class AnswerCache {
  private readonly entries = new Map<string, { version: number; at: number; value: unknown }>()
  constructor(
    private readonly capacity = 500,
    private readonly maxAgeMs = 60_000,
  ) {}

  async get<T>(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    if (this.capacity === 0) return compute()
    const entry = this.entries.get(key)
    if (entry && entry.version === version && Date.now() - entry.at < this.maxAgeMs) return entry.value as T
    const value = await compute()
    this.entries.delete(key)
    this.entries.set(key, { version, at: Date.now(), value })
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
    return value
  }
}

/** How many writes the index has seen (0 before the first). */
async function indexVersion(db: Db): Promise<number> {
  const [row] = await db.execute<{ version: string }>(sql`select (case when is_called then last_value else 0 end)::text as version from search_index_version`)
  return Number(row!.version)
}

async function bumpIndexVersion(db: Db): Promise<void> {
  await db.execute(sql`select nextval('search_index_version')`)
}

/** A query evaluated over the columns: its hits and counts, and its text match. */
interface Evaluated {
  total: number
  facets: FacetCounts
  /** The hits of the page in the sort's order, or (when it rescores) all up to its end, before rescoring. */
  ordered: OrderedHit[]
  text?: TextMatch
}

async function runQuery(db: Db, columns: SearchColumns, cache: AnswerCache, query: SearchQuery): Promise<SearchResult> {
  const tokens = queryWords(query.text)
  const perPage = Math.min(Math.max(Math.trunc(query.perPage) || 1, 1), MAX_PER_PAGE)
  const page = { offset: (Math.max(Math.trunc(query.page) || 1, 1) - 1) * perPage, limit: perPage }
  const version = await indexVersion(db)
  const searchKey = JSON.stringify([query.scope, tokens, query.filters, query.filters.closingWithinDays === undefined ? null : query.today])
  let evaluating: Promise<Evaluated> | undefined
  const evaluated = () =>
    (evaluating ??= (async () => {
      await columns.current(version)
      const text = tokens.length > 0 ? await matchText(db, columns.vocabulary, tokens, query.scope, query.sort === 'relevance') : undefined
      // In one go, ids included: the slots of the hits mean nothing once the columns change.
      const { hits, total, facets } = columns.evaluate({ scope: query.scope, filters: query.filters, today: query.today, matching: text?.matching })
      return { text, total, facets, ordered: columns.ordered(hits, query.sort, rescores(text, query.sort, page) ? 0 : page.offset, page.offset + page.limit, text?.titled) }
    })())
  const [counts, ids] = await Promise.all([
    cache.get(`counts ${searchKey}`, version, async () => {
      const { total, facets } = await evaluated()
      return { total, facets }
    }),
    cache.get(`page ${searchKey} ${query.sort} ${page.offset} ${page.limit}`, version, async () => pageOf(db, await evaluated(), query.sort, page)),
  ])
  // Copies: the cached counts must not change if a caller edits its result.
  return { ids: [...ids], total: counts.total, facets: structuredClone(counts.facets) }
}
