/**
 * Rounds for tests, written straight to the tables (the setup pages have their own tests): a
 * round with two weighted criteria and one question, open now unless told otherwise.
 */
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client'
import { applications, poolPledges, roundCriteria, roundJurors, roundQuestions, rounds } from '../../db/schema'
import { createProposalFor } from './proposal-factories'

const hour = 60 * 60 * 1000

export async function createRound(db: Db, organiserOrganisationId: string, overrides: Partial<typeof rounds.$inferInsert> = {}) {
  const suffix = randomBytes(4).toString('hex')
  const [round] = await db
    .insert(rounds)
    .values({
      slug: `round-${suffix}`,
      organiserOrganisationId,
      name: { en: `Cross-border round ${suffix}`, es: `Convocatoria transfronteriza ${suffix}` },
      description: { en: 'Joint funding for biotech startups of Galicia, Norte and Castilla y León.' },
      status: 'open',
      opensAt: new Date(Date.now() - 24 * hour),
      closesAt: new Date(Date.now() + 14 * 24 * hour),
      ...overrides,
    })
    .returning()
  const criteria = await db
    .insert(roundCriteria)
    .values([
      { roundId: round!.id, position: 0, name: { en: 'Team' }, weight: 40 },
      { roundId: round!.id, position: 1, name: { en: 'Science' }, weight: 60 },
    ])
    .returning()
  const questions = await db
    .insert(roundQuestions)
    .values([{ roundId: round!.id, position: 0, kind: 'long_text', label: { en: 'Why this round?' } }])
    .returning()
  return { round: round!, criteria, questions }
}

/** A juror seat already accepted by `userId`. */
export async function seatJuror(
  db: Db,
  roundId: string,
  user: { id: string; email: string; name: string },
  investorOrganisationId: string | null = null,
) {
  const [seat] = await db
    .insert(roundJurors)
    .values({
      roundId,
      kind: investorOrganisationId ? 'investor' : 'independent',
      email: user.email,
      name: user.name,
      investorOrganisationId,
      userId: user.id,
      acceptedAt: new Date(),
    })
    .returning()
  return seat!
}

export async function pledge(db: Db, roundId: string, investorOrganisationId: string, pledgeCents: number, matchesCommitments = false) {
  await db.insert(poolPledges).values({ roundId, investorOrganisationId, pledgeCents, matchesCommitments })
}

/**
 * An application of a startup to the round with one of its proposals (a new draft proposal unless
 * `proposalId` is given), eligible and submitted now unless told otherwise.
 */
export async function createApplication(
  db: Db,
  roundId: string,
  startupOrganisationId: string,
  overrides: Partial<typeof applications.$inferInsert> = {},
) {
  const proposalId = overrides.proposalId ?? (await createProposalFor(db, startupOrganisationId))
  const [application] = await db
    .insert(applications)
    .values({ roundId, startupOrganisationId, proposalId, eligibility: { eligible: true, verdicts: [] }, ...overrides })
    .returning()
  return application!
}

/** An application the organisers shortlisted (at `decidedAt`, now unless told). */
export function shortlistedApplication(db: Db, roundId: string, startupOrganisationId: string, overrides: Partial<typeof applications.$inferInsert> = {}) {
  return createApplication(db, roundId, startupOrganisationId, { status: 'shortlisted', decidedAt: new Date(), ...overrides })
}
