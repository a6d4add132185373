import { z } from 'zod'
import { requestedPage, searchText } from '../../../db/paging'
import { investorTypes } from '~/modules/organisations/schemas'
import { isNutsCode } from '~/modules/organisations/regions'
import { stages } from '~/modules/proposals/taxonomy'
import { subsectors } from '~/modules/startups/subsectors'
import { MAX_TICKET_EUROS } from './profile-schema'

/** Investors per page of the directory. */
export const INVESTOR_DIRECTORY_PAGE_SIZE = 20

/**
 * The investor directory's URL query (`/investors?q=…&type=…&subsector=…&stage=…&amount=…&region=…&page=…`).
 * A value that makes no sense is dropped rather than refused, so an old or mistyped link still
 * shows the directory. `amount` is what the startup seeks, in euros.
 */
const InvestorDirectoryQuerySchema = z.object({
  q: searchText,
  type: z.enum(investorTypes).optional().catch(undefined),
  subsector: z.enum(subsectors).optional().catch(undefined),
  stage: z.enum(stages).optional().catch(undefined),
  amount: z.coerce.number().int().min(1).max(MAX_TICKET_EUROS).optional().catch(undefined),
  region: z.string().refine(isNutsCode).optional().catch(undefined),
  page: requestedPage,
})

export type InvestorDirectoryQuery = z.infer<typeof InvestorDirectoryQuerySchema>

export function parseInvestorDirectoryQuery(params: URLSearchParams): InvestorDirectoryQuery {
  const value = (name: string) => params.get(name) || undefined
  return InvestorDirectoryQuerySchema.parse({
    q: params.get('q') ?? '',
    type: value('type'),
    subsector: value('subsector'),
    stage: value('stage'),
    amount: value('amount')?.replace(/[\s.,€]/g, ''),
    region: value('region')?.toUpperCase(),
    page: value('page') ?? 1,
  })
}

/** The URL of the directory for `query` (empty values and page 1 left out). */
export function investorDirectoryUrl(query: Partial<InvestorDirectoryQuery>): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.type) params.set('type', query.type)
  if (query.subsector) params.set('subsector', query.subsector)
  if (query.stage) params.set('stage', query.stage)
  if (query.amount) params.set('amount', String(query.amount))
  if (query.region) params.set('region', query.region)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  const search = params.toString()
  return search ? `/investors?${search}` : '/investors'
}
