/**
 * The people of the round set-up tests: an organiser of the Galician cluster (who sets rounds
 * up), a member of another organiser organisation (Portuguese), an admin, a startup member, a
 * verified investor (Porto) and an unverified one, each with a Cookie header; and helpers that
 * call the set-up pages as a browser would.
 */
import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { action as newAction, loader as newLoader } from '~/routes/organiser.rounds.new'
import { action as pageAction, loader as pageLoader } from '~/routes/organiser.rounds.$slug._index/route'
import type { Db } from '../../db/client'
import { organisations, rounds } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'
import { createInvestorOrganisation, verifiedFor } from '../investors/helpers'

export async function createSetupWorld(db: Db, context: AppLoadContext) {
  const organiser = await createUser(db, { name: 'Xoán Pereira Vilas', locale: 'gl' })
  const cluster = await createOrganisation(db, 'organiser', { name: 'Clúster Bio Galicia', members: [{ userId: organiser.id, role: 'member' }] })
  const otherOrganiser = await createUser(db, { name: 'Rita Sousa', locale: 'pt' })
  const otherCluster = await createOrganisation(db, 'organiser', { name: 'Associação Bio Norte', members: [{ userId: otherOrganiser.id }] })
  const admin = await createUser(db, { isAdmin: true, name: 'Ana Admin' })
  const founder = await createUser(db, { name: 'Sara Startup' })
  const startup = await createOrganisation(db, 'startup', { members: [{ userId: founder.id }], name: 'Fagos Atlánticos' })
  const porto = await createInvestorOrganisation(db, context, { name: 'Porto Ventures', locale: 'pt', profile: verifiedFor() })
  await db.update(organisations).set({ country: 'PT' }).where(eq(organisations.id, porto.organisation.id))
  const unverified = await createInvestorOrganisation(db, context, { name: 'Unverified Capital' })
  const cookies = {
    anonymous: null,
    organiser: await signIn(context, organiser.id),
    otherOrganiser: await signIn(context, otherOrganiser.id),
    admin: await signIn(context, admin.id),
    founder: await signIn(context, founder.id),
    investor: porto.cookie,
    unverifiedInvestor: unverified.cookie,
  }
  return { organiser, cluster, otherOrganiser, otherCluster, admin, founder, startup, porto, unverified, cookies }
}
export type SetupWorld = Awaited<ReturnType<typeof createSetupWorld>>

/** A new round's form as the page sends it: English name, the window in `timeZone`. */
export function newRoundForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'name.en': 'Cross-border biotech round 2027',
    'name.gl': 'Convocatoria biotecnolóxica transfronteiriza 2027',
    'description.en': 'Seed funding for biotech startups on both sides of the Miño.',
    opensAt: '2027-03-01T09:00',
    closesAt: '2027-03-31T14:00',
    timeZone: 'Europe/Madrid',
    ...overrides,
  }
}

export function postNewRound(context: AppLoadContext, cookie: string | null, form: Record<string, string>) {
  return callRoute(newAction, makeRequest('/organiser/rounds/new', { cookie, form }), context)
}

export function openNewRound(context: AppLoadContext, cookie: string | null) {
  return callRoute(newLoader, makeRequest('/organiser/rounds/new', { cookie }), context)
}

export function setupPage(context: AppLoadContext, cookie: string | null, slug: string, tab?: string) {
  return callRoute(pageLoader, makeRequest(`/organiser/rounds/${slug}${tab ? `?tab=${tab}` : ''}`, { cookie }), context, { slug })
}

export function postSetup(context: AppLoadContext, cookie: string | null, slug: string, form: Record<string, string | string[]>) {
  return callRoute(pageAction, makeRequest(`/organiser/rounds/${slug}`, { cookie, form }), context, { slug })
}

/** Creates a draft through the page and returns its row. */
export async function draftThroughPage(db: Db, context: AppLoadContext, cookie: string, overrides: Record<string, string> = {}) {
  const reply = await postNewRound(context, cookie, newRoundForm(overrides))
  if (reply.status !== 302) throw new Error(`the round was not created: ${reply.status} ${JSON.stringify(reply.data)}`)
  const slug = reply.location!.split('/').pop()!
  const [round] = await db.select().from(rounds).where(eq(rounds.slug, slug))
  return round!
}

/** A criterion of the evaluation form (weight as typed). */
export function criteriaForm(weights: string[], scoreScale = '5'): Record<string, string> {
  const form: Record<string, string> = { intent: 'evaluation', scoreScale }
  weights.forEach((weight, index) => {
    form[`criteria[${index}].name.en`] = `Criterion ${index + 1}`
    form[`criteria[${index}].weight`] = weight
  })
  return form
}
