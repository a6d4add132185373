/**
 * Round commitments and the co-investment pool. Members of the round's participating investor
 * organisations (those with a pool pledge) record a soft, non-binding commitment in euros to a
 * shortlisted application while the round is shortlisted, change it or withdraw it: one active
 * commitment per investor organisation and application, and an organisation's active commitments
 * in a round never exceed its pledge. Ponte handles no investments or money.
 *
 * The matching rule (matching.ts) turns the commitments into matched amounts: shown to the
 * participating investors on the pool page, to everyone on the public round page once the shortlist
 * is out (which conditions hold and the matched amount, never who committed what), and to the
 * round's organisers on the dashboard.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { notFound } from '~/modules/accounts/guards.server'
import type { Locale } from '~/modules/i18n/locales'
import { snapshotTitle } from '~/modules/proposals/proposal-text'
import type { Db, DbOrTx } from '../../../db/client'
import { applications, organisations, poolPledges, proposals, proposalVersions, roundCommitments, rounds } from '../../../db/schema'
import { findRoundBySlug, participatingOrganisationsOf, type Round } from './access.server'
import { computeMatching, type MatchConditions, type MatchingResult, type MatchingRule, type StartupMatch } from './matching'
import { roundPledges, type RoundPledge } from './pledges.server'
import { RoundRuleError } from './round-rule-error'

export function matchingRuleOf(round: Round): MatchingRule {
  return {
    matchRatioPercent: round.matchRatioPercent,
    matchCapPerStartupCents: round.matchCapPerStartupCents,
    matchCapRoundCents: round.matchCapRoundCents,
    matchMinCommittedCents: round.matchMinCommittedCents,
    matchMinInvestors: round.matchMinInvestors,
    matchRequiresCrossBorder: round.matchRequiresCrossBorder,
  }
}

export interface ShortlistedStartup {
  applicationId: string
  proposalId: string
  startupId: string
  name: string
  slug: string
  country: string
  decidedAt: Date | null
}

/** The round's shortlisted applications in shortlist order: when shortlisted, then when submitted. */
export function shortlistOf(db: DbOrTx, roundId: string): Promise<ShortlistedStartup[]> {
  return db
    .select({
      applicationId: applications.id,
      proposalId: applications.proposalId,
      startupId: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      country: organisations.country,
      decidedAt: applications.decidedAt,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.startupOrganisationId))
    .where(and(eq(applications.roundId, roundId), eq(applications.status, 'shortlisted')))
    .orderBy(sql`${applications.decidedAt} asc nulls last`, asc(applications.submittedAt), asc(applications.id))
}

export interface ActiveCommitment {
  applicationId: string
  investorOrganisationId: string
  investor: string
  investorCountry: string
  amountCents: number
  createdAt: Date
  updatedAt: Date
}

async function activeCommitmentsOf(db: DbOrTx, applicationIds: string[]): Promise<ActiveCommitment[]> {
  if (applicationIds.length === 0) return []
  return db
    .select({
      applicationId: roundCommitments.applicationId,
      investorOrganisationId: roundCommitments.investorOrganisationId,
      investor: organisations.name,
      investorCountry: organisations.country,
      amountCents: roundCommitments.amountCents,
      createdAt: roundCommitments.createdAt,
      updatedAt: roundCommitments.updatedAt,
    })
    .from(roundCommitments)
    .innerJoin(organisations, eq(organisations.id, roundCommitments.investorOrganisationId))
    .where(and(inArray(roundCommitments.applicationId, applicationIds), isNull(roundCommitments.withdrawnAt)))
    .orderBy(asc(roundCommitments.createdAt))
}

/** A participating organisation's pledge, with its active commitments to the round's shortlist and what is left. */
export type PledgeView = RoundPledge & { committedCents: number; leftCents: number }

export interface RoundPool {
  rule: MatchingRule
  shortlist: ShortlistedStartup[]
  commitments: ActiveCommitment[]
  pledges: PledgeView[]
  matching: MatchingResult
}

