import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { forbidden, notFound } from '~/modules/accounts/guards.server'
import { notify } from '~/modules/notifications/notify.server'
import { OrganisationRuleError } from '~/modules/organisations/rule-error'
import type { Db, DbOrTx } from '../../../db/client'
import { investorProfiles, investorVerificationRequests, memberships, organisations, users } from '../../../db/schema'
import { isOrganiser, type Actor, type ActorMembership } from '../accounts/actor'
import type { VerificationRequestInput } from './verification-schemas'

/**
 * Investor verification: an investor organisation's owner or admin asks, declaring its category
 * and acknowledging the risk warning; an organiser approves (for two years) or declines with a
 * reason, and may later revoke. Only a verification that holds opens the verified tier.
 */

/** How long an approval lasts. */
export const VERIFICATION_YEARS = 2
/** How long before the expiry an investor may ask again. */
export const RENEWAL_WINDOW_DAYS = 60

/**
 * SQL: the profile's verification holds now: approved, not revoked, not lapsed. A verification
 * without an expiry (set before verification requests existed) does not lapse.
 */
export const verificationHolds: SQL = sql`(${investorProfiles.verifiedAt} is not null and (${investorProfiles.verificationExpiresAt} is null or ${investorProfiles.verificationExpiresAt} > now()))`

/**
 * The acting person's membership of an investor organisation whose verification holds, or
 * null. Only verified investors see the verified tier of proposals and their data rooms.
 */
export async function getVerifiedInvestorMembership(db: DbOrTx, actor: Actor | null): Promise<ActorMembership | null> {
  if (!actor || !actor.emailVerified) return null
  const investorMemberships = actor.memberships.filter((m) => m.kind === 'investor')
  if (investorMemberships.length === 0) return null
  const verified = await db
    .select({ organisationId: investorProfiles.organisationId })
    .from(investorProfiles)
    .where(
      and(
        inArray(
          investorProfiles.organisationId,
          investorMemberships.map((m) => m.organisationId),
        ),
        verificationHolds,
      ),
    )
  const ids = new Set(verified.map((row) => row.organisationId))
  return investorMemberships.find((m) => ids.has(m.organisationId)) ?? null
}

export type VerificationState = 'unverified' | 'pending' | 'verified' | 'lapsed' | 'declined' | 'revoked'

/** Where an investor organisation stands, as its members see it; null for no investor organisation. */
export async function getVerificationStatus(db: DbOrTx, organisationId: string, now = new Date()) {
  const [profile] = await db
    .select({
      verifiedAt: investorProfiles.verifiedAt,
      expiresAt: investorProfiles.verificationExpiresAt,
      category: investorProfiles.investorCategory,
    })
    .from(investorProfiles)
    .innerJoin(organisations, eq(organisations.id, investorProfiles.organisationId))
    .where(and(eq(investorProfiles.organisationId, organisationId), eq(organisations.kind, 'investor')))
  if (!profile) return null
  const history = await db
    .select({
      id: investorVerificationRequests.id,
      category: investorVerificationRequests.category,
      status: investorVerificationRequests.status,
      createdAt: investorVerificationRequests.createdAt,
      decidedAt: investorVerificationRequests.decidedAt,
      reason: investorVerificationRequests.reason,
      requestedBy: users.name,
    })
    .from(investorVerificationRequests)
    .leftJoin(users, eq(users.id, investorVerificationRequests.requestedBy))
    .where(eq(investorVerificationRequests.organisationId, organisationId))
    .orderBy(desc(investorVerificationRequests.createdAt), desc(investorVerificationRequests.id))
    .limit(10)
  const pending = history.find((request) => request.status === 'pending') ?? null
  const lastDecided = history.find((request) => request.status !== 'pending' && request.status !== 'withdrawn') ?? null
  const holds = profile.verifiedAt !== null && (profile.expiresAt === null || profile.expiresAt > now)
  let state: VerificationState
  if (pending) state = 'pending'
  else if (holds) state = 'verified'
  else if (profile.verifiedAt && profile.expiresAt) state = 'lapsed'
  else if (lastDecided?.status === 'declined' || lastDecided?.status === 'revoked') state = lastDecided.status
  else state = 'unverified'
  const renewalOpensAt = profile.expiresAt ? new Date(profile.expiresAt.getTime() - RENEWAL_WINDOW_DAYS * 86_400_000) : null
  const canRequest = state !== 'pending' && (state !== 'verified' || (renewalOpensAt !== null && renewalOpensAt <= now))
  return {
    state,
    canRequest,
    category: holds ? profile.category : null,
    verifiedAt: profile.verifiedAt,
    expiresAt: profile.expiresAt,
    renewalOpensAt,
    /** Why the last request was declined, or the verification revoked. */
    reason: state === 'declined' || state === 'revoked' ? (lastDecided?.reason ?? null) : null,
    pending,
    history,
  }
}

export type VerificationStatus = NonNullable<Awaited<ReturnType<typeof getVerificationStatus>>>

