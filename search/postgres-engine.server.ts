/**
 * The Postgres search engine: full-text search in the application's own database, over
 * `search_documents` and `search_terms` (db/schema/search.ts). It is the embedded default, the
 * engine of the tests, and the fallback when Meilisearch cannot answer, so it gives the same
 * answers (docs: search/contract.ts).
 *
 * How text matches (see db/migrations/0004_search_engine.sql for the SQL side):
 * - Each document has two vectors, `public_tsv` (public tier's fields) and `full_tsv` (all),
 *   made of every field's words stemmed in its language plus the words as written ('simple'),
 *   after folding accents and case, weighted A–D by field.
 * - A query word's alternatives are the word, its synonyms and the indexed words within its
 *   typo budget (found by trigram similarity in `search_terms`, then checked by edit distance);
 *   the alternatives are ORed, the words ANDed, the last word also matches as a prefix.
 * - Facets are disjunctive and come from one scan of the rows that pass all filters but at most
 *   one facet filter; the same statement returns the page and the total.
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
const WRITE_BATCH_SIZE = 500
/** Indexed words shorter than this are not typo candidates (too many near neighbours). */
const MIN_TERM_LENGTH = 3
/** Near spellings kept per query word: the closest ones, so a typo cannot fan out into noise. */
const MAX_TYPO_ALTERNATIVES = 8
/** Trigram candidates fetched per query word before the edit-distance check. */
const TRIGRAM_CANDIDATES = 40

const DAY_MS = 86_400_000

