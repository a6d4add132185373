/**
 * The Postgres search engine's filter columns in memory: per indexed document its facet values
 * as small codes (therapeutic areas as a bit mask), TRL, amount, closing day, publication time
 * and id, in typed arrays (about 50 bytes a document). PostgreSQL only matches the text; the
 * filters, the disjunctive facet counts, the sorts and the paging are loops over these arrays,
 * which take a few milliseconds where a scan of search_documents took tens.
 *
 * Kept current from the database, not from the process's own writes, since other processes
 * (web server, worker) write too (`sync`): the rows written since the last look (their
 * `written_xid` not older than that look's snapshot horizon), and the removals since
 * (`search_removals`, a rebuild's meaning all of them). A count of the rows checks the result;
 * a mismatch (a removal already pruned, say) reloads everything.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import type { FacetCounts, FacetName, SearchFilters, SearchScope, SearchSort } from './types'

/** Code of no value (a null region). */
const NO_CODE = 0xffff
const DEFAULT_CAPACITY = 1024

/** Text values as small codes, in the order first seen. */
class Dictionary {
  readonly values: string[] = []
  private readonly codes = new Map<string, number>()

  constructor(private readonly limit = NO_CODE) {}

  code(value: string | null): number {
    if (value === null) return NO_CODE
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      if (code >= this.limit) throw new Error(`search columns: more than ${this.limit} distinct values`)
      this.values.push(value)
      this.codes.set(value, code)
    }
    return code
  }

  find(value: string): number | undefined {
    return this.codes.get(value)
  }
}

/** Facets whose values are codes of one text column. */
const codedFacets = ['subsector', 'stage', 'region', 'instrument', 'developmentPhase'] as const
type CodedFacet = (typeof codedFacets)[number]

/**
 * A document's columns as the database sends them (`rowJson`): number, id, subsector, stage,
 * region, instrument, development phase, therapeutic areas, TRL, amount, closing day, published at.
 */
type ColumnRow = [number, string, string, string, string | null, string, string, string[], number, number, number, number]

const rowJson = sql`json_build_array(document_number, proposal_id, subsector, stage, region, instrument, development_phase,
  therapeutic_areas, trl, amount_sought_eur, closing_date - date '1970-01-01', extract(epoch from published_at)::bigint)`

function growTo<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(array: T, length: number): T {
  const grown = new (array.constructor as new (length: number) => T)(length)
  grown.set(array)
  return grown
}

/** The documents' columns, one slot per document; a removed document's slot is reused. */
class Columns {
  private readonly slotByNumber = new Map<number, number>()
  private readonly freeSlots: number[] = []
  /** Slots handed out so far (live or free). */
  used = 0
  live = new Uint8Array(DEFAULT_CAPACITY)
  /** The id's 128 bits as four words, most significant first: they compare as the text does. */
  idWords = new Uint32Array(DEFAULT_CAPACITY * 4)
  readonly codes = Object.fromEntries(codedFacets.map((facet) => [facet, new Uint16Array(DEFAULT_CAPACITY)])) as Record<CodedFacet, Uint16Array>
  readonly dictionaries = Object.fromEntries(codedFacets.map((facet) => [facet, new Dictionary()])) as Record<CodedFacet, Dictionary>
  areas = new Uint32Array(DEFAULT_CAPACITY)
  readonly areaBits = new Dictionary(32)
  trl = new Uint8Array(DEFAULT_CAPACITY)
  amount = new Float64Array(DEFAULT_CAPACITY)
  closingDay = new Int32Array(DEFAULT_CAPACITY)
  publishedAt = new Float64Array(DEFAULT_CAPACITY)

  get size(): number {
    return this.slotByNumber.size
  }

  slotOf(documentNumber: number): number | undefined {
    return this.slotByNumber.get(documentNumber)
  }

