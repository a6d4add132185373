/**
 * Meilisearch filter expressions for a query's filters. A filter is a string in Meilisearch's
 * own little language, so nothing a user typed may become syntax: every value in it is either
 * an integer computed here or a code from an allow-list (the taxonomy's codes, NUTS-2-shaped
 * region codes), and strings are double-quoted with backslashes and quotes escaped besides.
 * Attribute names come from the index settings, never from a query.
 *
 * The clauses are kept apart per facet so that disjunctive facet counts can drop a facet's own
 * filter (see `filterExpression`).
 */
import { developmentPhases, instruments, stages, subsectors, therapeuticAreas } from '../app/modules/proposals/taxonomy'
import type { filterableAttributes } from './meilisearch-settings'
import type { FacetName, SearchFilters, SearchScope } from './types'

export type FilterAttribute = (typeof filterableAttributes)[number]

/** A string as a filter value: in double quotes, with `\` and `"` escaped by a backslash. */
export function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`
}

/** `attribute IN ["a", "b"]`: the document's value (or one of its values) is one of these. */
export function anyOf(attribute: FilterAttribute, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quoted).join(', ')}]`
}

/** `attribute >= n` / `attribute <= n` for an integer n. */
export function compare(attribute: FilterAttribute, operator: '>=' | '<=', value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`A filter bound must be an integer, not ${value}`)
  return `${attribute} ${operator} ${value}`
}

/** A number from a query as an integer (truncated like the Postgres engine does), or undefined when it is none. */
function integer(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined
  return Math.min(Math.max(Math.trunc(value), Number.MIN_SAFE_INTEGER), Number.MAX_SAFE_INTEGER)
}

/** `min <= attribute <= max`, either side optional; undefined when neither is given. */
function range(attribute: FilterAttribute, min: number | undefined, max: number | undefined): string | undefined {
  const bounds = [
    ...(min === undefined ? [] : [compare(attribute, '>=', min)]),
    ...(max === undefined ? [] : [compare(attribute, '<=', max)]),
  ]
  return bounds.length === 0 ? undefined : bounds.join(' AND ')
}

const isOneOf =
  (allowed: readonly string[]) =>
  (value: string): boolean =>
    allowed.includes(value)

/**
 * The shape of a NUTS-2 code (ES11, PT1A). Not the list of today's codes: a profile may hold a
 * code of an earlier NUTS edition (PT16), and its proposals must stay findable by it.
 */
const nutsShaped = (value: string): boolean => /^[A-Z]{2}[0-9A-Z]{2}$/.test(value)

type ListFacet = Exclude<FacetName, 'trl'>

/** Which values each list filter accepts, and the attribute it filters. */
const listFilters: Record<ListFacet, { attribute: FilterAttribute; allowed: (value: string) => boolean }> = {
  subsector: { attribute: 'subsector', allowed: isOneOf(subsectors) },
  stage: { attribute: 'stage', allowed: isOneOf(stages) },
  region: { attribute: 'region', allowed: nutsShaped },
  instrument: { attribute: 'instrument', allowed: isOneOf(instruments) },
  developmentPhase: { attribute: 'developmentPhase', allowed: isOneOf(developmentPhases) },
  therapeuticArea: { attribute: 'therapeuticAreas', allowed: isOneOf(therapeuticAreas) },
}

/**
 * The clause of a list filter. Values outside the allow-list are dropped: no document holds
 * them, so they could match nothing anyway; a filter left with no value is `IN []`, which
 * matches nothing, as the same filter does in the Postgres engine. An empty list is no filter.
 */
function listClause(facet: ListFacet, values: readonly string[] | undefined): string | undefined {
  if (!values || values.length === 0) return undefined
  const { attribute, allowed } = listFilters[facet]
  const kept = [...new Set(values.filter((value) => typeof value === 'string' && allowed(value)))]
  return anyOf(attribute, kept)
}

export interface FilterClauses {
  /** The filter of each facet that has one; that facet's own counts leave it out. */
  facets: Partial<Record<FacetName, string>>
  /** Filters that are no facet (amount, closing date): every hit and every count passes them. */
  always: string[]
}

/** The clauses of a query's filters. The public scope cannot filter on therapeutic areas (verified tier). */
export function filterClauses(filters: SearchFilters, scope: SearchScope, today: number): FilterClauses {
  const facets: Partial<Record<FacetName, string | undefined>> = {
    subsector: listClause('subsector', filters.subsector),
    stage: listClause('stage', filters.stage),
    region: listClause('region', filters.region),
    instrument: listClause('instrument', filters.instrument),
    developmentPhase: listClause('developmentPhase', filters.developmentPhase),
    therapeuticArea: scope === 'verified' ? listClause('therapeuticArea', filters.therapeuticArea) : undefined,
    trl: range('trl', integer(filters.trlMin), integer(filters.trlMax)),
  }
  const day = integer(today) ?? 0
  const within = integer(filters.closingWithinDays)
  const always = [
    range('amountSoughtEur', integer(filters.amountMinEur), integer(filters.amountMaxEur)),
    within === undefined ? undefined : range('closingDay', day, day + within),
  ]
  return {
    facets: Object.fromEntries(Object.entries(facets).filter(([, clause]) => clause !== undefined)),
    always: always.filter((clause): clause is string => clause !== undefined),
  }
}

/** The facets that have a filter. */
export function filteredFacets(clauses: FilterClauses): FacetName[] {
  return Object.keys(clauses.facets) as FacetName[]
}

/** The whole filter (every clause ANDed), or without one facet's own clause; undefined for no filter. */
export function filterExpression(clauses: FilterClauses, except?: FacetName): string | undefined {
  const parts = [
    ...filteredFacets(clauses)
      .filter((facet) => facet !== except)
      .map((facet) => clauses.facets[facet]!),
    ...clauses.always,
  ]
  return parts.length === 0 ? undefined : parts.join(' AND ')
}