export function createPostgresEngine(db: Db): SearchEngine {
  return {
    name: 'postgres',
    async index(documents) {
      for (const batch of batches(latestById(documents), WRITE_BATCH_SIZE)) await writeBatch(db, batch)
    },
    async remove(ids) {
      const uuids = [...new Set(ids.filter(isUuid))]
      if (uuids.length === 0) return
      await db.execute(sql`
        delete from search_documents
        where proposal_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(uuids)}::jsonb))`)
    },
    async applySettings() {
      // Everything the engine needs is in the migrations; fresh planner statistics help after bulk writes.
      await db.execute(sql`analyze search_documents`)
      await db.execute(sql`analyze search_terms`)
    },
    async query(query) {
      return runQuery(db, query)
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
      return db.transaction(async (tx) => {
        await tx.execute(sql`delete from search_documents`)
        await tx.execute(sql`delete from search_terms`)
        let indexed = 0
        for await (const documents of source()) {
          for (const batch of batches(latestById(documents), WRITE_BATCH_SIZE)) {
            await writeBatch(tx, batch)
            indexed += batch.length
          }
        }
        return { indexed }
      })
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

/** Upserts the documents (vectors computed in SQL from the jsonb) and adds their words to the vocabulary. */
async function writeBatch(db: DbOrTx, documents: SearchDocument[]): Promise<void> {
  await db.execute(sql`
    insert into search_documents (
      proposal_id, hash, document, subsector, stage, region, country, instrument, development_phase,
      therapeutic_areas, trl, amount_sought_eur, closing_date, published_at, public_tsv, full_tsv, indexed_at)
    select
      (d ->> 'id')::uuid, d ->> 'hash', d, d ->> 'subsector', d ->> 'stage', d ->> 'region', d ->> 'country',
      d ->> 'instrument', d ->> 'developmentPhase',
      array(select jsonb_array_elements_text(d -> 'therapeuticAreas')),
      (d ->> 'trl')::int, (d ->> 'amountSoughtEur')::bigint, (d ->> 'closingDate')::date,
      to_timestamp((d ->> 'publishedAt')::bigint),
      public_part.tsv, public_part.tsv || search_verified_tsv(d), now()
    from jsonb_array_elements(${JSON.stringify(documents)}::jsonb) as d
    cross join lateral (select search_public_tsv(d) as tsv) as public_part
    on conflict (proposal_id) do update set
      hash = excluded.hash, document = excluded.document, subsector = excluded.subsector, stage = excluded.stage,
      region = excluded.region, country = excluded.country, instrument = excluded.instrument,
      development_phase = excluded.development_phase, therapeutic_areas = excluded.therapeutic_areas,
      trl = excluded.trl, amount_sought_eur = excluded.amount_sought_eur, closing_date = excluded.closing_date,
      published_at = excluded.published_at, public_tsv = excluded.public_tsv, full_tsv = excluded.full_tsv,
      indexed_at = excluded.indexed_at`)
  const terms = vocabularyOf(documents)
  if (terms.length === 0) return
  await db.execute(sql`
    insert into search_terms (term)
    select value from jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb)
    on conflict do nothing`)
}

/** Every searchable text of a document, whatever its tier. */
function indexedTexts(document: SearchDocument): string[] {
  const texts: (string | null | undefined)[] = [document.startupName, document.city, ...document.classificationNames, ...document.therapeuticAreaNames]
  for (const field of ['title', 'summary', 'description'] as const) {
    for (const locale of ['en', 'es', 'pt', 'gl'] as const) texts.push(document[`${field}_${locale}`])
  }
  return texts.filter((text): text is string => Boolean(text))
}

/** The distinct folded words of the documents that typo tolerance may correct towards, sorted. */
function vocabularyOf(documents: SearchDocument[]): string[] {
  const terms = new Set<string>()
  for (const document of documents) {
    for (const text of indexedTexts(document)) {
      for (const word of words(text)) if (word.length >= MIN_TERM_LENGTH && word.length <= MAX_WORD_LENGTH) terms.add(word)
    }
  }
  return [...terms].sort()
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

/** The value a facet counts, per row of `hits`. The therapeutic areas are an array, unnested apart. */
const facetValue: Record<Exclude<FacetName, 'therapeuticArea'>, SQL> = {
  subsector: sql`subsector`,
  stage: sql`stage`,
  region: sql`region`,
  instrument: sql`instrument`,
  developmentPhase: sql`development_phase`,
  trl: sql`trl::text`,
}

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

const flagOf = (facet: FacetName) => sql.raw(`passes_${facet}`)

function allOf(conditions: SQL[]): SQL {
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `)
}

function orderFor(sort: SearchSort, ranked: boolean): SQL {
  switch (sort) {
    case 'relevance':
      return ranked ? sql`rank desc, published_at desc, proposal_id` : sql`published_at desc, proposal_id`
    case 'newest':
      return sql`published_at desc, proposal_id`
    case 'amount_asc':
      return sql`amount_sought_eur asc, proposal_id`
    case 'amount_desc':
      return sql`amount_sought_eur desc, proposal_id`
    case 'closing':
      return sql`closing_date asc, proposal_id`
  }
}

interface QueryRow extends Record<string, unknown> {
  total: number
  ids: string[]
  facets: [FacetName, string, number][]
}

async function runQuery(db: Db, query: SearchQuery): Promise<SearchResult> {
  const tokens = queryWords(query.text)
  const tsquery = tokens.length > 0 ? await textQuery(db, tokens) : undefined
  const vector = sql.raw(query.scope === 'public' ? 'public_tsv' : 'full_tsv')
  const filtered = facetFilters(query.filters, query.scope)
  const filteredFacets = Object.keys(filtered) as FacetName[]
  const counted = facetNames.filter((facet) => query.scope === 'verified' || !verifiedOnlyFacets.includes(facet))
  const perPage = Math.min(Math.max(Math.trunc(query.perPage) || 1, 1), MAX_PER_PAGE)
  const offset = (Math.max(Math.trunc(query.page) || 1, 1) - 1) * perPage
  const order = orderFor(query.sort, tsquery !== undefined)

  /** Rows failing at most one facet filter: enough for every facet's disjunctive counts. */
  const atMostOneFailing =
    filteredFacets.length === 0
      ? []
      : [
          sql`(${sql.join(
            filteredFacets.map((facet) => sql`(not ${filtered[facet]!})::int`),
            sql` + `,
          )}) <= 1`,
        ]
  const exceptOwn = (facet: FacetName) => allOf(filteredFacets.filter((other) => other !== facet).map(flagOf))

  const facetRows = [
    ...counted
      .filter((facet): facet is keyof typeof facetValue => facet !== 'therapeuticArea')
      .map((facet) => sql`select ${facet}::text, ${facetValue[facet]}, ${exceptOwn(facet)}`),
    ...(counted.includes('therapeuticArea')
      ? [sql`select 'therapeuticArea'::text, area, ${exceptOwn('therapeuticArea')} from unnest(therapeutic_areas) as area`]
      : []),
  ]

  const [row] = await db.execute<QueryRow>(sql`
    with ${tsquery ? sql`query as (select ${tsquery} as q),` : sql``}
    hits as materialized (
      select proposal_id, published_at, amount_sought_eur, closing_date, subsector, stage, region, instrument,
        development_phase, trl, therapeutic_areas,
        ${tsquery ? sql`ts_rank_cd(${vector}, (select q from query))` : sql`0`} as rank
        ${sql.join(
          filteredFacets.map((facet) => sql`, ${filtered[facet]!} as ${flagOf(facet)}`),
          sql``,
        )}
      from search_documents
      where ${allOf([...(tsquery ? [sql`${vector} @@ (select q from query)`] : []), ...otherFilters(query.filters, query.today), ...atMostOneFailing])}
    ),
    matches as (select * from hits where ${allOf(filteredFacets.map(flagOf))})
    select
      (select count(*)::int from matches) as total,
      (select coalesce(json_agg(proposal_id order by ${order}), '[]'::json)
        from (select proposal_id, rank, published_at, amount_sought_eur, closing_date from matches
              order by ${order} limit ${perPage}::int offset ${offset}::int) as page) as ids,
      (select coalesce(json_agg(json_build_array(facet, value, count)), '[]'::json)
        from (
          select facet, value, count(*)::int as count
          from hits cross join lateral (${sql.join(facetRows, sql` union all `)}) as counted(facet, value, counts)
          where counts and value is not null
          group by facet, value
        ) as facet_counts) as facets`)
  return { ids: row!.ids, total: row!.total, facets: facetCounts(row!.facets) }
}

function facetCounts(rows: [FacetName, string, number][]): FacetCounts {
  const counts = Object.fromEntries(facetNames.map((facet) => [facet, {}])) as FacetCounts
  for (const [facet, value, count] of rows) counts[facet][value] = count
  return counts
}
