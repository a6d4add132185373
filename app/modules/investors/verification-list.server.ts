import { asc, count, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import { forbidden } from '~/modules/accounts/guards.server'
import type { DbOrTx } from '../../../db/client'
import { investorProfiles, investorVerificationRequests, memberships, organisations, users } from '../../../db/schema'
import { verificationHolds } from './verification.server'

const verifier = alias(users, 'verifier')
const requester = alias(users, 'requester')

function memberCounts(db: DbOrTx) {
  return db
    .select({
      organisationId: memberships.organisationId,
      members: count().as('members'),
    })
    .from(memberships)
    .groupBy(memberships.organisationId)
    .as('member_counts')
}

/**
 * What an organiser works through on /organiser/investors: the pending verification requests,
 * oldest first, and every investor organisation with where its verification stands.
 */
export async function listInvestorsForVerification(db: DbOrTx, actor: Actor) {
  if (!isOrganiser(actor) || !actor.emailVerified) throw forbidden()
  const counts = memberCounts(db)
  const requests = await db
    .select({
      id: investorVerificationRequests.id,
      organisationId: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      country: organisations.country,
      type: investorProfiles.type,
      category: investorVerificationRequests.category,
      createdAt: investorVerificationRequests.createdAt,
      requestedBy: requester.name,
      /** A renewal: the organisation is verified now and asks before its verification lapses. */
      renewal: sql<boolean>`coalesce(${verificationHolds}, false)`,
      members: sql<number>`coalesce(${counts.members}, 0)::int`,
    })
    .from(investorVerificationRequests)
    .innerJoin(organisations, eq(organisations.id, investorVerificationRequests.organisationId))
    .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .leftJoin(requester, eq(requester.id, investorVerificationRequests.requestedBy))
    .leftJoin(counts, eq(counts.organisationId, organisations.id))
    .where(eq(investorVerificationRequests.status, 'pending'))
    .orderBy(asc(investorVerificationRequests.createdAt), asc(investorVerificationRequests.id))

  const investors = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      country: organisations.country,
      suspended: sql<boolean>`${organisations.suspendedAt} is not null`,
      type: investorProfiles.type,
      verified: sql<boolean>`coalesce(${verificationHolds}, false)`,
      verifiedAt: investorProfiles.verifiedAt,
      expiresAt: investorProfiles.verificationExpiresAt,
      category: investorProfiles.investorCategory,
      verifiedBy: verifier.name,
      listed: investorProfiles.listed,
      members: sql<number>`coalesce(${counts.members}, 0)::int`,
    })
    .from(organisations)
    .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .leftJoin(verifier, eq(verifier.id, investorProfiles.verifiedBy))
    .leftJoin(counts, eq(counts.organisationId, organisations.id))
    .where(eq(organisations.kind, 'investor'))
    .orderBy(sql`coalesce(${verificationHolds}, false) desc`, asc(organisations.name), asc(organisations.id))
  return { requests, investors }
}

export type VerificationRequestRow = Awaited<ReturnType<typeof listInvestorsForVerification>>['requests'][number]
export type InvestorForVerification = Awaited<ReturnType<typeof listInvestorsForVerification>>['investors'][number]
