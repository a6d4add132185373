/**
 * Interest of verified investors in proposals, and the startup's answer. Accepting is the
 * double opt-in introduction: it opens the conversation and tells each side how to reach the
 * other. Before that, nothing the startup's members can read (inbox, notifications, emails)
 * names a person of the investor organisation or how to reach them, and the investor learns
 * nothing of the startup's people either.
 *
 * Abuse limits: at most INTERESTS_PER_DAY interests per investor organisation in any 24 hours
 * (withdrawn ones count), none after DECLINES_BEFORE_BLOCK declines by the startup for that
 * proposal, and one open (pending or accepted) interest per organisation and proposal.
 */
import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { getVerifiedInvestorMembership } from '~/modules/investors/verification.server'
import { notify } from '~/modules/notifications/notify.server'
import { getProposalForViewer, type ProposalView } from '~/modules/proposals/disclosure.server'
import type { Db, DbOrTx } from '../../../db/client'
import { conversations, interests, investorProfiles, organisations, proposals } from '../../../db/schema'
import { contactsLine, investorContacts, memberIdsOf, proposalTitle, startupContacts } from './parties.server'
import { InterestRuleError } from './rule-error'

export const INTERESTS_PER_DAY = 10
export const DECLINES_BEFORE_BLOCK = 2

export interface InterestInput {
  message: string
  ticketMin: number
  ticketMax: number
}

/** What the proposal page shows an investor about interest, without contact details of anyone. */
export type InterestPanel =
  | { state: 'anonymous' | 'no_investor_firm' | 'unverified' | 'blocked' }
  | { state: 'can_express'; declinedBefore: boolean }
  | { state: 'pending'; interestId: string; createdAt: Date; ticketMinCents: number; ticketMaxCents: number }
  | { state: 'accepted'; conversationId: string | null }

const e = (key: string) => `interests.errors.${key}`

async function declinesOf(db: DbOrTx, investorOrganisationId: string, proposalId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(interests)
    .where(and(eq(interests.investorOrganisationId, investorOrganisationId), eq(interests.proposalId, proposalId), eq(interests.status, 'declined')))
  return row?.n ?? 0
}

/** The interest panel of a proposal page; null for the startup's own members and organisers. */
export async function interestPanelFor(db: DbOrTx, actor: Actor | null, view: ProposalView): Promise<InterestPanel | null> {
  if (!view.visible || view.relation === 'member' || view.relation === 'organiser') return null
  if (view.relation === 'anonymous') return { state: 'anonymous' }
  const investor = await getVerifiedInvestorMembership(db, actor)
  if (!investor) return { state: actor?.memberships.some((m) => m.kind === 'investor') ? 'unverified' : 'no_investor_firm' }
  const [open] = await db
    .select({ id: interests.id, status: interests.status, createdAt: interests.createdAt, min: interests.ticketMinCents, max: interests.ticketMaxCents, conversationId: conversations.id })
    .from(interests)
    .leftJoin(conversations, eq(conversations.interestId, interests.id))
    .where(and(eq(interests.investorOrganisationId, investor.organisationId), eq(interests.proposalId, view.id), inArray(interests.status, ['pending', 'accepted'])))
  if (open?.status === 'pending') return { state: 'pending', interestId: open.id, createdAt: open.createdAt, ticketMinCents: open.min, ticketMaxCents: open.max }
  if (open) return { state: 'accepted', conversationId: open.conversationId }
  const declines = await declinesOf(db, investor.organisationId, view.id)
  if (declines >= DECLINES_BEFORE_BLOCK) return { state: 'blocked' }
  return { state: 'can_express', declinedBefore: declines > 0 }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error
  return (cause as { code?: string })?.code === '23505'
}

