import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { forbidden, notFound } from '~/modules/accounts/guards.server'
import { hashToken } from '~/modules/accounts/tokens.server'
import type { Locale } from '~/modules/i18n/locales'
import { enqueue } from '~/modules/jobs/queue.server'
import { consumeRateLimit } from '~/modules/security/rate-limit.server'
import type { DbOrTx, Tx } from '../../../db/client'
import { invitations, memberships, organisations, users } from '../../../db/schema'
import { lockOrganisationFor } from './members.server'
import { OrganisationRuleError } from './rule-error'
import type { InviteInput } from './schemas'

export const INVITATION_DAYS = 14

const expiryFromNow = () => new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000)

export type InvitationStatus = 'pending' | 'expired' | 'revoked' | 'accepted'

export function invitationStatus(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted'
  if (invitation.revokedAt) return 'revoked'
  if (invitation.expiresAt.getTime() <= Date.now()) return 'expired'
  return 'pending'
}

/** How many invitation emails (new and resent) one organisation may send a day: enough for any team, not for spam. */
export const INVITATION_EMAILS_PER_DAY = 100

/**
 * Sends (or re-sends) the invitation email, within the organisation's daily allowance; the job
 * mints the link's token when it runs. Counted in the caller's transaction, so a refused
 * change counts nothing.
 */
async function enqueueInvitationEmail(tx: Tx, organisationId: string, invitationId: string) {
  const rule = { key: `invitations:org:${organisationId}`, limit: INVITATION_EMAILS_PER_DAY, windowSeconds: 24 * 60 * 60 }
  if (!(await consumeRateLimit(tx, rule)).allowed) throw new OrganisationRuleError('organisations.errors.tooManyInvitations')
  await enqueue(tx, 'email.invitation', { invitationId }, { jobKey: `invite:${invitationId}` })
}

/**
 * Invites `email` into the organisation with `role`, in the inviter's language. Re-inviting an
 * address that already has an open invitation refreshes that invitation (role, language,
 * expiry) and sends it again. Only owners invite owners.
 */
export async function inviteMember(
  db: DbOrTx,
  actor: Actor,
  organisationId: string,
  input: Pick<InviteInput, 'email' | 'role'> & { locale: Locale },
): Promise<{ invitationId: string }> {
  const email = input.email.trim().toLowerCase()
  return db.transaction(async (tx) => {
    const actorRole = await lockOrganisationFor(tx, actor, organisationId, { manage: true })
    if (input.role === 'owner' && actorRole !== 'owner') throw forbidden()
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, organisationId), eq(users.email, email)))
    if (member) throw new OrganisationRuleError('organisations.errors.alreadyMember', 'email')
    const values = { role: input.role, locale: input.locale, invitedBy: actor.userId, expiresAt: expiryFromNow() }
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.organisationId, organisationId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .limit(1)
    let invitationId: string
    if (open) {
      await tx.update(invitations).set(values).where(eq(invitations.id, open.id))
      invitationId = open.id
    } else {
      const [created] = await tx
        .insert(invitations)
        .values({ organisationId, email, ...values })
        .returning({ id: invitations.id })
      invitationId = created!.id
    }
    await enqueueInvitationEmail(tx, organisationId, invitationId)
    return { invitationId }
  })
}

async function findOpenInvitation(tx: Tx, organisationId: string, invitationId: string) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId)))
    .for('update')
  if (!invitation) throw new OrganisationRuleError('organisations.errors.invitationNotFound')
  if (invitation.acceptedAt || invitation.revokedAt) throw new OrganisationRuleError('organisations.errors.invitationClosed')
  return invitation
}

/** Sends an open invitation again with a fresh link, valid for another 14 days. */
export async function resendInvitation(db: DbOrTx, actor: Actor, organisationId: string, invitationId: string) {
  await db.transaction(async (tx) => {
    const actorRole = await lockOrganisationFor(tx, actor, organisationId, { manage: true })
    const invitation = await findOpenInvitation(tx, organisationId, invitationId)
    if (invitation.role === 'owner' && actorRole !== 'owner') throw forbidden()
    await tx.update(invitations).set({ expiresAt: expiryFromNow() }).where(eq(invitations.id, invitation.id))
    await enqueueInvitationEmail(tx, organisationId, invitation.id)
  })
}

/** Withdraws an open invitation: its link stops working. */
export async function revokeInvitation(db: DbOrTx, actor: Actor, organisationId: string, invitationId: string) {
  await db.transaction(async (tx) => {
    await lockOrganisationFor(tx, actor, organisationId, { manage: true })
    const invitation = await findOpenInvitation(tx, organisationId, invitationId)
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id))
  })
}

/** What the page of an invitation link shows: the organisation, the role, and the invitation's state. */
export async function findInvitationByToken(db: DbOrTx, token: string) {
  if (!token || token.length > 200) return null
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      organisationKind: organisations.kind,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashToken(token)))
  if (!row) return null
  return { ...row, status: invitationStatus(row) }
}

/**
 * Open invitations addressed to the acting person's email (shown on the dashboard). None until
 * the address is verified: anyone can sign up with someone else's address.
 */
export async function listInvitationsForActor(db: DbOrTx, actor: Actor) {
  if (!actor.emailVerified) return []
  return db
    .select({
      id: invitations.id,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.email, actor.email.toLowerCase()),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
        isNull(organisations.suspendedAt),
      ),
    )
    .orderBy(asc(invitations.createdAt))
}

/** Locks the invitation and checks it is addressed to the acting person; returns it. */
async function lockInvitationFor(tx: Tx, actor: Actor, invitationId: string) {
  const [invitation] = await tx
    .select({ invitation: invitations, slug: organisations.slug })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.id, invitationId))
    .for('update', { of: invitations })
  if (!invitation) throw notFound()
  if (!actor.emailVerified || invitation.invitation.email !== actor.email.toLowerCase()) throw forbidden()
  return invitation
}

const closedMessages = {
  expired: 'organisations.errors.invitationExpired',
  revoked: 'organisations.errors.invitationRevoked',
  accepted: 'organisations.errors.invitationUsed',
} as const

/**
 * Accepts an invitation addressed to the acting person (verified email): creates the
 * membership and marks the invitation used. Accepting twice is harmless.
 */
export async function acceptInvitation(db: DbOrTx, actor: Actor, invitationId: string): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const { invitation, slug } = await lockInvitationFor(tx, actor, invitationId)
    const status = invitationStatus(invitation)
    if (status === 'accepted' && invitation.acceptedBy === actor.userId) return { slug }
    if (status !== 'pending') throw new OrganisationRuleError(closedMessages[status])
    await tx
      .insert(memberships)
      .values({ organisationId: invitation.organisationId, userId: actor.userId, role: invitation.role })
      .onConflictDoNothing()
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: actor.userId })
      .where(eq(invitations.id, invitation.id))
    return { slug }
  })
}

/** Declines an invitation addressed to the acting person: it is closed and its link stops working. */
export async function declineInvitation(db: DbOrTx, actor: Actor, invitationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { invitation } = await lockInvitationFor(tx, actor, invitationId)
    const status = invitationStatus(invitation)
    if (status === 'revoked') return
    if (status !== 'pending') throw new OrganisationRuleError(closedMessages[status])
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id))
  })
}
