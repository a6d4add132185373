/**
 * The catalogue's search, as a URL: one reading of the query string shared by the search page
 * (/proposals) and the JSON API (GET /api/v1/proposals), and the way back to a URL for links.
 *
 * - `strict` (the API): anything it cannot read is an error naming the parameter, so a client's
 *   typo is not silently ignored.
 * - `lenient` (the page): links are shared, bookmarked and edited by hand; what cannot be read
 *   is dropped and the rest still searches.
 *
 * Multi-valued filters take repeated parameters (`stage=seed&stage=series_a`, what a form
 * sends) or commas (`stage=seed,series_a`).
 */
import { isNutsCode } from '~/modules/organisations/regions'
import { MAX_PER_PAGE, searchSorts, type SearchFilters, type SearchSort } from '../../../search/types'
import { MAX_QUERY_LENGTH } from '../../../search/text'
import { developmentPhases, instruments, stages, subsectors, therapeuticAreas } from './taxonomy'

/** Results per page on the search page (the API takes `perPage`). */
export const SEARCH_PAGE_SIZE = 20
/** Pages past this are refused: nobody pages that far, and engines cap how deep they go. */
export const MAX_PAGE = 1000
/** The "closing within" choices the page offers (the API takes any number of days up to a year). */
export const closingWithinChoices = [7, 30, 90] as const
const MAX_CLOSING_WITHIN_DAYS = 366
const MAX_AMOUNT_EUR = 1_000_000_000

export interface CatalogueSearch {
  q: string
  filters: SearchFilters
  /** As asked; `relevance` without words means newest (see effectiveSort). */
  sort: SearchSort | null
  page: number
  perPage: number
}

export interface SearchParamError {
  param: string
  message: string
}

export type ParsedSearch = { ok: true; search: CatalogueSearch } | { ok: false; error: SearchParamError }

const listParams = {
  subsector: subsectors,
  stage: stages,
  instrument: instruments,
  phase: developmentPhases,
  therapeuticArea: therapeuticAreas,
} as const
type ListParam = keyof typeof listParams

/** URL parameter → filter field, for the filters whose URL name differs. */
const filterOfParam = { subsector: 'subsector', stage: 'stage', instrument: 'instrument', phase: 'developmentPhase', therapeuticArea: 'therapeuticArea' } as const

const integerParams = {
  trlMin: { filter: 'trlMin', min: 1, max: 9 },
  trlMax: { filter: 'trlMax', min: 1, max: 9 },
  amountMin: { filter: 'amountMinEur', min: 0, max: MAX_AMOUNT_EUR },
  amountMax: { filter: 'amountMaxEur', min: 0, max: MAX_AMOUNT_EUR },
  closingWithinDays: { filter: 'closingWithinDays', min: 0, max: MAX_CLOSING_WITHIN_DAYS },
} as const
type IntegerParam = keyof typeof integerParams

export const searchParamNames = ['q', ...Object.keys(listParams), 'region', ...Object.keys(integerParams), 'sort', 'page', 'perPage'] as readonly string[]

function valuesOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '')
}

function integerOf(raw: string): number | null {
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null
}

/** Reads a query string; `mode` decides whether what cannot be read is an error or dropped. */
export function parseCatalogueSearch(params: URLSearchParams, mode: 'strict' | 'lenient'): ParsedSearch {
  const strict = mode === 'strict'
  const fail = (param: string, message: string): ParsedSearch => ({ ok: false, error: { param, message } })
  if (strict) {
    for (const name of params.keys()) {
      if (!searchParamNames.includes(name)) return fail(name, `Unknown parameter "${name}". Known parameters: ${searchParamNames.join(', ')}.`)
    }
    for (const name of ['q', 'sort', 'page', 'perPage', ...Object.keys(integerParams)]) {
      if (params.getAll(name).length > 1) return fail(name, `"${name}" may be given once.`)
    }
  }

  const q = (params.get('q') ?? '').trim()
  if (q.length > MAX_QUERY_LENGTH) {
    if (strict) return fail('q', `"q" is at most ${MAX_QUERY_LENGTH} characters long.`)
  }
  const filters: SearchFilters = {}

  for (const name of Object.keys(listParams) as ListParam[]) {
    const allowed: readonly string[] = listParams[name]
    const values = valuesOf(params, name)
    const unknown = values.find((value) => !allowed.includes(value))
    if (unknown !== undefined && strict) return fail(name, `"${String(unknown).slice(0, 60)}" is not a ${name} code. Codes: ${allowed.join(', ')}.`)
    const kept = [...new Set(values.filter((value) => allowed.includes(value)))]
    if (kept.length) Object.assign(filters, { [filterOfParam[name]]: kept })
  }

  const regions = valuesOf(params, 'region')
  const badRegion = regions.find((value): boolean => !isNutsCode(value))
  if (badRegion !== undefined && strict) return fail('region', `"${badRegion.slice(0, 60)}" is not a NUTS-2 region code (two letters and two characters, such as ES11 or PT11).`)
  const keptRegions = [...new Set(regions.filter(isNutsCode))]
  if (keptRegions.length) filters.region = keptRegions

  for (const name of Object.keys(integerParams) as IntegerParam[]) {
    const raw = params.get(name)?.trim()
    if (raw === undefined || raw === '') continue
    const { filter, min, max } = integerParams[name]
    const value = integerOf(raw)
    if (value === null || value < min || value > max) {
      if (strict) return fail(name, `"${name}" must be a whole number from ${min} to ${max}.`)
      continue
    }
    filters[filter] = value
  }
  for (const [low, high, lowParam] of [
    ['trlMin', 'trlMax', 'trlMin'],
    ['amountMinEur', 'amountMaxEur', 'amountMin'],
  ] as const) {
    const from = filters[low]
    const to = filters[high]
    if (from === undefined || to === undefined || from <= to) continue
    if (strict) return fail(lowParam, `"${lowParam}" is greater than its maximum.`)
    // A range typed backwards on the page: read it the way round that makes sense.
    filters[low] = to
    filters[high] = from
  }

  let sort: SearchSort | null = null
  const rawSort = params.get('sort')
  if (rawSort) {
    if ((searchSorts as readonly string[]).includes(rawSort)) sort = rawSort as SearchSort
    else if (strict) return fail('sort', `"sort" is one of ${searchSorts.join(', ')}.`)
  }

  const pagination = { page: 1, perPage: SEARCH_PAGE_SIZE }
  for (const [name, max] of [
    ['page', MAX_PAGE],
    ['perPage', MAX_PER_PAGE],
  ] as const) {
    const raw = params.get(name)?.trim()
    if (raw === undefined || raw === '') continue
    const value = integerOf(raw)
    if (value === null || value < 1 || value > max) {
      if (strict) return fail(name, `"${name}" must be a whole number from 1 to ${max}.`)
      continue
    }
    if (name === 'page' || strict) pagination[name] = value
  }

  return { ok: true, search: { q: q.slice(0, MAX_QUERY_LENGTH), filters, sort, ...pagination } }
}

