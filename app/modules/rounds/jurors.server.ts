/**
 * A round's jury: organisers invite people by email, each as a member of an investor
 * organisation (verified, picked from a list) or as an independent expert. The invitation email
 * (a job) carries a link with a fresh token, stored only as its hash, as organisation
 * invitations do; the person signs in or signs up with the invited address and accepts, which
 * gives the seat its user. Organisers resend a pending invitation (a new link; the old one stops
 * working) and remove jurors. A removed juror's link and seat stop working; inviting the address
 * again starts over. The jury changes until the shortlist.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Actor } from '~/modules/accounts/actor'
import { forbidden, notFound } from '~/modules/accounts/guards.server'
import { hashToken } from '~/modules/accounts/tokens.server'
import { enqueue } from '~/modules/jobs/queue.server'
import { consumeRateLimit } from '~/modules/security/rate-limit.server'
import type { DbOrTx, Tx } from '../../../db/client'
import { organisations, roundJurors, rounds, users } from '../../../db/schema'
import { lockRoundFor, type JurorSeat } from './access.server'
import { verifiedInvestorOptions } from './pledges.server'
import { RoundRuleError } from './round-rule-error'
import { canEditSection, type InviteJurorInput } from './schemas'

const e = (key: string) => `rounds.errors.${key}`

/** How many jury invitation emails (new and resent) one round may send a day. */
export const JURY_EMAILS_PER_DAY = 100

export type JurorStatus = 'invited' | 'accepted' | 'removed'

export function jurorStatus(seat: Pick<JurorSeat, 'acceptedAt' | 'removedAt'>): JurorStatus {
  if (seat.removedAt) return 'removed'
  return seat.acceptedAt ? 'accepted' : 'invited'
}

const investorOrganisation = alias(organisations, 'investor_organisation')

/** The round's jurors (removed ones aside) in the order they were invited, with the organisation each sits for. */
export function roundJury(db: DbOrTx, roundId: string) {
  return db
    .select({
      id: roundJurors.id,
      kind: roundJurors.kind,
      name: roundJurors.name,
      email: roundJurors.email,
      organisationName: investorOrganisation.name,
      invitedAt: roundJurors.invitedAt,
      acceptedAt: roundJurors.acceptedAt,
    })
    .from(roundJurors)
    .leftJoin(investorOrganisation, eq(investorOrganisation.id, roundJurors.investorOrganisationId))
    .where(and(eq(roundJurors.roundId, roundId), isNull(roundJurors.removedAt)))
    .orderBy(asc(roundJurors.invitedAt), asc(roundJurors.id))
}
export type JuryMember = Awaited<ReturnType<typeof roundJury>>[number]

/** Queues the invitation email within the round's daily allowance (counted in the caller's transaction). */
async function enqueueJuryEmail(tx: Tx, roundId: string, jurorId: string) {
  const rule = { key: `jury-invitations:round:${roundId}`, limit: JURY_EMAILS_PER_DAY, windowSeconds: 24 * 60 * 60 }
  if (!(await consumeRateLimit(tx, rule)).allowed) throw new RoundRuleError(e('tooManyJuryInvitations'), undefined, 429)
  await enqueue(tx, 'email.jury-invitation', { jurorId }, { jobKey: `jury-invite:${jurorId}` })
}

async function lockJuryOf(tx: Tx, actor: Actor, roundId: string) {
  const round = await lockRoundFor(tx, actor, roundId)
  if (!canEditSection('jury', round.status)) throw new RoundRuleError(e('juryLocked'), undefined, 409)
  return round
}

/** Invites a person to the round's jury and emails them the link. */
export async function inviteJuror(db: DbOrTx, actor: Actor, roundId: string, input: InviteJurorInput): Promise<{ jurorId: string }> {
  return db.transaction(async (tx) => {
    await lockJuryOf(tx, actor, roundId)
    if (input.investorOrganisationId && (await verifiedInvestorOptions(tx, input.investorOrganisationId)).length === 0) {
      throw new RoundRuleError(e('jurorOrganisationInvalid'), 'investorOrganisationId')
    }
    const email = input.email.toLowerCase()
    const [existing] = await tx
      .select()
      .from(roundJurors)
      .where(and(eq(roundJurors.roundId, roundId), sql`lower(${roundJurors.email}) = ${email}`))
    if (existing && !existing.removedAt) throw new RoundRuleError(e('jurorAlreadyInvited'), 'email')
    const values = {
      kind: input.kind,
      name: input.name,
      email,
      investorOrganisationId: input.investorOrganisationId,
      invitedBy: actor.userId,
      invitedAt: new Date(),
      userId: null,
      acceptedAt: null,
      removedAt: null,
      tokenHash: null,
    }
    let jurorId: string
    if (existing) {
      await tx.update(roundJurors).set(values).where(eq(roundJurors.id, existing.id))
      jurorId = existing.id
    } else {
      const [created] = await tx
        .insert(roundJurors)
        .values({ roundId, ...values })
        .returning({ id: roundJurors.id })
      jurorId = created!.id
    }
    await enqueueJuryEmail(tx, roundId, jurorId)
    return { jurorId }
  })
}

