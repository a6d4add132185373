import { and, count, eq } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { forbidden, notFound } from '~/modules/accounts/guards.server'
import type { DbOrTx, Tx } from '../../../db/client'
import { memberships, organisations } from '../../../db/schema'
import { OrganisationRuleError } from './rule-error'
import type { Role } from './schemas'

/**
 * Locks the organisation for the rest of the transaction (so two requests cannot both remove
 * "the other" owner) and returns the acting person's current role in it, read afresh.
 * Non-members get a 404; members without management rights a 403 when `manage` is asked.
 */
export async function lockOrganisationFor(tx: Tx, actor: Actor, organisationId: string, options: { manage?: boolean } = {}) {
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for('update')
  if (!organisation) throw notFound()
  const [own] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, actor.userId)))
  if (!own) throw notFound()
  if (options.manage && own.role === 'member') throw forbidden()
  return own.role
}

async function countOwners(tx: Tx, organisationId: string): Promise<number> {
  const [row] = await tx
    .select({ owners: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'owner')))
  return row?.owners ?? 0
}

async function findMember(tx: Tx, organisationId: string, userId: string) {
  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
  if (!member) throw new OrganisationRuleError('organisations.errors.memberNotFound')
  return member
}

async function deleteMembership(tx: Tx, organisationId: string, userId: string) {
  await tx.delete(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
}

/**
 * Changes a member's role. Owners and admins manage members; only owners touch owners
 * (promote someone to owner, or change an owner's role); the last owner keeps the role.
 */
export async function changeMemberRole(db: DbOrTx, actor: Actor, organisationId: string, input: { userId: string; role: Role }) {
  await db.transaction(async (tx) => {
    const actorRole = await lockOrganisationFor(tx, actor, organisationId, { manage: true })
    const member = await findMember(tx, organisationId, input.userId)
    if (member.role === input.role) return
    if ((member.role === 'owner' || input.role === 'owner') && actorRole !== 'owner') throw forbidden()
    if (member.role === 'owner' && (await countOwners(tx, organisationId)) <= 1) {
      throw new OrganisationRuleError('organisations.errors.lastOwnerDemoted')
    }
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, input.userId)))
  })
}

/** Removes a member (only owners remove owners; the last owner stays). Removing oneself is leaving. */
export async function removeMember(db: DbOrTx, actor: Actor, organisationId: string, input: { userId: string }) {
  if (input.userId === actor.userId) return leaveOrganisation(db, actor, organisationId)
  await db.transaction(async (tx) => {
    const actorRole = await lockOrganisationFor(tx, actor, organisationId, { manage: true })
    const member = await findMember(tx, organisationId, input.userId)
    if (member.role === 'owner') {
      if (actorRole !== 'owner') throw forbidden()
      if ((await countOwners(tx, organisationId)) <= 1) throw new OrganisationRuleError('organisations.errors.lastOwnerRemoved')
    }
    await deleteMembership(tx, organisationId, input.userId)
  })
}

/** The acting person leaves the organisation; the last owner must first hand ownership over. */
export async function leaveOrganisation(db: DbOrTx, actor: Actor, organisationId: string) {
  await db.transaction(async (tx) => {
    const role = await lockOrganisationFor(tx, actor, organisationId)
    if (role === 'owner' && (await countOwners(tx, organisationId)) <= 1) {
      throw new OrganisationRuleError('organisations.errors.lastOwnerLeaves')
    }
    await deleteMembership(tx, organisationId, actor.userId)
  })
}
