/**
 * The people and places of the applying tests: an organiser organisation running rounds, a
 * startup in Vigo (ES11, founded 2021) with a published proposal (TRL 4, 250 000 € sought), a
 * second startup with its own member, and an investor. Each with a Cookie header.
 */
import type { AppLoadContext } from '@remix-run/node'
import { action as roundAction, loader as roundLoader } from '~/routes/studio_.$slug.rounds.$roundSlug/route'
import { loader as listLoader } from '~/routes/studio_.$slug.rounds._index/route'
import type { Db } from '../../db/client'
import { startupProfiles } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { actorFor, createOrganiser, publishedProposal } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { uploadRequest } from '../dataroom/helpers'

export async function createApplyingWorld(db: Db, context: AppLoadContext) {
  const organiser = await createOrganiser(db)
  const member = await createUser(db, { name: 'Sara Startup' })
  const startup = await createOrganisation(db, 'startup', { members: [{ userId: member.id }], name: 'Fagos Atlánticos' })
  await db.insert(startupProfiles).values({ organisationId: startup.id, region: 'ES11', city: 'Vigo', foundedYear: 2021 })
  const proposal = await publishedProposal(db, { organisationId: startup.id, memberId: member.id, organiser: organiser.actor })

  const otherMember = await createUser(db, { name: 'Otto Other' })
  const otherStartup = await createOrganisation(db, 'startup', { members: [{ userId: otherMember.id }] })
  await db.insert(startupProfiles).values({ organisationId: otherStartup.id, region: 'PT11', city: 'Braga', foundedYear: 2019 })
  const otherProposal = await publishedProposal(db, { organisationId: otherStartup.id, memberId: otherMember.id, organiser: organiser.actor })

  const investor = await createUser(db, { name: 'Inés Investor' })
  const investorFirm = await createOrganisation(db, 'investor', { members: [{ userId: investor.id }] })
  const otherOrganiser = await createOrganiser(db)

  return {
    organiser,
    otherOrganiser,
    startup,
    member,
    memberActor: await actorFor(db, member.id),
    proposalId: proposal.id,
    otherStartup,
    otherProposalId: otherProposal.id,
    investorFirm,
    cookies: {
      member: await signIn(context, member.id),
      otherMember: await signIn(context, otherMember.id),
      investor: await signIn(context, investor.id),
      organiser: await signIn(context, organiser.user.id),
      otherOrganiser: await signIn(context, otherOrganiser.user.id),
    },
  }
}

export type ApplyingWorld = Awaited<ReturnType<typeof createApplyingWorld>>

export function roundsPage(context: AppLoadContext, slug: string, cookie: string | null) {
  return callRoute(listLoader, makeRequest(`/studio/${slug}/rounds`, { cookie }), context, { slug })
}

export function roundPage(context: AppLoadContext, slug: string, roundSlug: string, cookie: string | null) {
  return callRoute(roundLoader, makeRequest(`/studio/${slug}/rounds/${roundSlug}`, { cookie }), context, { slug, roundSlug })
}

/** Posts the application form as a browser does (multipart), with an optional file for one field. */
export function postApplication(
  context: AppLoadContext,
  target: { slug: string; roundSlug: string; cookie: string },
  fields: Record<string, string>,
  file?: { field: string; name: string; bytes: Buffer },
) {
  const path = `/studio/${target.slug}/rounds/${target.roundSlug}`
  const request = uploadRequest(path, { cookie: target.cookie, fields: { intent: 'submit', ...fields }, file })
  return callRoute(roundAction, request, context, { slug: target.slug, roundSlug: target.roundSlug })
}

export function withdraw(context: AppLoadContext, target: { slug: string; roundSlug: string; cookie: string }) {
  const path = `/studio/${target.slug}/rounds/${target.roundSlug}`
  return callRoute(roundAction, makeRequest(path, { cookie: target.cookie, form: { intent: 'withdraw' } }), context, { slug: target.slug, roundSlug: target.roundSlug })
}