async function lockSeat(tx: Tx, roundId: string, jurorId: string): Promise<JurorSeat> {
  const [seat] = await tx
    .select()
    .from(roundJurors)
    .where(and(eq(roundJurors.id, jurorId), eq(roundJurors.roundId, roundId), isNull(roundJurors.removedAt)))
    .for('update')
  if (!seat) throw new RoundRuleError(e('jurorUnknown'))
  return seat
}

/** Sends a pending invitation again, with a new link (the previous one stops working). */
export async function resendJuryInvitation(db: DbOrTx, actor: Actor, roundId: string, jurorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockJuryOf(tx, actor, roundId)
    const seat = await lockSeat(tx, roundId, jurorId)
    if (seat.acceptedAt) throw new RoundRuleError(e('jurorAlreadyAccepted'))
    await enqueueJuryEmail(tx, roundId, seat.id)
  })
}

/** Takes a juror off the jury: their seat and link stop working. */
export async function removeJuror(db: DbOrTx, actor: Actor, roundId: string, jurorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockJuryOf(tx, actor, roundId)
    const seat = await lockSeat(tx, roundId, jurorId)
    await tx.update(roundJurors).set({ removedAt: new Date(), tokenHash: null }).where(eq(roundJurors.id, seat.id))
  })
}

const inviter = alias(users, 'inviter')

/** What the page of a jury invitation link shows; null for a link that leads nowhere (unknown, replaced or withdrawn). */
export async function findJuryInvitationByToken(db: DbOrTx, token: string) {
  if (!token || token.length > 200) return null
  const [row] = await db
    .select({
      id: roundJurors.id,
      email: roundJurors.email,
      name: roundJurors.name,
      kind: roundJurors.kind,
      acceptedAt: roundJurors.acceptedAt,
      userId: roundJurors.userId,
      organisationName: investorOrganisation.name,
      invitedBy: inviter.name,
      roundSlug: rounds.slug,
      roundName: rounds.name,
      roundStatus: rounds.status,
      closesAt: rounds.closesAt,
      timeZone: rounds.timeZone,
      organiserName: organisations.name,
    })
    .from(roundJurors)
    .innerJoin(rounds, eq(rounds.id, roundJurors.roundId))
    .innerJoin(organisations, eq(organisations.id, rounds.organiserOrganisationId))
    .leftJoin(investorOrganisation, eq(investorOrganisation.id, roundJurors.investorOrganisationId))
    .leftJoin(inviter, eq(inviter.id, roundJurors.invitedBy))
    .where(and(eq(roundJurors.tokenHash, hashToken(token)), isNull(roundJurors.removedAt)))
  return row ?? null
}
export type JuryInvitation = NonNullable<Awaited<ReturnType<typeof findJuryInvitationByToken>>>

/**
 * Accepts a jury invitation addressed to the acting person (verified email, the same address):
 * the seat gets the person. Accepting twice is harmless; a jury that can no longer change (the
 * round shortlisted or closed) takes nobody new.
 */
export async function acceptJuryInvitation(db: DbOrTx, actor: Actor, jurorId: string): Promise<{ roundSlug: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ seat: roundJurors, roundSlug: rounds.slug, roundStatus: rounds.status })
      .from(roundJurors)
      .innerJoin(rounds, eq(rounds.id, roundJurors.roundId))
      .where(and(eq(roundJurors.id, jurorId), isNull(roundJurors.removedAt)))
      .for('update', { of: roundJurors })
    if (!row) throw notFound()
    if (!actor.emailVerified || row.seat.email.toLowerCase() !== actor.email.toLowerCase()) throw forbidden()
    if (row.seat.acceptedAt && row.seat.userId === actor.userId) return { roundSlug: row.roundSlug }
    if (!canEditSection('jury', row.roundStatus)) throw new RoundRuleError(e('juryLocked'), undefined, 409)
    await tx.update(roundJurors).set({ userId: actor.userId, acceptedAt: new Date() }).where(eq(roundJurors.id, row.seat.id))
    return { roundSlug: row.roundSlug }
  })
}
