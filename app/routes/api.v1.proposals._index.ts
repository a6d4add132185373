import type { LoaderFunctionArgs } from '@remix-run/node'
import { getActor } from '~/modules/accounts/session.server'
import { tierJson } from '~/modules/proposals/api.server'
import { parseCatalogueSearch } from '~/modules/proposals/search-params'
import { searchProposals, searchScopeOf } from '~/modules/proposals/search.server'
import { SearchUnavailableError } from '../../search/types'

/**
 * GET /api/v1/proposals — searches the catalogue: the same parameters as the search page
 * (q, subsector, stage, region, instrument, phase, therapeuticArea, trlMin, trlMax, amountMin,
 * amountMax, closingWithinDays, sort, page, perPage), read strictly: a parameter it cannot
 * read is a 400 naming it. Hits are in the tier of whoever asks. Documented in README.md.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const parsed = parseCatalogueSearch(new URL(request.url).searchParams, 'strict')
  if (!parsed.ok) return problem(400, 'invalid_parameter', parsed.error.message, parsed.error.param)
  const scope = await searchScopeOf(context.db, actor)
  if (scope === 'public' && parsed.search.filters.therapeuticArea) {
    return problem(400, 'invalid_parameter', 'Therapeutic areas are part of the verified tier: only verified investors and organisers may filter by them.', 'therapeuticArea')
  }
  let answer
  try {
    answer = await searchProposals(context, scope, parsed.search)
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error
    return problem(503, 'search_unavailable', 'Search is not available at the moment. Try again in a minute.')
  }
  const { therapeuticArea, ...publicFacets } = answer.facets
  const body = {
    hits: answer.hits.map(tierJson),
    total: answer.total,
    page: answer.page,
    perPage: answer.perPage,
    facets: scope === 'verified' ? { ...publicFacets, therapeuticArea } : publicFacets,
    degraded: answer.degraded,
  }
  // An answer that depends on who asks is never stored by shared caches.
  const cacheControl = actor ? 'private, no-store' : 'public, max-age=30'
  return Response.json(body, { headers: { 'Cache-Control': cacheControl, Vary: 'Cookie' } })
}

function problem(status: number, error: string, message: string, param?: string) {
  return Response.json({ error, message, ...(param ? { param } : {}) }, { status, headers: { 'Cache-Control': 'no-store' } })
}
