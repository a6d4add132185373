import { asc, count, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import { forbidden } from '~/modules/accounts/guards.server'
import type { DbOrTx } from '../../../db/client'
import { investorProfiles, memberships, organisations, users } from '../../../db/schema'

const verifier = alias(users, 'verifier')

/**
 * Investor organisations for an organiser to verify: those waiting first, then the verified
 * ones, each by name; with who verified them and when.
 */
export async function listInvestorsForVerification(db: DbOrTx, actor: Actor) {
  if (!isOrganiser(actor) || !actor.emailVerified) throw forbidden()
  const memberCounts = db
    .select({ organisationId: memberships.organisationId, members: count().as('members') })
    .from(memberships)
    .groupBy(memberships.organisationId)
    .as('member_counts')
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      country: organisations.country,
      createdAt: organisations.createdAt,
      suspended: sql<boolean>`${organisations.suspendedAt} is not null`,
      type: investorProfiles.type,
      verifiedAt: investorProfiles.verifiedAt,
      verifiedBy: verifier.name,
      members: sql<number>`coalesce(${memberCounts.members}, 0)::int`,
    })
    .from(organisations)
    .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .leftJoin(verifier, eq(verifier.id, investorProfiles.verifiedBy))
    .leftJoin(memberCounts, eq(memberCounts.organisationId, organisations.id))
    .where(eq(organisations.kind, 'investor'))
    .orderBy(sql`${investorProfiles.verifiedAt} is not null`, asc(organisations.name), asc(organisations.id))
}

export type InvestorForVerification = Awaited<ReturnType<typeof listInvestorsForVerification>>[number]
