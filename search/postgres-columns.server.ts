/**
 * The Postgres search engine's filter columns in memory, with its vocabulary (the indexed words,
 * search/postgres-vocabulary.ts): per indexed document its facet values
 * as small codes (therapeutic areas as a bit mask), TRL, amount, closing day, publication time
 * and id, in typed arrays (about 50 bytes a document). PostgreSQL only matches the text; the
 * filters, the disjunctive facet counts, the sorts and the paging are loops over these arrays,
 * which take a few milliseconds where a scan of search_documents took tens.
 *
 * Kept current from the database, not from the process's own writes, since other processes
 * (web server, worker) write too (`current`): the rows and words written since the last look
 * (their `written_xid` not older than that look's snapshot horizon), and the removals since
 * (`search_removals`, a rebuild's meaning all of them). A count of the rows checks the result;
 * a mismatch (a removal already pruned, say) reloads everything.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { orderedRange } from './ordering'
import { Vocabulary } from './postgres-vocabulary'
import type { FacetCounts, FacetName, SearchFilters, SearchScope, SearchSort } from './types'

const DEFAULT_CAPACITY = 1024

/** Text values as small codes, in the order first seen; code 0 is no value (a null region). */
class Dictionary {
  readonly values: (string | null)[] = [null]
  private readonly codes = new Map<string, number>()

  constructor(private readonly limit = 0xffff) {}

