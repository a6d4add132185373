import type { Locale } from '~/modules/i18n/locales'

export type OrganisationKind = 'startup' | 'investor' | 'organiser'
export type MembershipRole = 'owner' | 'admin' | 'member'

export interface ActorMembership {
  organisationId: string
  organisationName: string
  organisationSlug: string
  kind: OrganisationKind
  role: MembershipRole
}

/** The signed-in person acting on a request, with the organisations they belong to. */
export interface Actor {
  userId: string
  sessionId: string
  email: string
  name: string
  locale: Locale
  emailVerified: boolean
  isAdmin: boolean
  memberships: ActorMembership[]
}

export function membershipsOfKind(actor: Actor, kind: OrganisationKind): ActorMembership[] {
  return actor.memberships.filter((m) => m.kind === kind)
}

export function isOrganiser(actor: Actor): boolean {
  return actor.isAdmin || actor.memberships.some((m) => m.kind === 'organiser')
}

export function canManageOrganisation(membership: ActorMembership): boolean {
  return membership.role === 'owner' || membership.role === 'admin'
}
