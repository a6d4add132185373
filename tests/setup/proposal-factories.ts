/**
 * Proposals for tests. H2-H4 may add functions at the end of this file.
 */
import type { Actor } from '~/modules/accounts/actor'
import { getActor } from '~/modules/accounts/session.server'
import { createProposal } from '~/modules/proposals/editor.server'
import { publishProposal, submitProposal } from '~/modules/proposals/lifecycle.server'
import type { ProposalInput } from '~/modules/proposals/schemas'
import type { Db } from '../../db/client'
import { makeRequest, testLoadContext } from './context'
import { createOrganisation, createUser, signIn } from './factories'

/** A date `days` from today, as YYYY-MM-DD (UTC). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

/** A complete, valid proposal input (English texts, 250 000 € sought in two use-of-funds items). */
export function validProposalInput(overrides: Partial<ProposalInput> = {}): ProposalInput {
  return {
    texts: {
      en: {
        title: 'Phage therapy against resistant hospital infections',
        summary: 'A cocktail of bacteriophages for Pseudomonas infections that no antibiotic reaches.',
        description: '## The problem\n\nAntimicrobial resistance kills.\n\n## Our answer\n\nPhages.',
      },
    },
    amountSoughtCents: 25_000_000,
    minimumTicketCents: 2_500_000,
    preMoneyValuationCents: 150_000_000,
    instrument: 'equity',
    stage: 'seed',
    closingDate: daysFromToday(90),
    subsector: 'health',
    trl: 4,
    developmentPhase: 'preclinical',
    modality: 'biologic',
    therapeuticAreas: ['infectious_diseases'],
    regulatoryPathway: 'ema_centralised',
    deviceClass: null,
    ipStatus: 'patent_filed',
    useOfFunds: [
      { label: 'Preclinical studies', amountCents: 15_000_000 },
      { label: 'Team', amountCents: 10_000_000 },
    ],
    ...overrides,
  }
}

/** The Actor of a person, as the app builds it for a signed-in request. */
export async function actorFor(db: Db, userId: string): Promise<Actor> {
  const context = testLoadContext(db)
  const cookie = await signIn(context, userId)
  const actor = await getActor(makeRequest('/', { cookie }), context)
  if (!actor) throw new Error(`no actor for ${userId}`)
  return actor
}

/** A draft proposal of `organisationId`, created by Ponte (no actor). Returns its id. */
export function createProposalFor(db: Db, organisationId: string, overrides: Partial<ProposalInput> = {}): Promise<string> {
  return createProposal(db, null, organisationId, validProposalInput(overrides))
}

/** A signed-up organiser (a member of an organiser organisation) and their Actor. */
export async function createOrganiser(db: Db) {
  const user = await createUser(db, { name: 'Olga Organiser' })
  const organisation = await createOrganisation(db, 'organiser', { members: [{ userId: user.id }] })
  return { user, organisation, actor: await actorFor(db, user.id) }
}

/**
 * A proposal that went through the real lifecycle: created, submitted by a startup member,
 * published by an organiser. Creates the startup (with its owner) and the organiser unless given.
 */
export async function publishedProposal(
  db: Db,
  options: { organisationId?: string; memberId?: string; organiser?: Actor; overrides?: Partial<ProposalInput> } = {},
) {
  let { organisationId, memberId } = options
  if (!organisationId || !memberId) {
    const member = await createUser(db, { name: 'Sara Startup' })
    const startup = await createOrganisation(db, 'startup', { members: [{ userId: member.id }] })
    organisationId = startup.id
    memberId = member.id
  }
  const organiser = options.organiser ?? (await createOrganiser(db)).actor
  const id = await createProposalFor(db, organisationId, options.overrides)
  await submitProposal(db, await actorFor(db, memberId), id)
  const versionId = await publishProposal(db, organiser, id)
  return { id, versionId, organisationId, memberId, organiser }
}