/** An owner or admin of the investor organisation asks to be verified (one pending request at a time). */
export async function requestVerification(db: Db, actor: Actor, membership: ActorMembership, input: VerificationRequestInput): Promise<void> {
  if (membership.kind !== 'investor') throw notFound()
  if (membership.role === 'member') throw forbidden()
  await db.transaction(async (tx) => {
    // One request at a time per organisation: concurrent asks wait here, then see the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`verification:${membership.organisationId}`}))`)
    const status = await getVerificationStatus(tx, membership.organisationId)
    if (!status) throw notFound()
    if (status.state === 'pending') throw new OrganisationRuleError('investors.verification.errors.alreadyPending')
    if (!status.canRequest) throw new OrganisationRuleError('investors.verification.errors.alreadyVerified')
    await tx.insert(investorVerificationRequests).values({
      organisationId: membership.organisationId,
      category: input.category,
      riskAcknowledgedAt: new Date(),
      requestedBy: actor.userId,
    })
  })
}

/** Organisers decide; nobody decides on an organisation they belong to. */
function requireDecider(actor: Actor, organisationId: string) {
  if (!isOrganiser(actor) || !actor.emailVerified) throw forbidden()
  if (actor.memberships.some((m) => m.organisationId === organisationId)) throw forbidden('You cannot decide on your own organisation.')
}

async function membersOf(tx: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organisationId, organisationId))
  return rows.map((row) => row.userId)
}

async function tellMembers(tx: DbOrTx, organisationId: string, decision: 'approved' | 'declined' | 'revoked', reason: string | null) {
  const [organisation] = await tx.select({ name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.id, organisationId))
  if (!organisation) return
  await notify(tx, {
    userIds: await membersOf(tx, organisationId),
    kind: 'verification.decided',
    // `context` picks the decision's texts (title_approved, body_declined, ...).
    data: { context: decision, organisation: organisation.name, reason },
    link: `/organisations/${organisation.slug}/verification`,
  })
}

async function lockPendingRequest(tx: DbOrTx, requestId: string) {
  const [request] = await tx.select().from(investorVerificationRequests).where(eq(investorVerificationRequests.id, requestId)).for('update')
  if (!request) throw new OrganisationRuleError('investors.verification.errors.requestNotFound')
  if (request.status !== 'pending') throw new OrganisationRuleError('investors.verification.errors.alreadyDecided')
  return request
}

/** An organiser approves a pending request: the organisation is verified for two years, in the declared category. */
export async function approveVerification(db: Db, actor: Actor, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await lockPendingRequest(tx, requestId)
    requireDecider(actor, request.organisationId)
    const now = new Date()
    const expiresAt = new Date(now)
    expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + VERIFICATION_YEARS)
    await tx
      .update(investorVerificationRequests)
      .set({
        status: 'approved',
        decidedBy: actor.userId,
        decidedAt: now,
        reason: null,
      })
      .where(eq(investorVerificationRequests.id, request.id))
    await tx
      .update(investorProfiles)
      .set({
        verifiedAt: now,
        verifiedBy: actor.userId,
        verificationExpiresAt: expiresAt,
        investorCategory: request.category,
      })
      .where(eq(investorProfiles.organisationId, request.organisationId))
    await tellMembers(tx, request.organisationId, 'approved', null)
  })
}

/** An organiser declines a pending request, saying why (the investor reads the reason). */
export async function declineVerification(db: Db, actor: Actor, requestId: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await lockPendingRequest(tx, requestId)
    requireDecider(actor, request.organisationId)
    await tx
      .update(investorVerificationRequests)
      .set({
        status: 'declined',
        decidedBy: actor.userId,
        decidedAt: new Date(),
        reason,
      })
      .where(eq(investorVerificationRequests.id, request.id))
    await tellMembers(tx, request.organisationId, 'declined', reason)
  })
}

/** An organiser takes a verification back, saying why: the organisation no longer sees the verified tier. */
export async function revokeVerification(db: Db, actor: Actor, organisationId: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    requireDecider(actor, organisationId)
    const revoked = await tx
      .update(investorProfiles)
      .set({ verifiedAt: null })
      .where(and(eq(investorProfiles.organisationId, organisationId), verificationHolds))
      .returning({ id: investorProfiles.organisationId })
    if (revoked.length === 0) throw new OrganisationRuleError('investors.verification.errors.notVerified')
    const [approved] = await tx
      .select({ id: investorVerificationRequests.id })
      .from(investorVerificationRequests)
      .where(and(eq(investorVerificationRequests.organisationId, organisationId), eq(investorVerificationRequests.status, 'approved')))
      .orderBy(desc(investorVerificationRequests.decidedAt))
      .limit(1)
    const now = new Date()
    if (approved) {
      await tx
        .update(investorVerificationRequests)
        .set({
          status: 'revoked',
          decidedBy: actor.userId,
          decidedAt: now,
          reason,
        })
        .where(eq(investorVerificationRequests.id, approved.id))
    } else {
      // Verified before requests existed: the revocation is recorded as a request of its own.
      const [profile] = await tx
        .select({ category: investorProfiles.investorCategory })
        .from(investorProfiles)
        .where(eq(investorProfiles.organisationId, organisationId))
      await tx.insert(investorVerificationRequests).values({
        organisationId,
        category: profile?.category ?? 'non_sophisticated',
        riskAcknowledgedAt: now,
        status: 'revoked',
        decidedBy: actor.userId,
        decidedAt: now,
        reason,
      })
    }
    await tellMembers(tx, organisationId, 'revoked', reason)
  })
}