/** Everything the matching rule needs, and what it makes of it. */
export async function roundPool(db: DbOrTx, round: Round): Promise<RoundPool> {
  const [shortlist, pledgeRows] = await Promise.all([shortlistOf(db, round.id), roundPledges(db, round.id)])
  const commitments = await activeCommitmentsOf(
    db,
    shortlist.map((entry) => entry.applicationId),
  )
  const rule = matchingRuleOf(round)
  const funds = pledgeRows.filter((pledge) => pledge.matchesCommitments)
  const matching = computeMatching({
    rule,
    fundPledgeCents: funds.reduce((sum, pledge) => sum + pledge.pledgeCents, 0),
    fundIds: funds.map((pledge) => pledge.investorOrganisationId),
    startups: shortlist.map((entry) => ({
      applicationId: entry.applicationId,
      country: entry.country,
      commitments: commitments
        .filter((c) => c.applicationId === entry.applicationId)
        .map((c) => ({ investorOrganisationId: c.investorOrganisationId, investorCountry: c.investorCountry, amountCents: c.amountCents, at: c.updatedAt, withdrawn: false })),
    })),
  })
  const pledges = pledgeRows.map((pledge) => {
    const committedCents = commitments.filter((c) => c.investorOrganisationId === pledge.investorOrganisationId).reduce((sum, c) => sum + c.amountCents, 0)
    return { ...pledge, committedCents, leftCents: Math.max(0, pledge.pledgeCents - committedCents) }
  })
  return { rule, shortlist, commitments, pledges, matching }
}

/** The published titles of proposals for a reader of `locale` (else in their original language), by proposal id. */
export async function publishedTitles(db: DbOrTx, proposalIds: string[], locale: Locale): Promise<Map<string, string>> {
  if (proposalIds.length === 0) return new Map()
  const rows = await db
    .select({ id: proposals.id, snapshot: proposalVersions.snapshot })
    .from(proposals)
    .innerJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(inArray(proposals.id, proposalIds))
  return new Map(rows.map(({ id, snapshot }) => [id, snapshotTitle(snapshot, locale).title ?? '']))
}

/** A shortlisted startup as the public round page shows it: conditions and matched amount only. */
export interface PanelStartup {
  name: string
  slug: string
  country: string
  conditions: MatchConditions
  qualifies: boolean
  matchedCents: number
  servedAs: number | null
}

export interface MatchingPanel {
  rule: MatchingRule
  startups: PanelStartup[]
}

/**
 * The public round page's matching panel, once the shortlist is out (shortlisted or closed);
 * null before. Nothing of who committed what.
 */
export async function publicMatchingPanel(db: DbOrTx, round: Round): Promise<MatchingPanel | null> {
  if (round.status !== 'shortlisted' && round.status !== 'closed') return null
  const pool = await roundPool(db, round)
  return {
    rule: pool.rule,
    startups: pool.shortlist.map((entry, index) => {
      const match = pool.matching.startups[index]!
      return {
        name: entry.name,
        slug: entry.slug,
        country: entry.country,
        conditions: match.conditions,
        qualifies: match.qualifies,
        matchedCents: match.matchedCents,
        servedAs: match.servedAs,
      }
    }),
  }
}

/**
 * The round and the actor's investor organisations that take part in it; a 404 for a draft round
 * and for anyone whose organisation pledged nothing to it.
 */
export async function requirePoolParticipant(db: DbOrTx, actor: Actor, slug: string | undefined): Promise<{ round: Round; organisationIds: string[] }> {
  const round = slug ? await findRoundBySlug(db, slug) : null
  if (!round || round.status === 'draft') throw notFound()
  const organisationIds = await participatingOrganisationsOf(db, actor, round.id)
  if (organisationIds.length === 0) throw notFound()
  return { round, organisationIds }
}

/** A shortlisted startup with the published title of its proposal and what the matching rule makes of it. */
export type ShortlistMatch = ShortlistedStartup & StartupMatch & { title: string }

/** The shortlist of `pool` in order, each with its title in `locale` and its match. */
export async function shortlistMatches(db: DbOrTx, pool: RoundPool, locale: Locale): Promise<ShortlistMatch[]> {
  const titles = await publishedTitles(
    db,
    pool.shortlist.map((entry) => entry.proposalId),
    locale,
  )
  return pool.shortlist.map((entry, index) => ({ ...entry, ...pool.matching.startups[index]!, title: titles.get(entry.proposalId) ?? '' }))
}

