/**
 * Searching the catalogue: who searches in which scope, the engine's answer, and the rows
 * hydrated from PostgreSQL in the engine's order. PostgreSQL decides visibility again at this
 * point, so a proposal withdrawn a moment ago never shows, even while the index still holds it.
 */
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import type { Locale } from '~/modules/i18n/locales'
import { getVerifiedInvestorMembership } from '~/modules/investors/verification.server'
import type { DbOrTx } from '../../../db/client'
import { pageCountOf } from '../../../db/paging'
import { today } from '../../../search/documents.server'
import type { Search } from '../../../search/engine.server'
import { verifiedOnlyFacets, type FacetCounts, type SearchScope } from '../../../search/types'
import { publicTier, verifiedTier, visiblePublishedSources, type PublicTierProposal, type PublishedSource, type TieredProposal } from './disclosure.server'
import { pickProposalText } from './proposal-text'
import { effectiveSort, type CatalogueSearch } from './search-params'
import type { TherapeuticArea } from './taxonomy'

/**
 * The verified scope (descriptions and therapeutic areas searchable) is for those who see the
 * verified tier of every proposal: organisers and verified investors, with a confirmed email.
 */
export async function searchScopeOf(db: DbOrTx, actor: Actor | null): Promise<SearchScope> {
  if (!actor?.emailVerified) return 'public'
  if (isOrganiser(actor)) return 'verified'
  return (await getVerifiedInvestorMembership(db, actor)) ? 'verified' : 'public'
}

export interface SearchAnswer<Hit> {
  hits: Hit[]
  total: number
  page: number
  perPage: number
  pageCount: number
  facets: FacetCounts
  scope: SearchScope
  /** The configured engine could not answer; the Postgres engine did. */
  degraded: boolean
}

interface SearchDeps {
  db: DbOrTx
  search: Search
}

/** The proposals of a search, in the scope's tier, in the engine's order. */
export async function searchProposals(deps: SearchDeps, scope: SearchScope, search: CatalogueSearch): Promise<SearchAnswer<TieredProposal>> {
  const answer = await searchSources(deps, scope, search)
  return { ...answer, hits: answer.hits.map((source) => (scope === 'verified' ? verifiedTier(source) : publicTier(source))) }
}

async function searchSources(deps: SearchDeps, scope: SearchScope, search: CatalogueSearch): Promise<SearchAnswer<PublishedSource>> {
  const filters = { ...search.filters }
  // Therapeutic areas are verified-tier facts: in the public scope their filter does not exist.
  if (scope === 'public') delete filters.therapeuticArea
  const result = await deps.search.query({
    text: search.q,
    filters,
    sort: effectiveSort(search),
    page: search.page,
    perPage: search.perPage,
    scope,
    today: today(),
  })
  const sources = await visiblePublishedSources(deps.db, { ids: result.ids })
  const byId = new Map(sources.map((source) => [source.id, source]))
  const hits = result.ids.flatMap((id) => byId.get(id) ?? [])
  const facets = { ...result.facets }
  for (const facet of verifiedOnlyFacets) if (scope === 'public') facets[facet] = {}
  return {
    hits,
    total: result.total,
    page: search.page,
    perPage: search.perPage,
    pageCount: pageCountOf(result.total, search.perPage),
    facets,
    scope,
    degraded: result.degraded,
  }
}

/** A result card: the public tier's facts, the text in the reader's language, and (verified scope) the therapeutic areas. */
export type SearchCard = Omit<PublicTierProposal, 'texts' | 'tier'> & {
  text: { title: string; summary: string; lang: Locale }
  /** Verified scope only: absent from the public tier's cards. */
  therapeuticAreas?: TherapeuticArea[]
}

/**
 * The search page's answer. A page past the end shows the last page (a shared link outlives
 * the results it was made for).
 */
export async function searchCatalogue(deps: SearchDeps, actor: Actor | null, search: CatalogueSearch, locale: Locale): Promise<SearchAnswer<SearchCard> & { search: CatalogueSearch }> {
  const scope = await searchScopeOf(deps.db, actor)
  let answer = await searchSources(deps, scope, search)
  if (answer.total > 0 && search.page > answer.pageCount) {
    search = { ...search, page: answer.pageCount }
    answer = await searchSources(deps, scope, search)
  }
  const hits = answer.hits.flatMap((source): SearchCard[] => {
    // The team is not part of a card: it is never read here.
    const { texts, tier: _tier, ...facts } = publicTier({ ...source, team: [] })
    const text = pickProposalText(texts, locale, facts.originalLocale)
    if (!text) return []
    return [scope === 'verified' ? { ...facts, text, therapeuticAreas: [...source.snapshot.therapeuticAreas] } : { ...facts, text }]
  })
  return { ...answer, hits, search }
}
