/**
 * The people of the pool tests around one shortlisted round run by a Galician organiser: 1:1
 * matching up to 50,000 € per startup and 80,000 € for the round, from 100,000 € by two private
 * investors, one of them from another country than the startup.
 *
 * - startups: Biomar Norte (PT) and Fagos Atlánticos (ES) shortlisted with published proposals,
 *   Algas Rías (ES) declined;
 * - participating investors: Galicia Seed (ES, pledges 300,000 €), Porto Ventures (PT, 200,000 €)
 *   and the matching fund Fondo Xunta (ES, 100,000 €); Outsider Capital (ES) pledged nothing;
 * - a member of another organiser organisation, an admin, and a signed-in person without any.
 */
import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { organisations } from '../../db/schema'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { actorFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { createApplication, createRound, pledge, shortlistedApplication } from '../setup/round-factories'

const EUR = 100

async function organisationOf(db: Db, kind: 'startup' | 'investor' | 'organiser', name: string, country: string) {
  const user = await createUser(db, { name: `${name} member` })
  const organisation = await createOrganisation(db, kind, { members: [{ userId: user.id }], name })
  await db.update(organisations).set({ country }).where(eq(organisations.id, organisation.id))
  return { user, organisation: { ...organisation, country } }
}

export async function createPoolWorld(db: Db, context: AppLoadContext) {
  const organiser = await organisationOf(db, 'organiser', 'Clúster Bio Galicia', 'ES')
  const otherOrganiser = await organisationOf(db, 'organiser', 'Associação Bio Norte', 'PT')
  const admin = await createUser(db, { isAdmin: true })
  const nobody = await createUser(db)
  const { round } = await createRound(db, organiser.organisation.id, {
    status: 'shortlisted',
    matchRatioPercent: 100,
    matchCapPerStartupCents: 50_000 * EUR,
    matchCapRoundCents: 80_000 * EUR,
    matchMinCommittedCents: 100_000 * EUR,
    matchMinInvestors: 2,
    matchRequiresCrossBorder: true,
  })
  const organiserActor = await actorFor(db, organiser.user.id)

  const biomar = await organisationOf(db, 'startup', 'Biomar Norte', 'PT')
  const fagos = await organisationOf(db, 'startup', 'Fagos Atlánticos', 'ES')
  const algas = await organisationOf(db, 'startup', 'Algas Rías', 'ES')
  const titled = (title: string) => {
    const input = validProposalInput()
    return { texts: { en: { ...input.texts.en!, title } } }
  }
  const biomarProposal = await publishedProposal(db, { organisationId: biomar.organisation.id, memberId: biomar.user.id, organiser: organiserActor, overrides: titled('Marine collagen scaffolds') })
  const fagosProposal = await publishedProposal(db, { organisationId: fagos.organisation.id, memberId: fagos.user.id, organiser: organiserActor, overrides: titled('Phage cocktails for hospitals') })
  const biomarApplication = await shortlistedApplication(db, round.id, biomar.organisation.id, { proposalId: biomarProposal.id, decidedAt: new Date(Date.now() - 2 * 3_600_000) })
  const fagosApplication = await shortlistedApplication(db, round.id, fagos.organisation.id, { proposalId: fagosProposal.id, decidedAt: new Date(Date.now() - 3_600_000) })
  const algasApplication = await createApplication(db, round.id, algas.organisation.id, { status: 'declined', decidedAt: new Date() })

  const seed = await organisationOf(db, 'investor', 'Galicia Seed', 'ES')
  const porto = await organisationOf(db, 'investor', 'Porto Ventures', 'PT')
  const fund = await organisationOf(db, 'investor', 'Fondo Xunta', 'ES')
  const outsider = await organisationOf(db, 'investor', 'Outsider Capital', 'ES')
  await pledge(db, round.id, seed.organisation.id, 300_000 * EUR)
  await pledge(db, round.id, porto.organisation.id, 200_000 * EUR)
  await pledge(db, round.id, fund.organisation.id, 100_000 * EUR, true)

  const people = {
    organiser: organiser.user.id,
    otherOrganiser: otherOrganiser.user.id,
    admin: admin.id,
    nobody: nobody.id,
    biomar: biomar.user.id,
    seed: seed.user.id,
    porto: porto.user.id,
    fund: fund.user.id,
    outsider: outsider.user.id,
  }
  const cookies = { anonymous: null } as Record<keyof typeof people | 'anonymous', string | null>
  for (const [role, userId] of Object.entries(people)) cookies[role as keyof typeof people] = await signIn(context, userId)
  return {
    round,
    organiser,
    startups: { biomar, fagos, algas },
    applications: { biomar: biomarApplication, fagos: fagosApplication, algas: algasApplication },
    investors: { seed, porto, fund, outsider },
    people,
    cookies,
  }
}

export type PoolWorld = Awaited<ReturnType<typeof createPoolWorld>>