  code(value: string | null): number {
    if (value === null) return 0
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      if (code > this.limit) throw new Error(`search columns: more than ${this.limit} distinct values`)
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
const facetOrder: readonly FacetName[] = [...codedFacets, 'therapeuticArea', 'trl']

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
  /** Slot + 1 by document number − `numberBase` (0: none). Numbers come from a sequence: dense. */
  private slotByNumber = new Int32Array(DEFAULT_CAPACITY)
  private numberBase = -1
  private live_ = 0
  private readonly freeSlots: number[] = []
  /** Slots handed out so far (live or free). */
  used = 0
  live = new Uint8Array(DEFAULT_CAPACITY)
  /** The id's 128 bits as four words, most significant first: they compare as the text does. */
  idWords = new Uint32Array(DEFAULT_CAPACITY * 4)
  readonly codes = Object.fromEntries(codedFacets.map((facet) => [facet, new Uint16Array(DEFAULT_CAPACITY)])) as Record<CodedFacet, Uint16Array>
  readonly dictionaries = Object.fromEntries(codedFacets.map((facet) => [facet, new Dictionary()])) as Record<CodedFacet, Dictionary>
  areas = new Uint32Array(DEFAULT_CAPACITY)
  /** Therapeutic areas by bit (plus one: code 0 is unused). */
  readonly areaBits = new Dictionary(32)
  trl = new Uint8Array(DEFAULT_CAPACITY)
  amount = new Float64Array(DEFAULT_CAPACITY)
  closingDay = new Int32Array(DEFAULT_CAPACITY)
  publishedAt = new Float64Array(DEFAULT_CAPACITY)

  private liveList: Int32Array | undefined

  get size(): number {
    return this.live_
  }

  /** Every live slot, in slot order. */
  liveSlots(): Int32Array {
    if (!this.liveList) {
      const list = new Int32Array(this.size)
      let count = 0
      for (let slot = 0; slot < this.used; slot++) if (this.live[slot] === 1) list[count++] = slot
      this.liveList = list
    }
    return this.liveList
  }

  /** The slot of a document, or -1. */
  slotOf(documentNumber: number): number {
    const index = documentNumber - this.numberBase
    return index >= 0 && index < this.slotByNumber.length ? this.slotByNumber[index]! - 1 : -1
  }

  upsert([documentNumber, id, subsector, stage, region, instrument, developmentPhase, areas, trl, amount, closingDay, publishedAt]: ColumnRow): void {
    let slot = this.slotOf(documentNumber)
    if (slot === -1) {
      slot = this.freeSlots.pop() ?? this.used++
      if (slot >= this.live.length) this.grow(this.live.length * 2)
      this.setSlot(documentNumber, slot + 1)
      this.live_++
      this.liveList = undefined
    }
    this.live[slot] = 1
    const hex = id.replaceAll('-', '')
    for (let word = 0; word < 4; word++) this.idWords[slot * 4 + word] = Number.parseInt(hex.slice(word * 8, word * 8 + 8), 16)
    const values: Record<CodedFacet, string | null> = { subsector, stage, region, instrument, developmentPhase }
    for (const facet of codedFacets) this.codes[facet][slot] = this.dictionaries[facet].code(values[facet])
    let mask = 0
    for (const area of areas) mask |= 1 << (this.areaBits.code(area) - 1)
    this.areas[slot] = mask
    this.trl[slot] = trl
    this.amount[slot] = amount
    this.closingDay[slot] = closingDay
    this.publishedAt[slot] = publishedAt
  }

  remove(documentNumber: number): void {
    const slot = this.slotOf(documentNumber)
    if (slot === -1) return
    this.setSlot(documentNumber, 0)
    this.live_--
    this.live[slot] = 0
    this.freeSlots.push(slot)
    this.liveList = undefined
  }

  /** Prepares for documents numbered from `lowest` (a full load: no shifting as they come). */
  numbersFrom(lowest: number, count: number): void {
    this.numberBase = lowest
    this.slotByNumber = new Int32Array(count)
  }

  private setSlot(documentNumber: number, value: number): void {
    if (this.numberBase === -1) this.numberBase = documentNumber
    if (documentNumber < this.numberBase) {
      // Lower than any seen (rows arrive in any order): shift the table up.
      const shifted = new Int32Array(this.slotByNumber.length + (this.numberBase - documentNumber))
      shifted.set(this.slotByNumber, this.numberBase - documentNumber)
      this.slotByNumber = shifted
      this.numberBase = documentNumber
    }
    const index = documentNumber - this.numberBase
    if (index >= this.slotByNumber.length) this.slotByNumber = growTo(this.slotByNumber, Math.max(index + 1, this.slotByNumber.length * 2))
    this.slotByNumber[index] = value
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
  matching?: ArrayLike<number>
}

/** A hit in a sort's order: its id, and whether its title matched the text. */
export interface OrderedHit {
  id: string
  inTitle: boolean
}

/** The hits (slots passing every filter, unordered), their total and the disjunctive facet counts. */
export interface Evaluation {
  hits: Int32Array
  total: number
  facets: FacetCounts
}

/** An inclusive range of a filter; undefined when neither end is given. */
function rangeOf(min: number | undefined, max: number | undefined): [number, number] | undefined {
  if (min === undefined && max === undefined) return undefined
  return [min === undefined ? -Infinity : Math.trunc(min), max === undefined ? Infinity : Math.trunc(max)]
}

/** Days are whole: a fractional "today" means that day. */
const wholeDay = (day: number) => Math.floor(day)

/** Counts by value (those above zero), from counters by code. */
function countsOf(counters: Int32Array, valueOf: (code: number) => string | null): Record<string, number> {
  const counts: Record<string, number> = {}
  counters.forEach((count, code) => {
    const value = valueOf(code)
    if (count > 0 && value !== null) counts[value] = count
  })
  return counts
}

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
  terms: string[]
}

/**
 * The engine's columns, and how they are kept current: `current(version)` brings them up to at
 * least that index version (`search_index_version`, read before) unless they are already there.
 */
export class SearchColumns {
  private columns = new Columns()
  /** The indexed words (search_terms), for typo tolerance. */
  vocabulary = new Vocabulary()
  /** The snapshot horizon of the last look: every transaction below it was seen (or aborted). */
  private horizon: string | undefined
  private version = -1
  private lookedAt = 0
  private looking: Promise<void> | undefined

