/**
 * Conversations as organisers see them to moderate: every introduction on Ponte, searchable by
 * either organisation's name, latest activity first. Organisers read a thread on its own page
 * (requireConversation lets them in, read-only); nobody else may list them.
 */
import { count, desc, eq, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { DbOrTx } from '../../../db/client'
import { pageWithin, requestedPage, searchText } from '../../../db/paging'
import { foldedContains } from '../../../db/text-match'
import { conversations, messages, organisations, proposals, proposalVersions } from '../../../db/schema'
import { isOrganiser, type Actor } from '../accounts/actor'
import { forbidden } from '../accounts/guards.server'
import type { Locale } from '../i18n/locales'
import { snapshotTitle } from '../proposals/proposal-text'

export const MODERATED_CONVERSATIONS_PER_PAGE = 20

/** The list's URL query (`?q=…&page=…`); a value that makes no sense is dropped, not refused. */
const ModerationQuerySchema = z.object({
  q: searchText,
  page: requestedPage,
})
export type ModerationQuery = z.infer<typeof ModerationQuerySchema>

export function parseModerationQuery(params: URLSearchParams): ModerationQuery {
  return ModerationQuerySchema.parse({ q: params.get('q') ?? '', page: params.get('page') || 1 })
}

export interface ModeratedConversation {
  id: string
  proposalId: string
  /** The published title in the reader's language (or another the startup wrote), null without one. */
  proposal: string | null
  lang: Locale | null
  investor: string
  startup: string
  createdAt: Date
  lastMessageAt: Date | null
  messages: number
}

const investorOrg = alias(organisations, 'investor_org')
const startupOrg = alias(organisations, 'startup_org')

/** One page of every conversation, for an organiser (anyone else: a 403), filtered by organisation name. */
export async function listConversationsForModeration(db: DbOrTx, actor: Actor, locale: Locale, query: ModerationQuery) {
  if (!isOrganiser(actor)) throw forbidden()
  const where = query.q ? or(foldedContains(investorOrg.name, query.q), foldedContains(startupOrg.name, query.q)) : undefined
  const [totals] = await db
    .select({ total: count() })
    .from(conversations)
    .innerJoin(investorOrg, eq(investorOrg.id, conversations.investorOrganisationId))
    .innerJoin(startupOrg, eq(startupOrg.id, conversations.startupOrganisationId))
    .where(where)
  const total = totals?.total ?? 0
  const { page, pageCount, offset } = pageWithin(total, query.page, MODERATED_CONVERSATIONS_PER_PAGE)
  const rows = await db
    .select({
      id: conversations.id,
      proposalId: conversations.proposalId,
      snapshot: proposalVersions.snapshot,
      investor: investorOrg.name,
      startup: startupOrg.name,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      messages: sql<number>`(select count(*)::int from ${messages} where ${messages.conversationId} = ${conversations.id})`,
    })
    .from(conversations)
    .innerJoin(investorOrg, eq(investorOrg.id, conversations.investorOrganisationId))
    .innerJoin(startupOrg, eq(startupOrg.id, conversations.startupOrganisationId))
    .innerJoin(proposals, eq(proposals.id, conversations.proposalId))
    .leftJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(where)
    .orderBy(desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`), desc(conversations.id))
    .limit(MODERATED_CONVERSATIONS_PER_PAGE)
    .offset(offset)
  const items: ModeratedConversation[] = rows.map(({ snapshot, ...row }) => {
    const { title, lang } = snapshotTitle(snapshot, locale)
    return { ...row, proposal: title, lang }
  })
  return { items, total, page, pageCount }
}
