/**
 * The people of the jury tests: an organiser running a round under review (criteria Team 40 and
 * Science 60, scores 1-5) with four applications (startups A-D, each with a published proposal
 * and one member), three independent jurors (Bruno, Carla, Ana), a juror for the investor
 * organisation Galician Ventures (Eva), the juror of another round (Darío), an investor outside
 * the round, a member of a startup that did not apply, and an organiser of another organisation.
 */
import type { AppLoadContext } from '@remix-run/node'
import { loader as applicationLoader, action as applicationAction } from '~/routes/jury.$roundSlug.$applicationId/route'
import { loader as roundLoader } from '~/routes/jury.$roundSlug._index'
import { action as boardAction, loader as boardLoader } from '~/routes/organiser.rounds.$slug.review/route'
import type { Db } from '../../db/client'
import { makeRequest } from '../setup/context'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { createOrganiser, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { createApplication, createRound, seatJuror } from '../setup/round-factories'
import { callRoute } from '../setup/routes'
import { createInvestor } from '../proposals/viewers'

const day = 86_400_000

export const STARTUPS = [
  { key: 'A', name: 'Fagos Atlánticos', title: 'Phage cocktails for hospital infections', locale: 'gl' },
  { key: 'B', name: 'Algas do Norte', title: 'Seaweed proteins for aquaculture feed', locale: 'pt' },
  { key: 'C', name: 'Castela Diagnostics', title: 'A rapid sepsis test', locale: 'es' },
  { key: 'D', name: 'Mar de Vigo Bio', title: 'Marine collagen scaffolds', locale: 'en' },
] as const

export type StartupKey = (typeof STARTUPS)[number]['key']

export async function createJuryWorld(db: Db, context: AppLoadContext) {
  const organiser = await createOrganiser(db)
  const { round, criteria, questions } = await createRound(db, organiser.organisation.id, {
    status: 'under_review',
    name: { en: 'Cross-border Biotech Call 2026', es: 'Convocatoria biotecnológica transfronteriza 2026', pt: 'Ronda biotecnológica transfronteiriça 2026', gl: 'Rolda biotecnolóxica transfronteiriza 2026' },
    opensAt: new Date(Date.now() - 30 * day),
    closesAt: new Date(Date.now() - day),
  })
  const startups = {} as Record<StartupKey, { organisationId: string; slug: string; memberId: string; email: string; proposalId: string; applicationId: string }>
  for (const startup of STARTUPS) {
    const member = await createUser(db, { name: `Founder ${startup.key}`, locale: startup.locale })
    const organisation = await createOrganisation(db, 'startup', { members: [{ userId: member.id }], name: startup.name })
    const base = validProposalInput()
    const { id: proposalId } = await publishedProposal(db, {
      organisationId: organisation.id,
      memberId: member.id,
      organiser: organiser.actor,
      overrides: { texts: { en: { ...base.texts.en!, title: startup.title } } },
    })
    const application = await createApplication(db, round.id, organisation.id, { proposalId, submittedBy: member.id })
    startups[startup.key] = { organisationId: organisation.id, slug: organisation.slug, memberId: member.id, email: member.email, proposalId, applicationId: application.id }
  }

  const person = (name: string) => createUser(db, { name })
  const bruno = await person('Bruno Strict')
  const carla = await person('Carla Lenient')
  const ana = await person('Ana Middle')
  const eva = await person('Eva Investor')
  const galicianVentures = await createOrganisation(db, 'investor', { name: 'Galician Ventures', members: [{ userId: eva.id }] })
  const seats = {
    bruno: await seatJuror(db, round.id, bruno),
    carla: await seatJuror(db, round.id, carla),
    ana: await seatJuror(db, round.id, ana),
    eva: await seatJuror(db, round.id, eva, galicianVentures.id),
  }
  const otherRound = await createRound(db, organiser.organisation.id, { status: 'under_review' })
  const dario = await person('Darío Elsewhere')
  await seatJuror(db, otherRound.round.id, dario)

  const outsideInvestor = await createInvestor(db, { verified: true })
  const otherStartupMember = await person('Someone Else')
  await createOrganisation(db, 'startup', { members: [{ userId: otherStartupMember.id }] })
  const otherOrganiser = await createOrganiser(db)

  const ids = {
    organiser: organiser.user.id,
    bruno: bruno.id,
    carla: carla.id,
    ana: ana.id,
    eva: eva.id,
    dario: dario.id,
    outsideInvestor: outsideInvestor.user.id,
    otherStartupMember: otherStartupMember.id,
    otherOrganiser: otherOrganiser.user.id,
    memberA: startups.A.memberId,
  }
  const cookies = {} as Record<keyof typeof ids, string>
  for (const [role, userId] of Object.entries(ids)) cookies[role as keyof typeof ids] = await signIn(context, userId)
  return { organiser, round, criteria, questions, otherRound, startups, seats, galicianVentures, ids, cookies }
}

export type JuryWorld = Awaited<ReturnType<typeof createJuryWorld>>

export function roundPage(context: AppLoadContext, world: JuryWorld, cookie: string | null, slug = world.round.slug) {
  return callRoute(roundLoader, makeRequest(`/jury/${slug}`, { cookie }), context, { roundSlug: slug })
}

export function applicationPage(context: AppLoadContext, world: JuryWorld, cookie: string | null, applicationId: string, slug = world.round.slug) {
  return callRoute(applicationLoader, makeRequest(`/jury/${slug}/${applicationId}`, { cookie }), context, { roundSlug: slug, applicationId })
}

export function postToApplication(context: AppLoadContext, world: JuryWorld, cookie: string | null, applicationId: string, form: Record<string, string>) {
  const slug = world.round.slug
  return callRoute(applicationAction, makeRequest(`/jury/${slug}/${applicationId}`, { cookie, form }), context, { roundSlug: slug, applicationId })
}

export function declare(context: AppLoadContext, world: JuryWorld, cookie: string, applicationId: string, reason?: string) {
  return postToApplication(context, world, cookie, applicationId, reason ? { intent: 'declare', conflicted: 'yes', reason } : { intent: 'declare', conflicted: 'no' })
}

/** A review form: [team, science] scores (empty string = not given) and optional comments. */
export function reviewForm(world: JuryWorld, intent: 'draft' | 'submit', scores: [string, string], comments: [string, string] = ['', '']) {
  const form: Record<string, string> = { intent }
  world.criteria.forEach((criterion, index) => {
    form[`criteria[${index}].id`] = criterion.id
    if (scores[index]) form[`criteria[${index}].score`] = scores[index]!
    if (comments[index]) form[`criteria[${index}].comment`] = comments[index]!
  })
  return form
}

/** Declares no conflict and submits [team, science] scores with comments. */
export async function score(context: AppLoadContext, world: JuryWorld, cookie: string, applicationId: string, scores: [number, number], comments: [string, string] = ['', '']) {
  const declared = await declare(context, world, cookie, applicationId)
  if (declared.status !== 302) throw new Error(`declaration refused: ${declared.status} ${JSON.stringify(declared.data)}`)
  const reply = await postToApplication(context, world, cookie, applicationId, reviewForm(world, 'submit', [String(scores[0]), String(scores[1])], comments))
  if (reply.status !== 302) throw new Error(`review refused: ${reply.status} ${JSON.stringify(reply.data)}`)
}

export function board(context: AppLoadContext, world: JuryWorld, cookie: string | null, slug = world.round.slug) {
  return callRoute(boardLoader, makeRequest(`/organiser/rounds/${slug}/review`, { cookie }), context, { slug })
}

export function postToBoard(context: AppLoadContext, world: JuryWorld, cookie: string | null, form: Record<string, string | string[]>) {
  const slug = world.round.slug
  return callRoute(boardAction, makeRequest(`/organiser/rounds/${slug}/review`, { cookie, form }), context, { slug })
}
