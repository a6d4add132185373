/**
 * Soft commitments: after an introduction the investor may record a non-binding amount, with
 * conditions and a date it is valid until; either side may withdraw it. Ponte does not handle
 * investments or money: these are figures for the startup's planning.
 *
 * The startup's ledger per proposal counts the active commitments (not withdrawn, valid until
 * today or later): their total, how many investor organisations, and the share of the total
 * from investors seated in another country than the startup (organisations.country).
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Actor } from '~/modules/accounts/actor'
import { notify } from '~/modules/notifications/notify.server'
import type { Db, DbOrTx } from '../../../db/client'
import { commitments, conversations, interests, memberships, organisations, users } from '../../../db/schema'
import { isUuid } from '../proposals/access.server'
import type { ConversationAccess } from './conversations.server'
import { memberIdsOf, proposalTitle } from './parties.server'
import { InterestRuleError } from './rule-error'
import { isoDay } from './schemas'

export interface CommitmentInput {
  amount: number
  conditions?: string
  validUntil: string
}

export interface CommitmentEntry {
  id: string
  investor: string
  investorCountry: string
  amountCents: number
  conditions: string
  validUntil: string
  createdAt: Date
  withdrawnAt: Date | null
  /** The person who withdrew it, and on which side. */
  withdrawnBy: { name: string; side: 'investor' | 'startup' } | null
  /** Where the two sides talk about it (and where either withdraws it). */
  conversationId: string
  active: boolean
}

export interface Ledger {
  totalCents: number
  investors: number
  crossBorderCents: number
  /** Share of the total from other countries than the startup's, 0..1 (0 with nothing committed). */
  crossBorderShare: number
  commitments: CommitmentEntry[]
}

const withdrawer = alias(users, 'withdrawer')
const investorOrg = alias(organisations, 'investor_org')

async function commitmentsWhere(db: DbOrTx, where: SQL, today: string): Promise<CommitmentEntry[]> {
  const rows = await db
    .select({
      commitment: commitments,
      investor: investorOrg.name,
      investorCountry: investorOrg.country,
      conversationId: conversations.id,
      withdrawnByName: withdrawer.name,
      withdrawnByInvestor: sql<boolean>`exists (select 1 from ${memberships} where ${memberships.userId} = ${commitments.withdrawnBy} and ${memberships.organisationId} = ${commitments.investorOrganisationId})`,
    })
    .from(commitments)
    .innerJoin(investorOrg, eq(investorOrg.id, commitments.investorOrganisationId))
    .innerJoin(conversations, eq(conversations.interestId, commitments.interestId))
    .leftJoin(withdrawer, eq(withdrawer.id, commitments.withdrawnBy))
    .where(where)
    .orderBy(asc(commitments.createdAt))
  return rows.map(({ commitment: c, investor, investorCountry, conversationId, withdrawnByName, withdrawnByInvestor }) => ({
    id: c.id,
    investor,
    investorCountry,
    amountCents: c.amountCents,
    conditions: c.conditions,
    validUntil: c.validUntil,
    createdAt: c.createdAt,
    withdrawnAt: c.withdrawnAt,
    withdrawnBy: c.withdrawnAt ? { name: withdrawnByName ?? '', side: withdrawnByInvestor ? 'investor' : 'startup' } : null,
    conversationId,
    active: c.withdrawnAt === null && c.validUntil >= today,
  }))
}

/** The commitments recorded in one conversation (its interest). */
export function conversationCommitments(db: DbOrTx, access: ConversationAccess, today = isoDay(0)): Promise<CommitmentEntry[]> {
  return commitmentsWhere(db, eq(commitments.interestId, access.interestId), today)
}

/** The startup's ledger of a proposal (the caller has checked that the proposal is the startup's). */
export async function commitmentLedger(db: DbOrTx, proposalId: string, startupCountry: string, today = isoDay(0)): Promise<Ledger> {
  const list = await commitmentsWhere(db, eq(commitments.proposalId, proposalId), today)
  const active = list.filter((c) => c.active)
  const totalCents = active.reduce((sum, c) => sum + c.amountCents, 0)
  const crossBorderCents = active.filter((c) => c.investorCountry !== startupCountry).reduce((sum, c) => sum + c.amountCents, 0)
  return {
    totalCents,
    investors: new Set(active.map((c) => c.investor)).size,
    crossBorderCents,
    crossBorderShare: totalCents === 0 ? 0 : crossBorderCents / totalCents,
    commitments: list.reverse(),
  }
}

/** Tells the other side: the startup on its ledger, the investor in the conversation. */
async function tellOtherSide(tx: DbOrTx, access: ConversationAccess, from: 'investor' | 'startup', context: 'recorded' | 'withdrawn', amountCents: number) {
  const [ours, theirs] = from === 'investor' ? [access.investorOrganisationId, access.startupOrganisationId] : [access.startupOrganisationId, access.investorOrganisationId]
  const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ours))
  const [startup] = await tx.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, access.startupOrganisationId))
  const link = from === 'investor' ? `/studio/${startup!.slug}/proposals/${access.proposalId}/investors` : `/conversations/${access.id}`
  await notify(tx, {
    userIds: await memberIdsOf(tx, theirs),
    kind: 'commitment.changed',
    data: { context, from: organisation?.name ?? '', proposal: await proposalTitle(tx, access.proposalId), amountCents },
    link,
  })
}

/** The investor side records a soft commitment in a conversation it takes part in. */
export async function recordCommitment(db: Db, actor: Actor, access: ConversationAccess, input: CommitmentInput): Promise<string> {
  if (access.side !== 'investor') throw new InterestRuleError('interests.errors.onlyInvestorCommits', 403)
  return db.transaction(async (tx) => {
    const [interest] = await tx.select({ status: interests.status }).from(interests).where(eq(interests.id, access.interestId))
    if (interest?.status !== 'accepted') throw new InterestRuleError('interests.errors.notIntroduced', 409)
    const [row] = await tx
      .insert(commitments)
      .values({
        interestId: access.interestId,
        proposalId: access.proposalId,
        investorOrganisationId: access.investorOrganisationId,
        amountCents: input.amount * 100,
        conditions: input.conditions ?? '',
        validUntil: input.validUntil,
        createdBy: actor.userId,
      })
      .returning({ id: commitments.id })
    await tellOtherSide(tx, access, 'investor', 'recorded', input.amount * 100)
    return row!.id
  })
}

/** Either side withdraws a commitment of the conversation (once). */
export async function withdrawCommitment(db: Db, actor: Actor, access: ConversationAccess, commitmentId: string): Promise<void> {
  if (access.side === 'organiser') throw new InterestRuleError('interests.errors.organiserReadOnly', 403)
  if (!isUuid(commitmentId)) throw new Response('Not found', { status: 404 })
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ withdrawnAt: commitments.withdrawnAt, amountCents: commitments.amountCents })
      .from(commitments)
      .where(and(eq(commitments.id, commitmentId), eq(commitments.interestId, access.interestId)))
      .for('update')
    if (!row) throw new Response('Not found', { status: 404 })
    if (row.withdrawnAt) throw new InterestRuleError('interests.errors.alreadyWithdrawn', 409)
    await tx.update(commitments).set({ withdrawnAt: new Date(), withdrawnBy: actor.userId }).where(eq(commitments.id, commitmentId))
    await tellOtherSide(tx, access, access.side as 'investor' | 'startup', 'withdrawn', row.amountCents)
  })
}
