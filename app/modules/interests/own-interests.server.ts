/**
 * An investor's own interests: every interest its organisations expressed, newest first, with
 * where each stands (the startup's answer, the decline reason, the conversation once accepted).
 * Read through the person's investor memberships only: nobody else's interests are ever listed.
 */
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../../db/client'
import { pageWithin, requestedPage } from '../../../db/paging'
import { conversations, interests, interestStatuses, organisations, proposals, proposalVersions } from '../../../db/schema'
import type { Actor } from '../accounts/actor'
import type { Locale } from '../i18n/locales'
import { visibleProposal } from '../proposals/disclosure.server'
import { snapshotTitle } from '../proposals/proposal-text'

export const OWN_INTERESTS_PER_PAGE = 20

const investorOrg = alias(organisations, 'investor_org')

export type InterestStatus = (typeof interestStatuses)[number]

export interface OwnInterest {
  id: string
  proposalId: string
  /** The published title in the reader's language (or another the startup wrote), null without one. */
  title: string | null
  lang: Locale | null
  /** Whether the proposal is still in the catalogue (its page opens). */
  proposalVisible: boolean
  startup: string
  /** The investor organisation that expressed it (a person may belong to several). */
  investor: string
  createdAt: Date
  ticketMinCents: number
  ticketMaxCents: number
  status: InterestStatus
  decidedAt: Date | null
  declineReason: string | null
  conversationId: string | null
}

/** The status filter of the list, from its URL (anything else: every status), and the page. */
export function readOwnInterestFilters(params: URLSearchParams): { status: InterestStatus | null; page: number } {
  const status = interestStatuses.find((s) => s === params.get('status')) ?? null
  return { status, page: requestedPage.parse(params.get('page') ?? 1) }
}

function investorOrganisationIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.kind === 'investor').map((m) => m.organisationId)
}

/**
 * One page of the interests the actor's investor organisations expressed, filtered by status,
 * with how many there are of each status (for the filter).
 */
export async function listOwnInterests(db: DbOrTx, actor: Actor, locale: Locale, filters: { status: InterestStatus | null; page: number }) {
  const organisationIds = investorOrganisationIds(actor)
  const counts = Object.fromEntries(interestStatuses.map((status) => [status, 0])) as Record<InterestStatus, number>
  if (organisationIds.length === 0) return { items: [] as OwnInterest[], total: 0, page: 1, pageCount: 1, counts }
  const ours = inArray(interests.investorOrganisationId, organisationIds)
  const byStatus = await db.select({ status: interests.status, n: count() }).from(interests).where(ours).groupBy(interests.status)
  for (const row of byStatus) counts[row.status] = row.n
  const total = filters.status ? counts[filters.status] : byStatus.reduce((sum, row) => sum + row.n, 0)
  const { page, pageCount, offset } = pageWithin(total, filters.page, OWN_INTERESTS_PER_PAGE)
  const rows = await db
    .select({
      id: interests.id,
      proposalId: interests.proposalId,
      snapshot: proposalVersions.snapshot,
      proposalVisible: sql<boolean>`coalesce(${visibleProposal}, false)`,
      startup: organisations.name,
      investor: investorOrg.name,
      createdAt: interests.createdAt,
      ticketMinCents: interests.ticketMinCents,
      ticketMaxCents: interests.ticketMaxCents,
      status: interests.status,
      decidedAt: interests.decidedAt,
      declineReason: interests.declineReason,
      conversationId: conversations.id,
    })
    .from(interests)
    .innerJoin(proposals, eq(proposals.id, interests.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(investorOrg, eq(investorOrg.id, interests.investorOrganisationId))
    .leftJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .leftJoin(conversations, eq(conversations.interestId, interests.id))
    .where(and(ours, filters.status ? eq(interests.status, filters.status) : undefined))
    .orderBy(desc(interests.createdAt), desc(interests.id))
    .limit(OWN_INTERESTS_PER_PAGE)
    .offset(offset)
  const items: OwnInterest[] = rows.map(({ snapshot, ...row }) => ({ ...row, ...snapshotTitle(snapshot, locale) }))
  return { items, total, page, pageCount, counts }
}
