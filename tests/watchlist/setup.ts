/**
 * The people around a watchlist: a startup with a published proposal (English and Spanish
 * texts), two investor organisations that may bookmark it (A with two members, one reading
 * Spanish; B with one), an investor organisation that never bookmarks, and an organiser.
 */
import type { AppLoadContext } from '@remix-run/node'
import { expect } from 'vitest'
import { action as watchlistAction } from '~/routes/watchlist/route'
import type { Db } from '../../db/client'
import { investorProfiles } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { createOrganiser, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'

export const bilingualTexts = {
  en: { title: 'Phage therapy against resistant infections', summary: 'Phages for Pseudomonas.', description: 'The problem and our answer.' },
  es: { title: 'Terapia fágica contra infecciones resistentes', summary: 'Fagos para Pseudomonas.', description: 'El problema y nuestra respuesta.' },
}

async function investorOrganisation(db: Db, name: string, members: { name: string; locale?: 'en' | 'es' }[], verified = true) {
  const users = []
  for (const member of members) users.push(await createUser(db, { name: member.name, locale: member.locale ?? 'en' }))
  const organisation = await createOrganisation(db, 'investor', { name, members: users.map((user) => ({ userId: user.id })) })
  await db.insert(investorProfiles).values({ organisationId: organisation.id, type: 'vc_fund', verifiedAt: verified ? new Date() : null })
  return { organisation, users }
}

export async function createWatchers(db: Db, context: AppLoadContext) {
  const organiser = await createOrganiser(db)
  const member = await createUser(db, { name: 'Sara Startup' })
  const startup = await createOrganisation(db, 'startup', { name: 'Fagos Atlánticos', members: [{ userId: member.id }] })
  const proposal = await publishedProposal(db, { organisationId: startup.id, memberId: member.id, organiser: organiser.actor, overrides: { texts: bilingualTexts } })
  // Bookmarking needs no verification of the firm, only a confirmed email address.
  const a = await investorOrganisation(db, 'Ría Capital', [{ name: 'Alba Ferreiro' }, { name: 'Andrés Lago', locale: 'es' }], false)
  const b = await investorOrganisation(db, 'Douro Ventures', [{ name: 'Bea Sousa' }])
  const c = await investorOrganisation(db, 'Meseta Angels', [{ name: 'Carla Ruiz' }])
  const cookie = async (userId: string) => signIn(context, userId)
  return {
    organiser,
    startup,
    proposal,
    member: { user: member, cookie: await cookie(member.id) },
    alba: { user: a.users[0]!, cookie: await cookie(a.users[0]!.id), organisation: a.organisation },
    andres: { user: a.users[1]!, cookie: await cookie(a.users[1]!.id), organisation: a.organisation },
    bea: { user: b.users[0]!, cookie: await cookie(b.users[0]!.id), organisation: b.organisation },
    carla: { user: c.users[0]!, cookie: await cookie(c.users[0]!.id), organisation: c.organisation },
    organiserCookie: await cookie(organiser.user.id),
  }
}

/** Posts a watchlist form as a signed-in person. */
export function postWatchlist(context: AppLoadContext, cookie: string | null, form: Record<string, string>) {
  return callRoute(watchlistAction, makeRequest('/watchlist', { cookie, form }), context)
}

/** Bookmarks a proposal through the watchlist's action, as a browser would; returns nothing but checks the redirect. */
export async function bookmark(context: AppLoadContext, cookie: string, proposalId: string) {
  const reply = await postWatchlist(context, cookie, { intent: 'bookmark', proposalId, redirectTo: `/proposals/${proposalId}` })
  expect(reply.status).toBe(302)
  expect(reply.location).toBe(`/proposals/${proposalId}`)
}

export { validProposalInput }