  constructor(private readonly db: Db) {}

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
        for (const term of changes.terms) this.vocabulary.add(term)
        this.horizon = changes.horizon
        if (this.columns.size !== changes.total) await this.reload()
      }
    }
    this.version = Math.max(this.version, version)
    this.lookedAt = startedAt
  }

  private async reload(): Promise<void> {
    const [row] = await this.db.execute<{ horizon: string; rows: ColumnRow[]; terms: string[] }>(sql`
      select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
        (select coalesce(json_agg(${rowJson}), '[]') from search_documents) as rows,
        (select coalesce(json_agg(term), '[]') from search_terms) as terms`)
    const columns = new Columns()
    let lowest = Infinity
    for (const document of row!.rows) lowest = Math.min(lowest, document[0])
    if (lowest !== Infinity) columns.numbersFrom(lowest, row!.rows.length)
    for (const document of row!.rows) columns.upsert(document)
    const vocabulary = new Vocabulary()
    for (const term of row!.terms) vocabulary.add(term)
    vocabulary.compact()
    this.columns = columns
    this.vocabulary = vocabulary
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
        (select coalesce(json_agg(${rowJson}), '[]') from search_documents where written_xid >= ${horizon}::xid8) as rows,
        (select coalesce(json_agg(term), '[]') from search_terms where written_xid >= ${horizon}::xid8) as terms`)
    return row!
  }

  /**
   * The hits of a query and its facet counts, column by column over the candidates: each
   * filter marks the candidates it fails (and which facet failed them); a candidate failing no
   * facet filter is a hit and counts in every facet, one failing exactly one facet filter counts
   * only in that facet (disjunctive facets).
   */
  evaluate(query: ColumnQuery): Evaluation {
    const columns = this.columns
    const { filters, scope } = query
    let candidates: Int32Array
    if (query.matching) {
      candidates = this.scratch(query.matching.length).candidates
      let count = 0
      for (let at = 0; at < query.matching.length; at++) {
        const slot = columns.slotOf(query.matching[at]!)
        // A document written after this copy was brought up to date: the next version has it.
        if (slot !== -1) candidates[count++] = slot
      }
      candidates = candidates.subarray(0, count)
    } else {
      candidates = columns.liveSlots()
    }
    const size = candidates.length
    // Per candidate: how many filters it fails (2 for a filter that is not a facet: out), and
    // the facet that failed it. Scratch space: this method runs to its end without a pause.
    const { failures, failedFacet } = this.scratch(size)
    failures.fill(0, 0, size)

    const amount = rangeOf(filters.amountMinEur, filters.amountMaxEur)
    if (amount) {
      const [low, high] = amount
      const values = columns.amount
      for (let at = 0; at < size; at++) {
        const value = values[candidates[at]!]!
        if (value < low || value > high) failures[at] = 2
      }
    }
    if (filters.closingWithinDays !== undefined) {
      const low = wholeDay(query.today)
      const high = low + Math.trunc(filters.closingWithinDays)
      const values = columns.closingDay
      for (let at = 0; at < size; at++) {
        const value = values[candidates[at]!]!
        if (value < low || value > high) failures[at] = 2
      }
    }

    const facets = facetOrder.filter((facet) => scope === 'verified' || facet !== 'therapeuticArea')
    for (let index = 0; index < facets.length; index++) {
      const passes = this.facetTest(facets[index]!, filters)
      if (!passes) continue
      const { column, allowed, mask } = passes
      if (mask !== undefined) {
        const areas = columns.areas
        for (let at = 0; at < size; at++) {
          if ((areas[candidates[at]!]! & mask) === 0) {
            failures[at]!++
            failedFacet[at] = index
          }
        }
      } else {
        for (let at = 0; at < size; at++) {
          if (allowed![column![candidates[at]!]!] === 0) {
            failures[at]!++
            failedFacet[at] = index
          }
        }
      }
    }

    const hits = new Int32Array(size)
    let total = 0
    for (let at = 0; at < size; at++) if (failures[at] === 0) hits[total++] = candidates[at]!
    const counts = { subsector: {}, stage: {}, region: {}, instrument: {}, developmentPhase: {}, therapeuticArea: {}, trl: {} } as FacetCounts
    for (let index = 0; index < facets.length; index++) {
      const facet = facets[index]!
      if (facet === 'therapeuticArea') {
        const counters = new Int32Array(33)
        const areas = columns.areas
        for (let at = 0; at < size; at++) {
          const failed = failures[at]!
          if (failed !== 0 && (failed !== 1 || failedFacet[at] !== index)) continue
          for (let mask = areas[candidates[at]!]!; mask !== 0; mask &= mask - 1) counters[32 - Math.clz32(mask & -mask)]!++
        }
        counts.therapeuticArea = countsOf(counters, (code) => columns.areaBits.values[code] ?? null)
        continue
      }
      const column = facet === 'trl' ? columns.trl : columns.codes[facet]
      const counters = new Int32Array(facet === 'trl' ? 256 : columns.dictionaries[facet].values.length)
      for (let at = 0; at < size; at++) {
        const failed = failures[at]!
        if (failed === 0 || (failed === 1 && failedFacet[at] === index)) counters[column[candidates[at]!]!]!++
      }
      counts[facet] = facet === 'trl' ? countsOf(counters, String) : countsOf(counters, (code) => columns.dictionaries[facet].values[code] ?? null)
    }
    return { hits: hits.subarray(0, total), total, facets: counts }
  }

  /**
   * A facet filter as a lookup: a column of codes (or TRLs) and the codes it allows, or the
   * bit mask of therapeutic areas; undefined when the facet is not filtered.
   */
  private facetTest(
    facet: FacetName,
    filters: SearchFilters,
  ): { column?: Uint8Array | Uint16Array; allowed?: Uint8Array; mask?: number } | undefined {
    const columns = this.columns
    if (facet === 'trl') {
      const range = rangeOf(filters.trlMin, filters.trlMax)
      if (!range) return undefined
      const allowed = new Uint8Array(256)
      for (let trl = 0; trl < 256; trl++) allowed[trl] = trl >= range[0] && trl <= range[1] ? 1 : 0
      return { column: columns.trl, allowed }
    }
    if (facet === 'therapeuticArea') {
      if (!filters.therapeuticArea || filters.therapeuticArea.length === 0) return undefined
      let mask = 0
      for (const area of filters.therapeuticArea) {
        const code = columns.areaBits.find(area)
        if (code !== undefined) mask |= 1 << (code - 1)
      }
      return { mask }
    }
    const values = filters[facet]
    if (!values || values.length === 0) return undefined
    const allowed = new Uint8Array(columns.dictionaries[facet].values.length)
    for (const value of values) {
      const code = columns.dictionaries[facet].find(value)
      if (code !== undefined) allowed[code] = 1
    }
    return { column: columns.codes[facet], allowed }
  }

  private buffers = { candidates: new Int32Array(0), failures: new Uint8Array(0), failedFacet: new Uint8Array(0) }

  /** Working space for `evaluate`, grown as needed and reused. */
  private scratch(size: number): typeof this.buffers {
    if (this.buffers.candidates.length < size) {
      const length = Math.max(size, this.buffers.candidates.length * 2)
      this.buffers = { candidates: new Int32Array(length), failures: new Uint8Array(length), failedFacet: new Uint8Array(length) }
    }
    return this.buffers
  }

  /**
   * The hits at positions `from` to `to` (exclusive) in the order of a sort, ties by id, as ids.
   * `titled`, for relevance with text: the document numbers whose title matches, first (then
   * newest first). Relevance without text is newest first.
   */
  ordered(hits: Int32Array, sort: SearchSort, from: number, to: number, titled?: ArrayLike<number>): OrderedHit[] {
    const columns = this.columns
    const { idWords, publishedAt, amount, closingDay } = columns
    const byId = (a: number, b: number) => {
      for (let word = 0; word < 4; word++) {
        const difference = idWords[a * 4 + word]! - idWords[b * 4 + word]!
        if (difference !== 0) return difference
      }
      return 0
    }
    const inTitle = new Uint8Array(sort === 'relevance' && titled ? columns.used : 0)
    if (sort === 'relevance' && titled) {
      for (let at = 0; at < titled.length; at++) {
        const slot = columns.slotOf(titled[at]!)
        if (slot !== -1) inTitle[slot] = 1
      }
    }
    // Publication times are whole seconds (far below 2^50): title matches are a step of 2^50 ahead, exactly.
    const keys: Record<SearchSort, (slot: number) => number> = {
      amount_asc: (slot) => amount[slot]!,
      amount_desc: (slot) => -amount[slot]!,
      closing: (slot) => closingDay[slot]!,
      newest: (slot) => -publishedAt[slot]!,
      relevance: titled ? (slot) => -publishedAt[slot]! - inTitle[slot]! * 2 ** 50 : (slot) => -publishedAt[slot]!,
    }
    return orderedRange(hits, from, to, { key: keys[sort], tie: byId }).map((slot) => ({ id: columns.idOf(slot), inTitle: inTitle[slot] === 1 }))
  }
}
