import { and, asc, eq, isNull } from 'drizzle-orm'
import { forbidden, notFound } from '~/modules/accounts/guards.server'
import type { Actor } from '~/modules/accounts/actor'
import type { DbOrTx, Tx } from '../../../db/client'
import { insertWithUniqueSlug } from '../../../db/unique-slug'
import { invitations, investorProfiles, memberships, organisations, startupProfiles, users } from '../../../db/schema'
import type { CreateOrganisationInput } from './schemas'

/** Slugs that name pages of their own under /organisations/. */
const reservedSlugs = new Set(['new'])

/** A URL-safe version of a name: "Bioloxía Galega, S.L." -> "bioloxia-galega-s-l". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'organisation'
}

function insertOrganisation(tx: Tx, values: Omit<typeof organisations.$inferInsert, 'slug'>) {
  return insertWithUniqueSlug(tx, {
    table: organisations,
    slugColumn: organisations.slug,
    base: slugify(values.name),
    reserved: reservedSlugs,
    insert: async (slug) => {
      const [row] = await tx.insert(organisations).values({ ...values, slug }).onConflictDoNothing({ target: organisations.slug }).returning()
      return row
    },
  })
}

/**
 * Creates an organisation with its profile and makes the creator its owner, in one transaction.
 * Organiser organisations can only be created by platform admins.
 */
export async function createOrganisation(db: DbOrTx, actor: Actor, input: CreateOrganisationInput) {
  if (!actor.emailVerified) throw forbidden()
  if (input.kind === 'organiser' && !actor.isAdmin) throw forbidden()
  return db.transaction(async (tx) => {
    const organisation = await insertOrganisation(tx, {
      kind: input.kind,
      name: input.name,
      country: input.country,
      createdBy: actor.userId,
    })
    await tx.insert(memberships).values({ organisationId: organisation.id, userId: actor.userId, role: 'owner' })
    if (input.kind === 'startup') {
      await tx.insert(startupProfiles).values({ organisationId: organisation.id, region: input.region, city: input.city })
    } else if (input.kind === 'investor') {
      await tx.insert(investorProfiles).values({ organisationId: organisation.id, type: input.investorType })
    }
    return { id: organisation.id, slug: organisation.slug }
  })
}

/** The private page of an organisation: its details, members and pending invitations. */
export async function getOrganisationPage(db: DbOrTx, actor: Actor, organisationId: string) {
  if (!actor.memberships.some((m) => m.organisationId === organisationId)) throw notFound()
  const [row] = await db
    .select({
      organisation: organisations,
      region: startupProfiles.region,
      city: startupProfiles.city,
      investorType: investorProfiles.type,
    })
    .from(organisations)
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
    .leftJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId))
  if (!row) throw notFound()
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.email))
  const inviter = users
  const pending = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedBy: inviter.name,
    })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(asc(invitations.email))
  const now = Date.now()
  return {
    organisation: {
      id: row.organisation.id,
      kind: row.organisation.kind,
      name: row.organisation.name,
      slug: row.organisation.slug,
      country: row.organisation.country,
      createdAt: row.organisation.createdAt,
      region: row.region,
      city: row.city,
      investorType: row.investorType,
    },
    members,
    invitations: pending.map((invitation) => ({ ...invitation, expired: invitation.expiresAt.getTime() <= now })),
  }
}
