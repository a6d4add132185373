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
 *   its typo budget (trigram candidates from `search_terms`, checked by edit distance); the
 *   alternatives are ORed, the words ANDed, the last word also matches as a prefix.
 * - Counting: the total and the disjunctive facets come from one scan of the rows that pass all
 *   filters but at most one facet filter. The page is a second statement, run alongside.
 * - Relevance: title matches first, then ts_rank_cd over a rescoring window, then newest.
 * - Answers are cached until the index changes (every write bumps a version).
 */
import { sql, type SQL } from 'drizzle-orm'
import { isUuid } from '../app/modules/proposals/access.server'
import type { Db, DbOrTx } from '../db/client'
import { synonymsOf } from './synonyms'
import { editDistance, MAX_WORD_LENGTH, queryWords, typoBudget, words } from './text'
import {
  facetNames,
  MAX_PER_PAGE,
  verifiedOnlyFacets,
  type FacetCounts,
  type FacetName,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchQuery,
  type SearchResult,
  type SearchScope,
  type SearchSort,
} from './types'

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
/** Trigram candidates fetched per query word before the edit-distance check. */
const TRIGRAM_CANDIDATES = 40

const DAY_MS = 86_400_000

export function createPostgresEngine(db: Db): SearchEngine {
  const cache = new AnswerCache()
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
      await db.execute(sql`
        delete from search_documents
        where proposal_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(uuids)}::jsonb))`)
      await bumpIndexVersion(db)
    },
    async applySettings() {
      // Everything the engine needs is in the migrations; fresh planner statistics help after bulk writes.
      await db.execute(sql`analyze search_documents`)
      await db.execute(sql`analyze search_terms`)
    },
    async query(query) {
      return runQuery(db, cache, query)
    },
    async health() {
      try {
        await db.execute(sql`select 1`)
        return { ok: true, engine: 'postgres' }
      } catch (error) {
        return { ok: false, engine: 'postgres', detail: error instanceof Error ? error.message : String(error) }
      }
    },
    async listIndexed() {
      const rows = await db.execute<{ id: string; hash: string }>(sql`select proposal_id as id, hash from search_documents`)
      return new Map(rows.map((row) => [row.id, row.hash]))
    },
    async rebuild(source) {
      // One transaction: readers keep seeing the old index until the new one is committed whole.
      const result = await db.transaction(async (tx) => {
        await tx.execute(sql`delete from search_documents`)
        await tx.execute(sql`delete from search_terms`)
        let indexed = 0
        // The vectors of a batch are computed on another connection (outside this transaction)
        // while this one writes the previous batch: two cores busy.
        let writing: Promise<void> = Promise.resolve()
        for await (const documents of source()) {
          for (const batch of batches(latestById(documents), WRITE_BATCH_SIZE)) {
            const computing = computeBatch(db, batch)
            computing.catch(() => {}) // awaited through `writing`; a failure must not go unhandled meanwhile
            await writing
            writing = computing.then((computed) => writeComputed(tx, computed))
            writing.catch(() => {})
            indexed += batch.length
          }
        }
        await writing
        return { indexed }
      })
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
async function writeComputed(db: DbOrTx, batch: ComputedBatch): Promise<void> {
  await db.execute(sql`
    insert into search_documents (
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
      indexed_at = excluded.indexed_at`)
  await db.execute(sql`
    insert into search_terms (term)
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

/** Per query word, the indexed words within its typo budget (closest first, at most a few). */
async function nearSpellings(db: Db, tokens: string[]): Promise<Map<string, string[]>> {
  const fuzzy = [...new Set(tokens.filter((token) => typoBudget(token) > 0))]
  const result = new Map<string, string[]>()
  if (fuzzy.length === 0) return result
  const rows = await db.execute<{ token: string; term: string }>(sql`
    select token, candidate.term
    from jsonb_array_elements_text(${JSON.stringify(fuzzy)}::jsonb) as token
    cross join lateral (
      select term from search_terms
      where term % token and term <> token
      order by similarity(term, token) desc
      limit ${TRIGRAM_CANDIDATES}
    ) as candidate`)
  for (const token of fuzzy) {
    const budget = typoBudget(token)
    const near = rows
      .filter((row) => row.token === token)
      .map((row) => ({ term: row.term, distance: editDistance(token, row.term, budget) }))
      .filter((candidate) => candidate.distance <= budget)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, MAX_TYPO_ALTERNATIVES)
      .map((candidate) => candidate.term)
    result.set(token, near)
  }
  return result
}

/** The tsquery of the query's words, built in SQL from parameters (search_tsquery in the migration). */
async function textQuery(db: Db, tokens: string[]): Promise<SQL> {
  const near = await nearSpellings(db, tokens)
  const alternatives = tokens.map((token) => [...new Set([token, ...synonymsOf(token), ...(near.get(token) ?? [])])])
  return sql`search_tsquery(${JSON.stringify(alternatives)}::jsonb, ${tokens[tokens.length - 1]!}::text)`
}

// ---------------------------------------------------------------------------------------------
// Filters

function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}::text`),
    sql`, `,
  )}]::text[]`
}

function anyOf(column: SQL, values: readonly string[] | undefined): SQL | undefined {
  return values && values.length > 0 ? sql`coalesce(${column} = any(${textArray(values)}), false)` : undefined
}

function between(column: SQL, min: SQL | undefined, max: SQL | undefined): SQL | undefined {
  if (min && max) return sql`${column} between ${min} and ${max}`
  if (min) return sql`${column} >= ${min}`
  if (max) return sql`${column} <= ${max}`
  return undefined
}

const int = (value: number | undefined) => (value === undefined ? undefined : sql`${Math.trunc(value)}::int`)
const bigint = (value: number | undefined) => (value === undefined ? undefined : sql`${Math.trunc(value)}::bigint`)
const isoDay = (day: number) => sql`${new Date(day * DAY_MS).toISOString().slice(0, 10)}::date`

/** The filter of each facet that has one (the facet's counts ignore it: disjunctive facets). */
function facetFilters(filters: SearchFilters, scope: SearchScope): Partial<Record<FacetName, SQL>> {
  const result: Partial<Record<FacetName, SQL | undefined>> = {
    subsector: anyOf(sql`subsector`, filters.subsector),
    stage: anyOf(sql`stage`, filters.stage),
    region: anyOf(sql`region`, filters.region),
    instrument: anyOf(sql`instrument`, filters.instrument),
    developmentPhase: anyOf(sql`development_phase`, filters.developmentPhase),
    // The public tier cannot filter on what it cannot see.
    therapeuticArea:
      scope === 'verified' && filters.therapeuticArea && filters.therapeuticArea.length > 0
        ? sql`therapeutic_areas && ${textArray(filters.therapeuticArea)}`
        : undefined,
    trl: between(sql`trl`, int(filters.trlMin), int(filters.trlMax)),
  }
  return Object.fromEntries(Object.entries(result).filter(([, filter]) => filter !== undefined))
}

/** Filters that are not facets: every hit must pass them, facet counts included. */
function otherFilters(filters: SearchFilters, today: number): SQL[] {
  const closing =
    filters.closingWithinDays === undefined ? undefined : between(sql`closing_date`, isoDay(today), isoDay(today + Math.trunc(filters.closingWithinDays)))
  return [between(sql`amount_sought_eur`, bigint(filters.amountMinEur), bigint(filters.amountMaxEur)), closing].filter(
    (filter): filter is SQL => filter !== undefined,
  )
}

// ---------------------------------------------------------------------------------------------
// Query

/** A query turned into SQL pieces, shared by the count and the page statements. */
interface Plan {
  /** The tsquery of the text (an expression of parameters), or none for an empty text. */
  tsquery: SQL | undefined
  scope: SearchScope
  /** Each filtered facet's condition. */
  facetFilters: Partial<Record<FacetName, SQL>>
  /** Conditions every hit meets, facet counts included (text, amount, closing date). */
  always: SQL[]
}

function planQuery(query: SearchQuery, tsquery: SQL | undefined): Plan {
  const vector = sql.raw(query.scope === 'public' ? 'public_tsv' : 'full_tsv')
  return {
    tsquery,
    scope: query.scope,
    facetFilters: facetFilters(query.filters, query.scope),
    always: [...(tsquery ? [sql`${vector} @@ (select q from query)`] : []), ...otherFilters(query.filters, query.today)],
  }
}

function allOf(conditions: SQL[]): SQL {
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `)
}