/** The pool page of one participating organisation: its pledge, the shortlist with conditions and matched amounts, its commitments. */
export async function participantPool(db: DbOrTx, round: Round, organisationId: string, locale: Locale) {
  const pool = await roundPool(db, round)
  const startups = await shortlistMatches(db, pool, locale)
  return {
    canCommit: round.status === 'shortlisted',
    rule: pool.rule,
    pledge: pool.pledges.find((p) => p.investorOrganisationId === organisationId)!,
    pool: pool.matching.totals,
    startups: startups.map((startup) => {
      const mine = pool.commitments.find((c) => c.applicationId === startup.applicationId && c.investorOrganisationId === organisationId)
      return { ...startup, mine: mine ? { amountCents: mine.amountCents, updatedAt: mine.updatedAt } : null }
    }),
  }
}

export interface CommitmentTarget {
  organisationId: string
  applicationId: string
}

/**
 * Checks, in the transaction, that the organisation takes part (else a 404), that the round is
 * shortlisted and that the application is one of its shortlisted ones (else a 404), and locks the
 * organisation's pledge so that its commitments are changed one at a time.
 */
async function lockTarget(tx: DbOrTx, actor: Actor, round: Round, target: CommitmentTarget): Promise<{ pledgeCents: number }> {
  const participating = await participatingOrganisationsOf(tx, actor, round.id)
  if (!participating.includes(target.organisationId)) throw notFound()
  const [pledge] = await tx
    .select({ pledgeCents: poolPledges.pledgeCents })
    .from(poolPledges)
    .where(and(eq(poolPledges.roundId, round.id), eq(poolPledges.investorOrganisationId, target.organisationId)))
    .for('update')
  const [current] = await tx.select({ status: rounds.status }).from(rounds).where(eq(rounds.id, round.id))
  if (!pledge || !current) throw notFound()
  if (current.status !== 'shortlisted') throw new RoundRuleError(current.status === 'closed' ? 'pool.errors.roundClosed' : 'pool.errors.notShortlistedYet', undefined, 409)
  const [application] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.id, target.applicationId), eq(applications.roundId, round.id), eq(applications.status, 'shortlisted')))
  if (!application) throw notFound()
  return pledge
}

/**
 * Records the organisation's soft commitment to a shortlisted application, or changes the amount
 * of its active one. Refused when the organisation's active commitments in the round would exceed
 * its pledge.
 */
export async function commitToApplication(
  db: Db,
  actor: Actor,
  round: Round,
  input: CommitmentTarget & { amount: number },
  now = new Date(),
): Promise<'recorded' | 'changed'> {
  const amountCents = input.amount * 100
  return db.transaction(async (tx) => {
    const { pledgeCents } = await lockTarget(tx, actor, round, input)
    const [elsewhere] = await tx
      .select({ cents: sql<string>`coalesce(sum(${roundCommitments.amountCents}), 0)` })
      .from(roundCommitments)
      .innerJoin(applications, eq(applications.id, roundCommitments.applicationId))
      .where(
        and(
          eq(applications.roundId, round.id),
          eq(roundCommitments.investorOrganisationId, input.organisationId),
          ne(roundCommitments.applicationId, input.applicationId),
          isNull(roundCommitments.withdrawnAt),
        ),
      )
    if (Number(elsewhere!.cents) + amountCents > pledgeCents) throw new RoundRuleError('pool.errors.overPledge', 'amount')
    const active = and(
      eq(roundCommitments.applicationId, input.applicationId),
      eq(roundCommitments.investorOrganisationId, input.organisationId),
      isNull(roundCommitments.withdrawnAt),
    )
    const changed = await tx.update(roundCommitments).set({ amountCents, updatedAt: now }).where(active).returning({ id: roundCommitments.id })
    if (changed.length > 0) return 'changed'
    await tx.insert(roundCommitments).values({
      applicationId: input.applicationId,
      investorOrganisationId: input.organisationId,
      amountCents,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    return 'recorded'
  })
}

/** Withdraws the organisation's active commitment to the application. */
export async function withdrawRoundCommitment(db: Db, actor: Actor, round: Round, input: CommitmentTarget, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTarget(tx, actor, round, input)
    const withdrawn = await tx
      .update(roundCommitments)
      .set({ withdrawnAt: now, updatedAt: now })
      .where(
        and(
          eq(roundCommitments.applicationId, input.applicationId),
          eq(roundCommitments.investorOrganisationId, input.organisationId),
          isNull(roundCommitments.withdrawnAt),
        ),
      )
      .returning({ id: roundCommitments.id })
    if (withdrawn.length === 0) throw new RoundRuleError('pool.errors.nothingToWithdraw', undefined, 409)
  })
}
