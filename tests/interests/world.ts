/**
 * The people of the interest tests: a startup in Spain with a published proposal (its owner and
 * an admin with recognisable names and emails), a verified investor organisation in Portugal, a
 * second verified investor in Spain, and everyone of tests/proposals/viewers.ts.
 */
import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { action as interestAction } from '~/routes/proposals_.$proposalId.interest'
import { action as conversationAction } from '~/routes/conversations.$conversationId/route'
import { action as investorsAction } from '~/routes/studio_.$slug.proposals.$proposalId.investors/route'
import type { Db } from '../../db/client'
import { interests, memberships, organisations } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { createUser, signIn } from '../setup/factories'
import { actorFor, publishedProposal } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { createInvestor, createViewers } from '../proposals/viewers'

export async function createWorld(db: Db, context: AppLoadContext) {
  const viewers = await createViewers(db, context)
  const organiser = await actorFor(db, viewers.organiserId)
  const { id: proposalId } = await publishedProposal(db, { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser })
  // A second manager of the startup whose contacts go out on acceptance.
  const admin = await createUser(db, { name: 'Xoán Admin Startup', email: `xoan-${proposalId.slice(0, 8)}@fagos.test` })
  await db.insert(memberships).values({ organisationId: viewers.startup.id, userId: admin.id, role: 'admin' })
  const [owner] = await db.select().from(organisations).where(eq(organisations.id, viewers.startup.id))
  // The verified investor is seated in Portugal: a cross-border investor for this startup.
  await db.update(organisations).set({ country: 'PT' }).where(eq(organisations.id, viewers.verifiedInvestor.organisation.id))
  const other = await createInvestor(db, { verified: true })
  const cookies = { ...viewers.cookies, admin: await signIn(context, admin.id), otherInvestor: await signIn(context, other.user.id) }
  return { ...viewers, proposalId, startupSlug: owner!.slug, startupAdmin: admin, otherInvestor: other, cookies }
}

export type World = Awaited<ReturnType<typeof createWorld>>

export function expressInterest(context: AppLoadContext, world: World, cookie: string | null, form: Record<string, string> = {}) {
  return callRoute(
    interestAction,
    makeRequest(`/proposals/${world.proposalId}/interest`, {
      cookie,
      form: { intent: 'express', message: 'We are a seed fund in Porto investing in phage therapy; we would like to know more.', ticketMin: '50000', ticketMax: '250000', ...form },
    }),
    context,
    { proposalId: world.proposalId },
  )
}

export function answerInterest(context: AppLoadContext, world: World, cookie: string | null, form: Record<string, string>) {
  const path = `/studio/${world.startupSlug}/proposals/${world.proposalId}/investors`
  return callRoute(investorsAction, makeRequest(path, { cookie, form }), context, { slug: world.startupSlug, proposalId: world.proposalId })
}

export function postToConversation(context: AppLoadContext, conversationId: string, cookie: string | null, form: Record<string, string>) {
  return callRoute(conversationAction, makeRequest(`/conversations/${conversationId}`, { cookie, form }), context, { conversationId })
}

/** The investor of `cookie` expresses interest and the startup accepts it (the only pending one); returns the conversation's id. */
export async function introduce(context: AppLoadContext, world: World, cookie: string | null): Promise<string> {
  expect((await expressInterest(context, world, cookie)).status).toBe(302)
  const [pending] = await context.db.select().from(interests).where(eq(interests.status, 'pending'))
  const accepted = await answerInterest(context, world, world.cookies.member, { intent: 'accept', interestId: pending!.id })
  return accepted.location!.split('/').pop()!
}