/** `with query as (...)`: the tsquery computed once per statement, referenced as `(select q from query)`. */
function withQuery(plan: Plan): SQL {
  return plan.tsquery ? sql`with query as (select ${plan.tsquery} as q)` : sql``
}

/**
 * Runs a statement of a text query in its own transaction, telling the planner to use the GIN
 * indexes: it does not count the cost of reading vectors stored out of line, and could otherwise
 * choose to test every row's vector for a common word. (JIT compilation would cost more than
 * these statements take.)
 */
async function withPlannerSettings<T>(db: Db, plan: Plan, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  if (!plan.tsquery) return work(db)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('enable_seqscan', 'off', true)`)
    return work(tx)
  })
}

// Counting: the total and the facets

/** The facets counted in groups of columns: three hash tables per row instead of seven. */
const countGroups: readonly { facets: FacetName[]; columns: string[] }[] = [
  { facets: ['subsector', 'stage', 'instrument'], columns: ['subsector', 'stage', 'instrument'] },
  { facets: ['region', 'developmentPhase', 'trl'], columns: ['region', 'development_phase', 'trl'] },
  { facets: ['therapeuticArea'], columns: ['therapeutic_areas'] },
]

interface CountRow extends Record<string, unknown> {
  group_index: number
  failing: FacetName | null
  values: (string | number | string[] | null)[]
  count: number
}

interface Counts {
  total: number
  facets: FacetCounts
}

/**
 * The total and the disjunctive facet counts in one scan. Rows failing at most one facet
 * filter are grouped by (the facet filter they fail, the values of a group of facets); a
 * facet's counts then add the groups that fail no filter or only its own.
 */
async function countHits(db: Db, plan: Plan): Promise<Counts> {
  const filtered = Object.keys(plan.facetFilters) as FacetName[]
  const failing =
    filtered.length === 0
      ? sql`null::text`
      : sql`case ${sql.join(
          filtered.map((facet) => sql`when not ${plan.facetFilters[facet]!} then ${facet}::text`),
          sql` `,
        )} end`
  const atMostOneFailing =
    filtered.length <= 1
      ? []
      : [
          sql`(${sql.join(
            filtered.map((facet) => sql`(not ${plan.facetFilters[facet]!})::int`),
            sql` + `,
          )}) <= 1`,
        ]
  const groups = countGroups.filter((group) => plan.scope === 'verified' || !group.facets.some((facet) => verifiedOnlyFacets.includes(facet)))
  const groupingSets = groups.map((group) => sql.raw(`(failing, ${group.columns.join(', ')})`))
  const groupIndex = sql.raw(`case ${groups.map((group, index) => `when grouping(${group.columns[0]}) = 0 then ${index}`).join(' ')} end`)
  const rows = await withPlannerSettings(db, plan, (tx) =>
    tx.execute<CountRow>(sql`
      ${withQuery(plan)}
      select ${groupIndex} as group_index, failing, count(*)::int as count,
        json_build_array(${sql.raw(groups.flatMap((group) => group.columns).join(', '))}) as values
      from (
        select subsector, stage, instrument, region, development_phase, trl, therapeutic_areas, ${failing} as failing
        from search_documents
        where ${allOf([...plan.always, ...atMostOneFailing])}
      ) as hits
      group by grouping sets (${sql.join(groupingSets, sql`, `)})`),
  )
  return rollUp(rows, groups)
}

function rollUp(rows: CountRow[], groups: typeof countGroups): Counts {
  const facets = Object.fromEntries(facetNames.map((facet) => [facet, {}])) as FacetCounts
  let total = 0
  const columnOffsets = groups.map((_, index) => groups.slice(0, index).reduce((sum, group) => sum + group.columns.length, 0))
  for (const row of rows) {
    const group = groups[row.group_index]!
    if (row.group_index === 0 && row.failing === null) total += row.count
    group.facets.forEach((facet, position) => {
      if (row.failing !== null && row.failing !== facet) return
      const value = row.values[columnOffsets[row.group_index]! + position]
      for (const key of Array.isArray(value) ? value : [value]) {
        if (key === null || key === undefined) continue
        facets[facet][String(key)] = (facets[facet][String(key)] ?? 0) + row.count
      }
    })
  }
  return { total, facets }
}

// Paging

/**
 * How many hits of a relevance query are ranked by ts_rank_cd (a rescoring window: ranking
 * every hit of a common word costs far too much). Hits whose title or startup name matches come
 * first, newest first; the first ones are then reordered by rank; later pages continue in the
 * same order without rank.
 */
const RESCORE_WINDOW = 200

const sortOrder: Record<Exclude<SearchSort, 'relevance'>, string> = {
  newest: 'published_at desc, proposal_id',
  amount_asc: 'amount_sought_eur asc, proposal_id',
  amount_desc: 'amount_sought_eur desc, proposal_id',
  closing: 'closing_date asc, proposal_id',
}

interface Page {
  offset: number
  limit: number
}

async function pageOf(db: Db, plan: Plan, sort: SearchSort, page: Page): Promise<string[]> {
  const conditions = allOf([...plan.always, ...Object.values(plan.facetFilters)])
  const rows = await withPlannerSettings(db, plan, (tx) =>
    plan.tsquery && sort === 'relevance'
      ? tx.execute<{ id: string }>(rescoredPage(plan, conditions, page))
      : tx.execute<{ id: string }>(sortedPage(plan, conditions, sort, page)),
  )
  return rows.map((row) => row.id)
}

function sortedPage(plan: Plan, conditions: SQL, sort: SearchSort, page: Page): SQL {
  const order = sql.raw(sortOrder[sort === 'relevance' ? 'newest' : sort])
  if (!plan.tsquery) {
    // No text: the sort column's index walks the rows in order.
    return sql`select proposal_id as id from search_documents where ${conditions} order by ${order} limit ${page.limit}::int offset ${page.offset}::int`
  }
  // Text: the hits come from the GIN index first (the sort index would test every row's vector).
  return sql`
    ${withQuery(plan)},
    hits as materialized (
      select proposal_id, published_at, amount_sought_eur, closing_date from search_documents where ${conditions}
    )
    select proposal_id as id from hits order by ${order} limit ${page.limit}::int offset ${page.offset}::int`
}

function rescoredPage(plan: Plan, conditions: SQL, page: Page): SQL {
  const order = sql`in_title desc, published_at desc, proposal_id`
  const parts: SQL[] = []
  if (page.offset < RESCORE_WINDOW) {
    parts.push(sql`
      (select ordered.proposal_id, 0 as part, in_title, ts_rank_cd(d.public_tsv, (select q from query)) as rank, ordered.published_at
       from (select * from ordered order by ${order} limit ${RESCORE_WINDOW}::int) as ordered
       join search_documents as d using (proposal_id))`)
  }
  // Past the window: from where the page (or the window's end) starts, in the same order.
  const skip = Math.max(page.offset, RESCORE_WINDOW)
  if (page.offset + page.limit > skip) {
    parts.push(sql`
      (select proposal_id, 1, in_title, 0, published_at from ordered
       order by ${order} offset ${skip}::int limit ${page.offset + page.limit - skip}::int)`)
  }
  return sql`
    ${withQuery(plan)},
    hits as materialized (select proposal_id, published_at from search_documents where ${conditions}),
    titled as materialized (select proposal_id from search_documents where search_title_tsv(document) @@ (select q from query)),
    ordered as (
      select hits.proposal_id, hits.published_at, titled.proposal_id is not null as in_title
      from hits left join titled using (proposal_id)
    )
    select proposal_id as id from (${sql.join(parts, sql` union all `)}) as candidates (proposal_id, part, in_title, rank, published_at)
    order by part, in_title desc, rank desc, published_at desc, proposal_id
    limit ${page.limit}::int offset ${page.offset < RESCORE_WINDOW ? page.offset : 0}::int`
}

// Answering, with a cache

/**
 * Answers already computed, valid while the index has not changed: every write bumps the
 * sequence `search_index_version` once committed, and a query first reads it (one short
 * statement). Counts are kept apart from pages, so that paging or re-sorting a search reuses
 * them. Entries also expire, in case a writer died between its commit and the bump.
 */
class AnswerCache {
  private readonly entries = new Map<string, { version: string; at: number; value: unknown }>()
  constructor(
    private readonly capacity = 500,
    private readonly maxAgeMs = 60_000,
  ) {}

  async get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key)
    if (entry && entry.version === version && Date.now() - entry.at < this.maxAgeMs) return entry.value as T
    const value = await compute()
    this.entries.delete(key)
    this.entries.set(key, { version, at: Date.now(), value })
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
    return value
  }
}

async function indexVersion(db: Db): Promise<string> {
  const [row] = await db.execute<{ version: string }>(sql`select last_value::text || ':' || is_called::text as version from search_index_version`)
  return row!.version
}

async function bumpIndexVersion(db: Db): Promise<void> {
  await db.execute(sql`select nextval('search_index_version')`)
}

async function runQuery(db: Db, cache: AnswerCache, query: SearchQuery): Promise<SearchResult> {
  const tokens = queryWords(query.text)
  const perPage = Math.min(Math.max(Math.trunc(query.perPage) || 1, 1), MAX_PER_PAGE)
  const page = { offset: (Math.max(Math.trunc(query.page) || 1, 1) - 1) * perPage, limit: perPage }
  const version = await indexVersion(db)
  const searchKey = JSON.stringify([query.scope, tokens, query.filters, query.filters.closingWithinDays === undefined ? null : query.today])
  let plan: Promise<Plan> | undefined
  const planned = () => (plan ??= (tokens.length > 0 ? textQuery(db, tokens) : Promise.resolve(undefined)).then((tsquery) => planQuery(query, tsquery)))
  const [counts, ids] = await Promise.all([
    cache.get(`counts ${searchKey}`, version, async () => countHits(db, await planned())),
    cache.get(`page ${searchKey} ${query.sort} ${page.offset} ${page.limit}`, version, async () => pageOf(db, await planned(), query.sort, page)),
  ])
  // Copies: the cached counts must not change if a caller edits its result.
  return { ids: [...ids], total: counts.total, facets: structuredClone(counts.facets) }
}