/** The sort a search runs with: relevance needs words; without them the newest come first. */
export function effectiveSort(search: Pick<CatalogueSearch, 'q' | 'sort'>): SearchSort {
  if (search.sort && (search.sort !== 'relevance' || search.q)) return search.sort
  return search.q ? 'relevance' : 'newest'
}

/** Whether the search narrows the catalogue at all (words or a filter). */
export function isNarrowed(search: CatalogueSearch): boolean {
  return search.q !== '' || Object.keys(search.filters).length > 0
}

/** The query string of a search (without '?'), parameters in a stable order, defaults left out. */
export function searchQueryString(search: CatalogueSearch, options: { perPage?: boolean } = {}): string {
  const params = new URLSearchParams()
  if (search.q) params.set('q', search.q)
  const f = search.filters
  const lists: [string, readonly string[] | undefined][] = [
    ['subsector', f.subsector],
    ['stage', f.stage],
    ['region', f.region],
    ['instrument', f.instrument],
    ['phase', f.developmentPhase],
    ['therapeuticArea', f.therapeuticArea],
  ]
  for (const [name, values] of lists) for (const value of values ?? []) params.append(name, value)
  const numbers: [string, number | undefined][] = [
    ['trlMin', f.trlMin],
    ['trlMax', f.trlMax],
    ['amountMin', f.amountMinEur],
    ['amountMax', f.amountMaxEur],
    ['closingWithinDays', f.closingWithinDays],
  ]
  for (const [name, value] of numbers) if (value !== undefined) params.set(name, String(value))
  if (search.sort) params.set('sort', search.sort)
  if (search.page > 1) params.set('page', String(search.page))
  if (options.perPage && search.perPage !== SEARCH_PAGE_SIZE) params.set('perPage', String(search.perPage))
  return params.toString()
}

/** The search page's URL for a search. */
export function searchPageUrl(search: CatalogueSearch): string {
  const query = searchQueryString(search)
  return query ? `/proposals?${query}` : '/proposals'
}

/** The same search on another page. */
export function withPage(search: CatalogueSearch, page: number): CatalogueSearch {
  return { ...search, page }
}

/** The same search without one filter (and back on page 1), for "remove this filter" links. */
export function withoutFilter(search: CatalogueSearch, filter: keyof SearchFilters | 'q'): CatalogueSearch {
  if (filter === 'q') return { ...search, q: '', page: 1, sort: search.sort === 'relevance' ? null : search.sort }
  const filters = { ...search.filters }
  delete filters[filter]
  return { ...search, filters, page: 1 }
}

/** Filters that hold a list of codes. */
export type ListFilter = 'subsector' | 'stage' | 'region' | 'instrument' | 'developmentPhase' | 'therapeuticArea'

/** The same search without one value of a list filter (and back on page 1). */
export function withoutValue(search: CatalogueSearch, filter: ListFilter, value: string): CatalogueSearch {
  const rest = (search.filters[filter] as readonly string[] | undefined)?.filter((item) => item !== value) ?? []
  const filters = { ...search.filters, [filter]: rest }
  if (rest.length === 0) delete filters[filter]
  return { ...search, filters, page: 1 }
}

/** The search a form's fields describe (the page's filters, read leniently, back on page 1). */
export function searchFromForm(form: FormData): CatalogueSearch {
  const params = new URLSearchParams()
  for (const [name, value] of form) if (typeof value === 'string' && value.trim() !== '') params.append(name, value)
  params.delete('page')
  return readCatalogueSearch(params)
}

/** The search page's reading of a URL: never fails, what cannot be read is left out. */
export function readCatalogueSearch(params: URLSearchParams): CatalogueSearch {
  const parsed = parseCatalogueSearch(params, 'lenient')
  if (!parsed.ok) throw new Error(`lenient search parsing failed on ${parsed.error.param}`)
  return parsed.search
}