/** A verified investor's interest in a visible proposal; the startup's members are told (no names of people). */
export async function expressInterest(db: Db, actor: Actor, proposalId: string | undefined, input: InterestInput): Promise<string> {
  try {
    return await db.transaction(async (tx) => {
      const investor = await getVerifiedInvestorMembership(tx, actor)
      if (!investor) throw new InterestRuleError(e('unverified'), 403)
      const view = await getProposalForViewer(tx, actor, proposalId)
      if (!view || !view.visible) throw new Response('Not found', { status: 404 })
      // One organisation's interests are counted one request at a time.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`interests:${investor.organisationId}`}, 0))`)
      const [today] = await tx
        .select({ n: count() })
        .from(interests)
        .where(and(eq(interests.investorOrganisationId, investor.organisationId), gt(interests.createdAt, sql`now() - interval '24 hours'`)))
      if ((today?.n ?? 0) >= INTERESTS_PER_DAY) throw new InterestRuleError(e('dailyLimit'), 429)
      if ((await declinesOf(tx, investor.organisationId, view.id)) >= DECLINES_BEFORE_BLOCK) throw new InterestRuleError(e('declinedTwice'), 403)
      const [row] = await tx
        .insert(interests)
        .values({
          proposalId: view.id,
          investorOrganisationId: investor.organisationId,
          authorId: actor.userId,
          message: input.message,
          ticketMinCents: input.ticketMin * 100,
          ticketMaxCents: input.ticketMax * 100,
        })
        .returning({ id: interests.id })
      const [owner] = await tx.select({ id: proposals.organisationId, slug: organisations.slug }).from(proposals).innerJoin(organisations, eq(organisations.id, proposals.organisationId)).where(eq(proposals.id, view.id))
      await notify(tx, {
        userIds: await memberIdsOf(tx, owner!.id),
        kind: 'interest.received',
        data: { investor: investor.organisationName, proposal: await proposalTitle(tx, view.id), ticketMinCents: input.ticketMin * 100, ticketMaxCents: input.ticketMax * 100 },
        link: `/studio/${owner!.slug}/proposals/${view.id}/investors`,
      })
      return row!.id
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new InterestRuleError(e('alreadyOpen'), 409)
    throw error
  }
}

/**
 * The investor takes back a pending interest (a member of its organisation). Another
 * organisation's interest is a 404; one already answered or withdrawn, a 409.
 */
export async function withdrawInterest(db: DbOrTx, actor: Actor, interestId: string): Promise<void> {
  const organisationIds = actor.memberships.filter((m) => m.kind === 'investor').map((m) => m.organisationId)
  const ours = and(eq(interests.id, interestId), inArray(interests.investorOrganisationId, organisationIds))
  if (organisationIds.length === 0 || (await db.select({ id: interests.id }).from(interests).where(ours)).length === 0) {
    throw new Response('Not found', { status: 404 })
  }
  const rows = await db
    .update(interests)
    .set({ status: 'withdrawn', decidedAt: new Date(), decidedBy: actor.userId })
    .where(and(ours, eq(interests.status, 'pending')))
    .returning({ id: interests.id })
  if (rows.length === 0) throw new InterestRuleError(e('notPending'), 409)
}

export interface InboxEntry {
  id: string
  investor: { name: string; type: string | null; country: string }
  message: string
  ticketMinCents: number
  ticketMaxCents: number
  status: (typeof interests.$inferSelect)['status']
  createdAt: Date
  decidedAt: Date | null
  declineReason: string | null
  conversationId: string | null
}

/**
 * The interests a startup received for one of its proposals, newest first: the investor
 * organisation, never a person (the caller has checked that the proposal is the startup's).
 */
export async function interestInbox(db: DbOrTx, proposalId: string): Promise<InboxEntry[]> {
  const rows = await db
    .select({
      id: interests.id,
      name: organisations.name,
      type: investorProfiles.type,
      country: organisations.country,
      message: interests.message,
      ticketMinCents: interests.ticketMinCents,
      ticketMaxCents: interests.ticketMaxCents,
      status: interests.status,
      createdAt: interests.createdAt,
      decidedAt: interests.decidedAt,
      declineReason: interests.declineReason,
      conversationId: conversations.id,
    })
    .from(interests)
    .innerJoin(organisations, eq(organisations.id, interests.investorOrganisationId))
    .leftJoin(investorProfiles, eq(investorProfiles.organisationId, interests.investorOrganisationId))
    .leftJoin(conversations, eq(conversations.interestId, interests.id))
    .where(eq(interests.proposalId, proposalId))
    .orderBy(desc(interests.createdAt))
  return rows.map(({ name, type, country, ...row }) => ({ ...row, investor: { name, type, country } }))
}

export type Decision = { intent: 'accept' } | { intent: 'decline'; reason?: string }

/**
 * The startup answers a pending interest in one of its proposals. Accepting opens the
 * conversation and sends each side the other's contacts; declining tells the investor (with the
 * reason, if any). Returns the conversation's id on acceptance.
 */
export async function decideInterest(db: Db, actor: Actor, startupOrganisationId: string, interestId: string, decision: Decision): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [interest] = await tx
      .select({ interest: interests, slug: organisations.slug })
      .from(interests)
      .innerJoin(proposals, eq(proposals.id, interests.proposalId))
      .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
      .where(and(eq(interests.id, interestId), eq(proposals.organisationId, startupOrganisationId)))
      .for('update', { of: interests })
    if (!interest) throw new Response('Not found', { status: 404 })
    const { investorOrganisationId, proposalId, authorId } = interest.interest
    if (interest.interest.status !== 'pending') throw new InterestRuleError(e('alreadyAnswered'), 409)
    const reason = decision.intent === 'decline' ? decision.reason?.trim() || null : null
    await tx
      .update(interests)
      .set({ status: decision.intent === 'accept' ? 'accepted' : 'declined', decidedAt: new Date(), decidedBy: actor.userId, declineReason: reason })
      .where(eq(interests.id, interestId))
    const startup = await startupContacts(tx, startupOrganisationId)
    const proposal = await proposalTitle(tx, proposalId)
    const investorMembers = await memberIdsOf(tx, investorOrganisationId)
    if (decision.intent === 'decline') {
      await notify(tx, {
        userIds: investorMembers,
        kind: 'interest.answered',
        data: { context: reason ? 'declined_reason' : 'declined', startup: startup.organisation, proposal, reason },
        link: `/proposals/${proposalId}`,
      })
      return null
    }
    const [conversation] = await tx
      .insert(conversations)
      .values({ interestId, proposalId, investorOrganisationId, startupOrganisationId })
      .returning({ id: conversations.id })
    const link = `/conversations/${conversation!.id}`
    const investor = await investorContacts(tx, investorOrganisationId, authorId)
    await notify(tx, {
      userIds: investorMembers,
      kind: 'interest.answered',
      data: { context: 'accepted', startup: startup.organisation, investor: investor.organisation, proposal, contacts: contactsLine(startup) },
      link,
    })
    await notify(tx, {
      userIds: await memberIdsOf(tx, startupOrganisationId),
      kind: 'interest.answered',
      data: { context: 'introduced', startup: startup.organisation, investor: investor.organisation, proposal, contacts: contactsLine(investor) },
      link,
    })
    return conversation!.id
  })
}
