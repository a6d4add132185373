import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { investorProfiles } from '../../../db/schema'
import type { Actor, ActorMembership } from '../accounts/actor'

/**
 * The acting person's membership of an investor organisation that an organiser has verified,
 * or null. Only verified investors see the verified tier of proposals and their data rooms.
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
        isNotNull(investorProfiles.verifiedAt),
      ),
    )
  const ids = new Set(verified.map((row) => row.organisationId))
  return investorMemberships.find((m) => ids.has(m.organisationId)) ?? null
}

/** Marks an investor organisation verified (or not) by an organiser. The full verification flow comes with the investor capability. */
export async function setInvestorVerified(db: DbOrTx, organiser: Actor, organisationId: string, verified: boolean): Promise<boolean> {
  const rows = await db
    .update(investorProfiles)
    .set(verified ? { verifiedAt: new Date(), verifiedBy: organiser.userId } : { verifiedAt: null, verifiedBy: null })
    .where(eq(investorProfiles.organisationId, organisationId))
    .returning({ id: investorProfiles.organisationId })
  return rows.length > 0
}
