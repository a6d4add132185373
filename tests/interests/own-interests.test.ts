/**
 * The investor's own list of interests (/interests): each organisation sees exactly the
 * interests it expressed, with the startup's answer (the reason of a decline, the conversation
 * of an acceptance), filtered by status and paged; a pending one can be withdrawn from the list.
 * Startups, organisers and other investors get nothing of it.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { OWN_INTERESTS_PER_PAGE } from '~/modules/interests/own-interests.server'
import { action as listAction, loader as listLoader } from '~/routes/interests/route'
import { action as interestAction } from '~/routes/proposals_.$proposalId.interest'
import { interests } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { actorFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { answerInterest, createWorld, type World } from './world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

let world: World
let secondProposalId: string

type Listed = { id: string; proposalId: string; title: string; startup: string; status: string; declineReason: string | null; conversationId: string | null; ticketMinCents: number }

function list(cookie: string | null, search = '') {
  return callRoute(listLoader, makeRequest(`/interests${search}`, { cookie }), context())
}

function withdraw(cookie: string | null, id: string, redirectTo = '/interests') {
  return callRoute(listAction, makeRequest('/interests', { cookie, form: { intent: 'withdraw', id, redirectTo } }), context())
}

/** Expresses interest through the proposal page's form; returns the new interest's id. */
async function express(cookie: string | null, proposalId: string, ticketMin = '50000') {
  const reply = await callRoute(
    interestAction,
    makeRequest(`/proposals/${proposalId}/interest`, {
      cookie,
      form: { intent: 'express', message: 'We invest in phage therapy from Porto and would like to know more.', ticketMin, ticketMax: '250000' },
    }),
    context(),
    { proposalId },
  )
  expect(reply.status).toBe(302)
  // Each interest of these tests has a ticket of its own.
  const [row] = await t.db.select().from(interests).where(eq(interests.ticketMinCents, Number(ticketMin) * 100))
  return row!.id
}

beforeAll(async () => {
  world = await createWorld(t.db, context())
  const second = await publishedProposal(t.db, {
    organisationId: world.startup.id,
    memberId: world.memberId,
    organiser: await actorFor(t.db, world.organiserId),
    overrides: { texts: { en: { ...validProposalInput().texts.en!, title: 'Marine collagen scaffolds for cartilage' } } },
  })
  secondProposalId = second.id
  // The verified investor: declined once (with a reason), then accepted on the first proposal; pending on the second.
  const first = await express(world.cookies.verifiedInvestor, world.proposalId, '40000')
  expect((await answerInterest(context(), world, world.cookies.member, { intent: 'decline', interestId: first, reason: 'Too early for a fund of your size.' })).status).toBe(302)
  const again = await express(world.cookies.verifiedInvestor, world.proposalId, '60000')
  expect((await answerInterest(context(), world, world.cookies.member, { intent: 'accept', interestId: again })).status).toBe(302)
  await express(world.cookies.verifiedInvestor, secondProposalId, '70000')
  // Another investor organisation, pending on the first proposal.
  await express(world.cookies.otherInvestor, world.proposalId, '80000')
})

