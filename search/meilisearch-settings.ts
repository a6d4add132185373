/**
 * The Meilisearch index settings, declared in code so that every index Ponte creates (the
 * live one and each rebuild's fresh one) is configured the same way. `applySettings()` sends
 * them as one settings update; Meilisearch re-indexes when they change.
 *
 * The engine semantics they implement are shared with the Postgres engine (search/contract.ts).
 */
import type { Settings } from 'meilisearch'
import { meilisearchSynonyms } from './synonyms'
import type { FacetName, SearchDocument, SearchScope } from './types'

type Attribute = keyof SearchDocument & string

/** Every field text search reads, most important first (the `attribute` ranking rule uses this order). */
export const searchableAttributes = [
  'title_en',
  'title_es',
  'title_pt',
  'title_gl',
  'startupName',
  'summary_en',
  'summary_es',
  'summary_pt',
  'summary_gl',
  'classificationNames',
  'therapeuticAreaNames',
  'city',
  'description_en',
  'description_es',
  'description_pt',
  'description_gl',
] as const satisfies readonly Attribute[]

/** Fields of the verified tier: a public query neither searches, filters nor facets on them. */
const verifiedOnlyAttributes: readonly Attribute[] = [
  'description_en',
  'description_es',
  'description_pt',
  'description_gl',
  'therapeuticAreaNames',
  'therapeuticAreas',
]

/** The searchable fields a query of this scope may search on (`attributesToSearchOn`), in ranked order. */
export function attributesToSearchOn(scope: SearchScope): string[] {
  return scope === 'verified' ? [...searchableAttributes] : searchableAttributes.filter((attribute) => !verifiedOnlyAttributes.includes(attribute))
}

/** The document field behind each facet. */
export const facetAttribute = {
  subsector: 'subsector',
  stage: 'stage',
  region: 'region',
  instrument: 'instrument',
  developmentPhase: 'developmentPhase',
  therapeuticArea: 'therapeuticAreas',
  trl: 'trl',
} as const satisfies Record<FacetName, Attribute>

export const filterableAttributes = [
  'subsector',
  'stage',
  'region',
  'instrument',
  'developmentPhase',
  'therapeuticAreas',
  'trl',
  'amountSoughtEur',
  'closingDay',
  'publishedAt',
] as const satisfies readonly Attribute[]

export const sortableAttributes = ['publishedAt', 'amountSoughtEur', 'closingDay'] as const satisfies readonly Attribute[]

/**
 * Meilisearch's default ranking rules with `sort` moved first: a sort the user picks (newest,
 * amount, closing date) orders the hits strictly, relevance only breaks its ties, as in the
 * Postgres engine. A relevance query sends no sort, so `sort` then does nothing and the hits are
 * ranked by words, typos, proximity, attribute and exactness as usual.
 */
export const rankingRules = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'] as const

/**
 * Search results a query can count and page through. Meilisearch caps `totalHits` (and so the
 * pages reachable) at `maxTotalHits`, 1000 by default; the catalogue will stay far below a
 * million proposals, so this keeps every total exact and every page reachable.
 */
export const MAX_TOTAL_HITS = 1_000_000

/** Facet values returned per facet: more than the NUTS-2 regions of Spain and Portugal together. */
export const MAX_VALUES_PER_FACET = 200

export function meilisearchSettings(): Settings {
  return {
    searchableAttributes: [...searchableAttributes],
    filterableAttributes: [...filterableAttributes],
    sortableAttributes: [...sortableAttributes],
    rankingRules: [...rankingRules],
    // The same budget as `typoBudget` in search/text.ts (Meilisearch's defaults, stated here so they cannot drift).
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    synonyms: meilisearchSynonyms(),
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    localizedAttributes: [
      { attributePatterns: ['*_en'], locales: ['eng'] },
      { attributePatterns: ['*_es'], locales: ['spa'] },
      { attributePatterns: ['*_pt'], locales: ['por'] },
      // Meilisearch has no Galician tokenizer; Portuguese is the closest language it knows
      // (Galician and Portuguese share most of their spelling and word forms).
      { attributePatterns: ['*_gl'], locales: ['por'] },
    ],
  }
}
