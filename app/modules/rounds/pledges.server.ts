/**
 * Participating investor organisations and the pool each pledges to a round (euros, as cents),
 * one of them possibly the matching fund (a public or pooled fund whose pledge tops up private
 * commitments under the round's rule). Only investor organisations whose verification holds
 * take part. Pledges change until the round is closed; a pledge is not taken back once its
 * investor has committed to an application of the round.
 */
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { verificationHolds } from '~/modules/investors/verification.server'
import type { DbOrTx, Tx } from '../../../db/client'
import { applications, investorProfiles, organisations, poolPledges, roundCommitments } from '../../../db/schema'
import { lockRoundFor } from './access.server'
import { RoundRuleError } from './round-rule-error'
import { canEditSection, type PledgeInput } from './schemas'

const e = (key: string) => `rounds.errors.${key}`

/** Verified investor organisations an organiser may add to a round (or seat a juror for), by name; or just the one of `id`. */
export function verifiedInvestorOptions(db: DbOrTx, id?: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country })
    .from(organisations)
    .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .where(and(eq(organisations.kind, 'investor'), isNull(organisations.suspendedAt), verificationHolds, id ? eq(organisations.id, id) : undefined))
    .orderBy(asc(organisations.name))
}

/** The round's participating investors with their pledges, largest first. */
export function roundPledges(db: DbOrTx, roundId: string) {
  return db
    .select({
      investorOrganisationId: poolPledges.investorOrganisationId,
      name: organisations.name,
      slug: organisations.slug,
      country: organisations.country,
      pledgeCents: poolPledges.pledgeCents,
      matchesCommitments: poolPledges.matchesCommitments,
    })
    .from(poolPledges)
    .innerJoin(organisations, eq(organisations.id, poolPledges.investorOrganisationId))
    .where(eq(poolPledges.roundId, roundId))
    .orderBy(asc(organisations.name))
}
export type RoundPledge = Awaited<ReturnType<typeof roundPledges>>[number]

async function lockPoolOf(tx: Tx, actor: Actor, roundId: string) {
  const round = await lockRoundFor(tx, actor, roundId)
  if (!canEditSection('pool', round.status)) throw new RoundRuleError(e('roundClosed'), undefined, 409)
  return round
}

/** Adds a verified investor organisation to the round with its pledge, or changes its pledge. */
export async function setPledge(db: DbOrTx, actor: Actor, roundId: string, input: PledgeInput): Promise<void> {
  await db.transaction(async (tx) => {
    await lockPoolOf(tx, actor, roundId)
    const [investor] = await verifiedInvestorOptions(tx, input.investorOrganisationId)
    if (!investor) throw new RoundRuleError(e('investorNotVerified'), 'investorOrganisationId')
    const values = { pledgeCents: input.pledge, matchesCommitments: input.matchesCommitments, updatedAt: new Date() }
    await tx
      .insert(poolPledges)
      .values({ roundId, investorOrganisationId: investor.id, ...values })
      .onConflictDoUpdate({ target: [poolPledges.roundId, poolPledges.investorOrganisationId], set: values })
  })
}

/** Takes an investor organisation out of the round, unless it has committed to one of its applications. */
export async function removePledge(db: DbOrTx, actor: Actor, roundId: string, investorOrganisationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockPoolOf(tx, actor, roundId)
    const [commitment] = await tx
      .select({ id: roundCommitments.id })
      .from(roundCommitments)
      .innerJoin(applications, eq(applications.id, roundCommitments.applicationId))
      .where(and(eq(applications.roundId, roundId), eq(roundCommitments.investorOrganisationId, investorOrganisationId), isNull(roundCommitments.withdrawnAt)))
      .limit(1)
    if (commitment) throw new RoundRuleError(e('pledgeHasCommitments'), undefined, 409)
    const removed = await tx
      .delete(poolPledges)
      .where(and(eq(poolPledges.roundId, roundId), eq(poolPledges.investorOrganisationId, investorOrganisationId)))
      .returning({ id: poolPledges.investorOrganisationId })
    if (removed.length === 0) throw new RoundRuleError(e('pledgeUnknown'), undefined, 400)
  })
}
