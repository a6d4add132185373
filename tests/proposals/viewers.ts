/**
 * Everyone who may look at a proposal, signed in (a Cookie header each) or not, around one
 * startup with a profile. For the disclosure, catalogue and moderation tests.
 */
import type { AppLoadContext } from '@remix-run/node'
import type { Db } from '../../db/client'
import { investorProfiles, startupProfiles } from '../../db/schema'
import { createOrganisation, createUser, signIn } from '../setup/factories'

export const TEAM = [
  { name: 'Uxía Castro Iglesias', role: 'CEO' },
  { name: 'João Teixeira', role: 'CSO' },
]

export type Role =
  | 'anonymous'
  | 'signedIn'
  | 'unverifiedInvestor'
  | 'verifiedInvestor'
  | 'otherStartupMember'
  | 'member'
  | 'organiser'
  | 'admin'

export const publicRoles = ['anonymous', 'signedIn', 'unverifiedInvestor', 'otherStartupMember'] as const satisfies readonly Role[]
export const verifiedRoles = ['verifiedInvestor', 'member', 'organiser', 'admin'] as const satisfies readonly Role[]
export const insiderRoles = ['member', 'organiser', 'admin'] as const satisfies readonly Role[]
export const outsiderRoles = ['anonymous', 'signedIn', 'unverifiedInvestor', 'verifiedInvestor', 'otherStartupMember'] as const satisfies readonly Role[]

export async function createInvestor(db: Db, options: { verified: boolean; emailVerified?: boolean }) {
  const user = await createUser(db, { name: 'Inés Investor', verified: options.emailVerified ?? true })
  const organisation = await createOrganisation(db, 'investor', { members: [{ userId: user.id }], name: `Fund ${user.id.slice(0, 6)}` })
  await db.insert(investorProfiles).values({ organisationId: organisation.id, type: 'vc_fund', verifiedAt: options.verified ? new Date() : null })
  return { user, organisation }
}

/** A startup in Vigo (Galicia) with a team, its owner, and one person of every other kind. */
export async function createViewers(db: Db, context: AppLoadContext) {
  const member = await createUser(db, { name: 'Sara Startup' })
  const startup = await createOrganisation(db, 'startup', { members: [{ userId: member.id }], name: 'Fagos Atlánticos' })
  await db.insert(startupProfiles).values({ organisationId: startup.id, region: 'ES11', city: 'Vigo', subsectors: ['health'], team: TEAM })

  const signedIn = await createUser(db)
  const unverifiedInvestor = await createInvestor(db, { verified: false })
  const verifiedInvestor = await createInvestor(db, { verified: true })
  const otherMember = await createUser(db)
  await createOrganisation(db, 'startup', { members: [{ userId: otherMember.id }] })
  const organiser = await createUser(db, { name: 'Olga Organiser' })
  await createOrganisation(db, 'organiser', { members: [{ userId: organiser.id }] })
  const admin = await createUser(db, { isAdmin: true })

  const ids: Record<Exclude<Role, 'anonymous'>, string> = {
    signedIn: signedIn.id,
    unverifiedInvestor: unverifiedInvestor.user.id,
    verifiedInvestor: verifiedInvestor.user.id,
    otherStartupMember: otherMember.id,
    member: member.id,
    organiser: organiser.id,
    admin: admin.id,
  }
  const cookies: Record<Role, string | null> = { anonymous: null } as Record<Role, string | null>
  for (const [role, userId] of Object.entries(ids)) cookies[role as Role] = await signIn(context, userId)
  return { startup, memberId: member.id, organiserId: organiser.id, verifiedInvestor, unverifiedInvestor, ids, cookies }
}