describe('an investor’s list of interests', () => {
  it('shows every interest of the organisation, newest first, with the startup’s answers', async () => {
    const reply = await list(world.cookies.verifiedInvestor)
    expect(reply.status).toBe(200)
    const items = reply.data.items as Listed[]
    expect(items.map((i) => [i.title, i.status, i.ticketMinCents])).toEqual([
      ['Marine collagen scaffolds for cartilage', 'pending', 7_000_000],
      ['Phage therapy against resistant hospital infections', 'accepted', 6_000_000],
      ['Phage therapy against resistant hospital infections', 'declined', 4_000_000],
    ])
    expect(items.every((i) => i.startup === world.startup.name)).toBe(true)
    expect(items[2]!.declineReason).toBe('Too early for a fund of your size.')
    expect(items[1]!.conversationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(items[0]!.conversationId).toBeNull()
    expect(reply.data.counts).toEqual({ pending: 1, accepted: 1, declined: 1, withdrawn: 0 })
  })

  it('filters by status, and ignores an unknown one', async () => {
    const declined = await list(world.cookies.verifiedInvestor, '?status=declined')
    expect(declined.data.items.map((i: Listed) => i.status)).toEqual(['declined'])
    expect(declined.data.total).toBe(1)
    expect((await list(world.cookies.verifiedInvestor, '?status=withdrawn')).data.items).toEqual([])
    expect((await list(world.cookies.verifiedInvestor, '?status=lost')).data.items).toHaveLength(3)
  })

  it('is the organisation’s own: another investor sees only its interest; startups and organisers get a 403', async () => {
    const other = await list(world.cookies.otherInvestor)
    expect(other.data.items.map((i: Listed) => [i.status, i.ticketMinCents])).toEqual([['pending', 8_000_000]])
    expect((await list(world.cookies.unverifiedInvestor)).data.items).toEqual([])
    for (const role of ['member', 'otherStartupMember', 'organiser', 'signedIn'] as const) {
      expect((await list(world.cookies[role])).status, role).toBe(403)
    }
    expect((await list(null)).location).toMatch(/^\/login\?redirectTo=%2Finterests/)
  })

  it('withdraws a pending interest of the organisation, back to the same list; not another organisation’s', async () => {
    const pending = (await list(world.cookies.verifiedInvestor, '?status=pending')).data.items[0] as Listed
    expect((await withdraw(world.cookies.otherInvestor, pending.id)).status).toBe(404)
    expect((await withdraw(world.cookies.member, pending.id)).status).toBe(403)
    expect((await withdraw(world.cookies.verifiedInvestor, 'not-an-id')).status).toBe(400)

    const done = await withdraw(world.cookies.verifiedInvestor, pending.id, '/interests?status=pending')
    expect(done.status).toBe(302)
    expect(done.location).toBe('/interests?status=pending')
    expect((await list(world.cookies.verifiedInvestor)).data.counts).toEqual({ pending: 0, accepted: 1, declined: 1, withdrawn: 1 })

    const twice = await withdraw(world.cookies.verifiedInvestor, pending.id)
    expect(twice.status).toBe(409)
    expect(twice.data).toEqual({ interestId: pending.id, error: 'interests.errors.notPending' })
    // An accepted interest is not withdrawn from the list either.
    const accepted = (await list(world.cookies.verifiedInvestor, '?status=accepted')).data.items[0] as Listed
    expect((await withdraw(world.cookies.verifiedInvestor, accepted.id)).status).toBe(409)
    // A redirect elsewhere is not followed.
    const [other] = await t.db.select().from(interests).where(eq(interests.ticketMinCents, 8_000_000))
    expect((await withdraw(world.cookies.otherInvestor, other!.id, 'https://evil.test/')).location).toBe('/interests')
  })

  it('is paged', async () => {
    const older = Array.from({ length: OWN_INTERESTS_PER_PAGE + 2 }, (_, n) => ({
      proposalId: secondProposalId,
      investorOrganisationId: world.otherInvestor.organisation.id,
      message: `An older interest, number ${n}`,
      ticketMinCents: 1_000_000,
      ticketMaxCents: 2_000_000,
      status: 'declined' as const,
      createdAt: new Date(Date.now() - (n + 1) * 86_400_000),
    }))
    await t.db.insert(interests).values(older)
    const first = await list(world.cookies.otherInvestor)
    expect(first.data).toMatchObject({ total: OWN_INTERESTS_PER_PAGE + 3, page: 1, pageCount: 2 })
    expect(first.data.items).toHaveLength(OWN_INTERESTS_PER_PAGE)
    const second = await list(world.cookies.otherInvestor, '?page=2')
    expect(second.data.items).toHaveLength(3)
    expect(new Set([...first.data.items, ...second.data.items].map((i: Listed) => i.id)).size).toBe(OWN_INTERESTS_PER_PAGE + 3)
    expect((await list(world.cookies.otherInvestor, '?page=9')).data.page).toBe(2)
  })
})