  upsert([documentNumber, id, subsector, stage, region, instrument, developmentPhase, areas, trl, amount, closingDay, publishedAt]: ColumnRow): void {
    let slot = this.slotByNumber.get(documentNumber)
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.used++
      if (slot >= this.live.length) this.grow(this.live.length * 2)
      this.slotByNumber.set(documentNumber, slot)
    }
    this.live[slot] = 1
    const hex = id.replaceAll('-', '')
    for (let word = 0; word < 4; word++) this.idWords[slot * 4 + word] = Number.parseInt(hex.slice(word * 8, word * 8 + 8), 16)
    const values: Record<CodedFacet, string | null> = { subsector, stage, region, instrument, developmentPhase }
    for (const facet of codedFacets) this.codes[facet][slot] = this.dictionaries[facet].code(values[facet])
    let mask = 0
    for (const area of areas) mask |= 1 << this.areaBits.code(area)
    this.areas[slot] = mask
    this.trl[slot] = trl
    this.amount[slot] = amount
    this.closingDay[slot] = closingDay
    this.publishedAt[slot] = publishedAt
  }

  remove(documentNumber: number): void {
    const slot = this.slotByNumber.get(documentNumber)
    if (slot === undefined) return
    this.slotByNumber.delete(documentNumber)
    this.live[slot] = 0
    this.freeSlots.push(slot)
  }

  idOf(slot: number): string {
    const hex = Array.from(this.idWords.subarray(slot * 4, slot * 4 + 4), (word) => word.toString(16).padStart(8, '0')).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }

  private grow(capacity: number): void {
    this.live = growTo(this.live, capacity)
    this.idWords = growTo(this.idWords, capacity * 4)
    for (const facet of codedFacets) this.codes[facet] = growTo(this.codes[facet], capacity)
    this.areas = growTo(this.areas, capacity)
    this.trl = growTo(this.trl, capacity)
    this.amount = growTo(this.amount, capacity)
    this.closingDay = growTo(this.closingDay, capacity)
    this.publishedAt = growTo(this.publishedAt, capacity)
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluating a query

/** What a query asks of the columns. */
export interface ColumnQuery {
  scope: SearchScope
  filters: SearchFilters
  today: number
  /** The document numbers matching the text, or undefined for no text (every document). */
  matching?: readonly number[]
}

/** The hits (slots passing every filter, unordered), their total and the disjunctive facet counts. */
export interface Evaluation {
  hits: Int32Array
  total: number
  facets: FacetCounts
}

type SlotTest = (slot: number) => boolean

/** An inclusive range test; undefined when neither end is given. */
function within(column: ArrayLike<number>, min: number | undefined, max: number | undefined): SlotTest | undefined {
  if (min === undefined && max === undefined) return undefined
  const low = min === undefined ? -Infinity : Math.trunc(min)
  const high = max === undefined ? Infinity : Math.trunc(max)
  return (slot) => column[slot]! >= low && column[slot]! <= high
}

/** A facet's counting: adds a hit's values to its counters, and turns them into counts by value. */
interface FacetCounter {
  facet: FacetName
  add(slot: number): void
  counts(): Record<string, number>
}

function countsOf(counters: Int32Array, valueOf: (code: number) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  counters.forEach((count, code) => {
    if (count > 0) counts[valueOf(code)] = count
  })
  return counts
}

/** Days are whole: a fractional "today" means that day. */
const wholeDay = (day: number) => Math.floor(day)

// ---------------------------------------------------------------------------------------------
// The engine's copy, kept current

/** How long the copy is trusted without a version change (a writer may die between commit and bump). */
const MAX_AGE_MS = 60_000

/** The rows and removals seen by one look at the database. */
interface Changes {
  horizon: string
  total: number
  cleared: boolean
  removed: number[]
  rows: ColumnRow[]
}

/**
 * The engine's columns, and how they are kept current: `current(version)` brings them up to at
 * least that index version (`search_index_version`, read before) unless they are already there.
 */
export class SearchColumns {
  private columns = new Columns()
  /** The snapshot horizon of the last look: every transaction below it was seen (or aborted). */
  private horizon: string | undefined
  private version = -1
  private lookedAt = 0
  private looking: Promise<void> | undefined

  constructor(private readonly db: Db) {}

  get size(): number {
    return this.columns.size
  }

  async current(version: number): Promise<void> {
    while (this.version < version || Date.now() - this.lookedAt > MAX_AGE_MS) {
      this.looking ??= this.look(version).finally(() => (this.looking = undefined))
      await this.looking
    }
  }

  private async look(version: number): Promise<void> {
    const startedAt = Date.now()
    if (this.horizon === undefined) {
      await this.reload()
    } else {
      const changes = await this.changesSince(this.horizon)
      if (changes.cleared) {
        await this.reload()
      } else {
        for (const documentNumber of changes.removed) this.columns.remove(documentNumber)
        for (const row of changes.rows) this.columns.upsert(row)
        this.horizon = changes.horizon
        if (this.columns.size !== changes.total) await this.reload()
      }
    }
    this.version = Math.max(this.version, version)
    this.lookedAt = startedAt
  }

  private async reload(): Promise<void> {
    const [row] = await this.db.execute<{ horizon: string; rows: ColumnRow[] }>(sql`
      select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, coalesce(json_agg(${rowJson}), '[]') as rows
      from search_documents`)
    const columns = new Columns()
    for (const document of row!.rows) columns.upsert(document)
    this.columns = columns
    this.horizon = row!.horizon
  }

  /** One statement, so one snapshot: its horizon, the rows and removals not seen before it, the count. */
  private async changesSince(horizon: string): Promise<Changes> {
    const [row] = await this.db.execute<Changes & Record<string, unknown>>(sql`
      select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
        (select count(*) from search_documents)::int as total,
        exists (select from search_removals where document_number is null and removed_xid >= ${horizon}::xid8) as cleared,
        (select coalesce(json_agg(document_number), '[]') from search_removals
         where document_number is not null and removed_xid >= ${horizon}::xid8) as removed,
        (select coalesce(json_agg(${rowJson}), '[]') from search_documents where written_xid >= ${horizon}::xid8) as rows`)
    return row!
  }

  /**
   * The hits of a query and its facet counts, in one pass over the candidates: a candidate
   * failing no facet filter is a hit and counts in every facet; one failing exactly one facet
   * filter counts only in that facet (disjunctive facets).
   */
  evaluate(query: ColumnQuery): Evaluation {
    const columns = this.columns
    const { filters, scope } = query
    const always: SlotTest[] = []
    const amount = within(columns.amount, filters.amountMinEur, filters.amountMaxEur)
    if (amount) always.push(amount)
    if (filters.closingWithinDays !== undefined) {
      always.push(within(columns.closingDay, wholeDay(query.today), wholeDay(query.today) + Math.trunc(filters.closingWithinDays))!)
    }

    const facetTests: { facet: FacetName; test: SlotTest }[] = []
    for (const facet of codedFacets) {
      const values = filters[facet]
      if (!values || values.length === 0) continue
      const allowed = new Uint8Array(NO_CODE + 1)
      for (const value of values) {
        const code = columns.dictionaries[facet].find(value)
        if (code !== undefined) allowed[code] = 1
      }
      const codes = columns.codes[facet]
      facetTests.push({ facet, test: (slot) => allowed[codes[slot]!] === 1 })
    }
    // The public tier cannot filter on what it cannot see.
    if (scope === 'verified' && filters.therapeuticArea && filters.therapeuticArea.length > 0) {
      let mask = 0
      for (const area of filters.therapeuticArea) {
        const bit = columns.areaBits.find(area)
        if (bit !== undefined) mask |= 1 << bit
      }
      const areas = columns.areas
      facetTests.push({ facet: 'therapeuticArea', test: (slot) => (areas[slot]! & mask) !== 0 })
    }
    const trl = within(columns.trl, filters.trlMin, filters.trlMax)
    if (trl) facetTests.push({ facet: 'trl', test: trl })

    const counters = this.facetCounters(scope)
    const countersOf = new Map<FacetName, FacetCounter>(counters.map((counter) => [counter.facet, counter]))
    const hits = new Int32Array(query.matching ? query.matching.length : columns.used)
    let total = 0
    const visit = (slot: number) => {
      for (const test of always) if (!test(slot)) return
      let failed: FacetName | undefined
      for (const { facet, test } of facetTests) {
        if (test(slot)) continue
        if (failed !== undefined) return
        failed = facet
      }
      if (failed === undefined) {
        hits[total++] = slot
        for (const counter of counters) counter.add(slot)
      } else {
        countersOf.get(failed)?.add(slot)
      }
    }
    if (query.matching) {
      for (const documentNumber of query.matching) {
        const slot = columns.slotOf(documentNumber)
        // A document written after this copy was brought up to date: the next version has it.
        if (slot !== undefined) visit(slot)
      }
    } else {
      for (let slot = 0; slot < columns.used; slot++) if (columns.live[slot] === 1) visit(slot)
    }
    const facets = { subsector: {}, stage: {}, region: {}, instrument: {}, developmentPhase: {}, therapeuticArea: {}, trl: {} } as FacetCounts
    for (const counter of counters) facets[counter.facet] = counter.counts()
    return { hits: hits.subarray(0, total), total, facets }
  }

  private facetCounters(scope: SearchScope): FacetCounter[] {
    const columns = this.columns
    const counters: FacetCounter[] = codedFacets.map((facet) => {
      const counts = new Int32Array(columns.dictionaries[facet].values.length + 1)
      const codes = columns.codes[facet]
      const values = columns.dictionaries[facet].values
      return {
        facet,
        add: (slot) => {
          const code = codes[slot]!
          if (code !== NO_CODE) counts[code]!++
        },
        counts: () => countsOf(counts, (code) => values[code]!),
      }
    })
    const trlCounts = new Int32Array(256)
    counters.push({ facet: 'trl', add: (slot) => void trlCounts[columns.trl[slot]!]!++, counts: () => countsOf(trlCounts, String) })
    if (scope === 'verified') {
      const areaCounts = new Int32Array(32)
      counters.push({
        facet: 'therapeuticArea',
        add: (slot) => {
          for (let mask = columns.areas[slot]!; mask !== 0; mask &= mask - 1) areaCounts[31 - Math.clz32(mask & -mask)]!++
        },
        counts: () => countsOf(areaCounts, (bit) => columns.areaBits.values[bit]!),
      })
    }
    return counters
  }

  /**
   * The first `count` hits in the order of a sort, ties by id, as ids. `titled`, for relevance
   * with text: the document numbers whose title matches, first (then newest first). Relevance
   * without text is newest first.
   */
  ordered(hits: Int32Array, sort: SearchSort, count: number, titled?: readonly number[]): { id: string; inTitle: boolean }[] {
    const columns = this.columns
    const { idWords, publishedAt, amount, closingDay } = columns
    const byId = (a: number, b: number) => {
      for (let word = 0; word < 4; word++) {
        const difference = idWords[a * 4 + word]! - idWords[b * 4 + word]!
        if (difference !== 0) return difference
      }
      return 0
    }
    const newest = (a: number, b: number) => publishedAt[b]! - publishedAt[a]! || byId(a, b)
    const inTitle = new Uint8Array(sort === 'relevance' && titled ? columns.used : 0)
    for (const documentNumber of sort === 'relevance' ? (titled ?? []) : []) {
      const slot = columns.slotOf(documentNumber)
      if (slot !== undefined) inTitle[slot] = 1
    }
    const compare: Record<SearchSort, (a: number, b: number) => number> = {
      amount_asc: (a, b) => amount[a]! - amount[b]! || byId(a, b),
      amount_desc: (a, b) => amount[b]! - amount[a]! || byId(a, b),
      closing: (a, b) => closingDay[a]! - closingDay[b]! || byId(a, b),
      newest,
      relevance: titled ? (a, b) => inTitle[b]! - inTitle[a]! || newest(a, b) : newest,
    }
    return firstOf(hits, Math.min(count, hits.length), compare[sort]).map((slot) => ({ id: columns.idOf(slot), inTitle: inTitle[slot] === 1 }))
  }
}

/**
 * The `count` smallest items in order: a bounded heap (the largest kept at its root) when few
 * are wanted from many, a full sort otherwise.
 */
function firstOf(items: Int32Array, count: number, compare: (a: number, b: number) => number): number[] {
  if (count === 0) return []
  if (count * 8 >= items.length) return Array.from(items).sort(compare).slice(0, count)
  const heap: number[] = []
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = at * 2 + 1
      if (left >= heap.length) return
      const right = left + 1
      const larger = right < heap.length && compare(heap[right]!, heap[left]!) > 0 ? right : left
      if (compare(heap[larger]!, heap[at]!) <= 0) return
      ;[heap[at], heap[larger]] = [heap[larger]!, heap[at]!]
      at = larger
    }
  }
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item)
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1
        if (compare(heap[at]!, heap[parent]!) <= 0) break
        ;[heap[at], heap[parent]] = [heap[parent]!, heap[at]!]
        at = parent
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item
      siftDown(0)
    }
  }
  return heap.sort(compare)
}
