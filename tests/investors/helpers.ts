import type { AppLoadContext } from '@remix-run/node'
import type { Db } from '../../db/client'
import { investorProfiles } from '../../db/schema'
import { createOrganisation, createUser, signIn } from '../setup/factories'

type ProfileValues = Partial<typeof investorProfiles.$inferInsert>

/** An investor organisation with its owner (signed in), and the profile `values` (verified when `verifiedAt` is given). */
export async function createInvestorOrganisation(
  db: Db,
  context: AppLoadContext,
  options: {
    name?: string
    locale?: 'en' | 'es' | 'pt' | 'gl'
    profile?: ProfileValues
  } = {},
) {
  const owner = await createUser(db, {
    name: 'Inés Investor',
    locale: options.locale ?? 'en',
  })
  const organisation = await createOrganisation(db, 'investor', {
    members: [{ userId: owner.id }],
    name: options.name,
  })
  await db.insert(investorProfiles).values({
    organisationId: organisation.id,
    type: 'vc_fund',
    ...options.profile,
  })
  return { owner, organisation, cookie: await signIn(context, owner.id) }
}

/** A verification that holds for another year. */
export function verifiedFor(days = 365): ProfileValues {
  return {
    verifiedAt: new Date(),
    verificationExpiresAt: new Date(Date.now() + days * 86_400_000),
    investorCategory: 'sophisticated',
  }
}
