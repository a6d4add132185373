import { and, count, desc, gt, isNull, sql } from 'drizzle-orm'
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import { forbidden } from '~/modules/accounts/guards.server'
import type { DbOrTx } from '../../../db/client'
import { invitations, organisations, users } from '../../../db/schema'

/** Headline figures for organisers and admins: people, organisations by kind, open invitations. */
export async function getPlatformCounts(db: DbOrTx, actor: Actor) {
  if (!isOrganiser(actor)) throw forbidden()
  const [people] = await db.select({ total: count() }).from(users)
  const [orgs] = await db
    .select({
      startup: sql<number>`count(*) filter (where ${organisations.kind} = 'startup')`.mapWith(Number),
      investor: sql<number>`count(*) filter (where ${organisations.kind} = 'investor')`.mapWith(Number),
      organiser: sql<number>`count(*) filter (where ${organisations.kind} = 'organiser')`.mapWith(Number),
    })
    .from(organisations)
  const [open] = await db
    .select({ total: count() })
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
  return {
    users: people?.total ?? 0,
    organisations: { startup: orgs?.startup ?? 0, investor: orgs?.investor ?? 0, organiser: orgs?.organiser ?? 0 },
    pendingInvitations: open?.total ?? 0,
  }
}

/** The people who joined most recently (admins only). */
export async function listLatestUsers(db: DbOrTx, actor: Actor, limit = 20) {
  if (!actor.isAdmin) throw forbidden()
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      createdAt: users.createdAt,
      emailVerifiedAt: users.emailVerifiedAt,
      isAdmin: users.isAdmin,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit)
}
