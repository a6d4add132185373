import { z } from 'zod'
import { requestedPage, searchText } from '../../../db/paging'
import { subsectors } from './subsectors'

/** Startups per page of the public directory. */
export const DIRECTORY_PAGE_SIZE = 24

/** The region filter: the cluster's three regions, or anywhere else. */
export const directoryRegions = ['ES11', 'PT11', 'ES41', 'other'] as const
export type DirectoryRegion = (typeof directoryRegions)[number]

/**
 * The directory's URL query (`/startups?q=…&region=…&subsector=…&page=…`). A value that makes
 * no sense is dropped rather than refused: the URL is shared and bookmarked, so an outdated
 * or mistyped link still shows the directory.
 */
const DirectoryQuerySchema = z.object({
  q: searchText,
  region: z.enum(directoryRegions).optional().catch(undefined),
  subsector: z.enum(subsectors).optional().catch(undefined),
  page: requestedPage,
})

export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>

export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  return DirectoryQuerySchema.parse({
    q: params.get('q') ?? '',
    region: params.get('region') ?? undefined,
    subsector: params.get('subsector') ?? undefined,
    page: params.get('page') ?? 1,
  })
}

/** The URL of the directory for `query` (empty values and page 1 left out, so links stay short). */
export function directoryUrl(query: Partial<DirectoryQuery>): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.region) params.set('region', query.region)
  if (query.subsector) params.set('subsector', query.subsector)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  const search = params.toString()
  return search ? `/startups?${search}` : '/startups'
}
