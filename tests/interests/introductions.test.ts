/**
 * Interest and the double opt-in introduction: who may express interest, the abuse limits, the
 * startup's inbox, and that no contact detail of either side leaves before the startup accepts
 * (pages, loader data, the JSON API, notifications and emails), and that both sides have them after.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as apiLoader } from '~/routes/api.v1.proposals.$id'
import { loader as conversationLoader } from '~/routes/conversations.$conversationId/route'
import { loader as proposalLoader } from '~/routes/proposals.$proposalId._index/route'
import { action as interestAction } from '~/routes/proposals_.$proposalId.interest'
import { loader as investorsLoader } from '~/routes/studio_.$slug.proposals.$proposalId.investors/route'
import { interests, mailboxMessages, notifications, users } from '../../db/schema'
import { makeRequest, runJobs, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { callRoute } from '../setup/routes'
import { answerInterest, createWorld, expressInterest, type World } from './world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

let world: World

beforeAll(async () => {
  world = await createWorld(t.db, context())
})

async function person(userId: string) {
  const [row] = await t.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId))
  return row!
}

function proposalPage(cookie: string | null) {
  return callRoute(proposalLoader, makeRequest(`/proposals/${world.proposalId}`, { cookie }), context(), { proposalId: world.proposalId })
}

function inbox(cookie: string | null) {
  const path = `/studio/${world.startupSlug}/proposals/${world.proposalId}/investors`
  return callRoute(investorsLoader, makeRequest(path, { cookie }), context(), { slug: world.startupSlug, proposalId: world.proposalId })
}

/** Every notification and email that went to these people (serialized, to search for names and addresses). */
async function sentTo(userIds: string[]) {
  const people = await t.db.select({ email: users.email }).from(users).where(inArray(users.id, userIds))
  const mails = await t.db.select().from(mailboxMessages).where(inArray(mailboxMessages.to, people.map((p) => p.email)))
  const notes = await t.db.select().from(notifications).where(inArray(notifications.userId, userIds))
  return JSON.stringify({ mails: mails.map(({ subject, html, text }) => ({ subject, html, text })), notes })
}

async function clearInterests() {
  await t.db.delete(interests)
}

describe('who may express interest', () => {
  it('explains on the proposal page why each kind of visitor cannot, and shows the form to a verified investor', async () => {
    expect((await proposalPage(null)).data.interest).toEqual({ state: 'anonymous' })
    expect((await proposalPage(world.cookies.signedIn)).data.interest).toEqual({ state: 'no_investor_firm' })
    expect((await proposalPage(world.cookies.unverifiedInvestor)).data.interest).toEqual({ state: 'unverified' })
    expect((await proposalPage(world.cookies.otherStartupMember)).data.interest).toEqual({ state: 'no_investor_firm' })
    expect((await proposalPage(world.cookies.member)).data.interest).toBeNull()
    expect((await proposalPage(world.cookies.organiser)).data.interest).toBeNull()
    expect((await proposalPage(world.cookies.verifiedInvestor)).data.interest).toEqual({ state: 'can_express', declinedBefore: false })
  })

  it('refuses on the server: anonymous to the login page, unverified investors and startups with a 403, nothing recorded', async () => {
    const anonymous = await expressInterest(context(), world, null)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
    for (const role of ['unverifiedInvestor', 'otherStartupMember', 'member', 'signedIn'] as const) {
      const reply = await expressInterest(context(), world, world.cookies[role])
      expect(reply.status, role).toBe(403)
      expect(reply.data.result.error[''], role).toEqual(['interests.errors.unverified'])
    }
    expect(await t.db.select().from(interests)).toEqual([])
  })

  it('checks the message and the ticket range', async () => {
    const short = await expressInterest(context(), world, world.cookies.verifiedInvestor, { message: 'Hi' })
    expect(short.status).toBe(400)
    expect(short.data.result.error.message).toEqual(['interests.errors.messageTooShort'])
    const reversed = await expressInterest(context(), world, world.cookies.verifiedInvestor, { ticketMin: '300000', ticketMax: '100000' })
    expect(reversed.data.result.error.ticketMax).toEqual(['interests.errors.ticketOrder'])
    const tiny = await expressInterest(context(), world, world.cookies.verifiedInvestor, { ticketMin: '10', ticketMax: '999999999999' })
    expect(tiny.data.result.error.ticketMin).toEqual(['interests.errors.amountTooSmall'])
    expect(tiny.data.result.error.ticketMax).toEqual(['interests.errors.amountTooLarge'])
    expect(await t.db.select().from(interests)).toEqual([])
  })
})

describe('the double opt-in introduction', () => {
  let interestId: string

  it('a verified investor expresses interest; the startup sees the organisation, message and ticket but no person', async () => {
    const sent = await expressInterest(context(), world, world.cookies.verifiedInvestor)
    expect(sent.status).toBe(302)
    expect(sent.location).toBe(`/proposals/${world.proposalId}`)
    const again = await expressInterest(context(), world, world.cookies.verifiedInvestor)
    expect(again.status).toBe(409)
    expect(again.data.result.error['']).toEqual(['interests.errors.alreadyOpen'])

    const page = await inbox(world.cookies.member)
    expect(page.status).toBe(200)
    expect(page.data.inbox).toHaveLength(1)
    const [entry] = page.data.inbox
    interestId = entry.id
    expect(entry.investor).toEqual({ name: world.verifiedInvestor.organisation.name, type: 'vc_fund', country: 'PT' })
    expect(entry.message).toMatch(/seed fund in Porto/)
    expect([entry.ticketMinCents, entry.ticketMaxCents]).toEqual([5_000_000, 25_000_000])
    expect((await proposalPage(world.cookies.verifiedInvestor)).data.interest).toMatchObject({ state: 'pending', interestId })
  })

  it('leaks no contact detail of either side before acceptance: pages, loader data, API, notifications, emails', async () => {
    await runJobs(t.db, t.url)
    const investor = await person(world.verifiedInvestor.user.id)
    const startupPeople = [await person(world.memberId), await person(world.startupAdmin.id)]
    const startupSees = JSON.stringify([(await inbox(world.cookies.member)).data, (await inbox(world.cookies.admin)).data, (await proposalPage(world.cookies.member)).data])
    const investorSees = JSON.stringify([
      (await proposalPage(world.cookies.verifiedInvestor)).data,
      (await callRoute(apiLoader, makeRequest(`/api/v1/proposals/${world.proposalId}`, { cookie: world.cookies.verifiedInvestor }), context(), { id: world.proposalId })).data,
    ])
    const startupGot = await sentTo([world.memberId, world.startupAdmin.id])
    const investorGot = await sentTo([world.verifiedInvestor.user.id])
    expect(startupGot).toContain(world.verifiedInvestor.organisation.name)
    for (const text of [startupSees, startupGot]) {
      expect(text).not.toContain(investor.email)
      expect(text).not.toContain(investor.name)
    }
    for (const someone of startupPeople) {
      expect(investorSees).not.toContain(someone.email)
      expect(investorSees).not.toContain(someone.name)
      expect(investorGot).not.toContain(someone.email)
    }
    // The startup was told, by email too, in its members' language.
    const mails = await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, startupPeople[0]!.email))
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('New interest')])
    expect(mails[0]!.text).toContain(world.verifiedInvestor.organisation.name)
    expect(mails[0]!.text).toContain('€50,000 – €250,000')
  })

  it('only the startup’s own members see its inbox and answer: others get a 404', async () => {
    for (const role of ['otherStartupMember', 'verifiedInvestor', 'unverifiedInvestor', 'signedIn'] as const) {
      expect((await inbox(world.cookies[role])).status, role).toBe(404)
      expect((await answerInterest(context(), world, world.cookies[role], { intent: 'accept', interestId })).status, role).toBe(404)
    }
    const [row] = await t.db.select().from(interests).where(eq(interests.id, interestId))
    expect(row!.status).toBe('pending')
  })

  it('on acceptance a conversation opens and both sides have each other’s contacts, on the page and by email', async () => {
    const accepted = await answerInterest(context(), world, world.cookies.admin, { intent: 'accept', interestId })
    expect(accepted.status).toBe(302)
    const conversationId = accepted.location!.split('/').pop()!
    expect(accepted.location).toBe(`/conversations/${conversationId}`)
    expect((await answerInterest(context(), world, world.cookies.member, { intent: 'decline', interestId })).status).toBe(409)

    const investor = await person(world.verifiedInvestor.user.id)
    const owner = await person(world.memberId)
    const admin = await person(world.startupAdmin.id)
    for (const cookie of [world.cookies.verifiedInvestor, world.cookies.member]) {
      const page = await callRoute(conversationLoader, makeRequest(`/conversations/${conversationId}`, { cookie }), context(), { conversationId })
      expect(page.status).toBe(200)
      expect(page.data.conversation.investor).toEqual({ organisation: world.verifiedInvestor.organisation.name, people: [investor] })
      expect(page.data.conversation.startup.people).toEqual(expect.arrayContaining([owner, admin]))
      expect(page.data.conversation.startup.organisation).toBe(world.startup.name)
    }

    await runJobs(t.db, t.url)
    const [toInvestor] = await t.db.select().from(mailboxMessages).where(and(eq(mailboxMessages.to, investor.email)))
    expect(toInvestor!.subject).toContain('Introduction')
    expect(toInvestor!.text).toContain(owner.email)
    expect(toInvestor!.text).toContain(admin.email)
    const toStartup = await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, owner.email))
    const introduction = toStartup.find((mail) => mail.subject.includes('Introduction'))
    expect(introduction?.text).toContain(investor.email)
    expect(introduction?.text).toContain(investor.name)
    expect((await proposalPage(world.cookies.verifiedInvestor)).data.interest).toEqual({ state: 'accepted', conversationId })
  })
})

describe('abuse limits', () => {
  it('an organisation declined twice for a proposal cannot write about it again', async () => {
    await clearInterests()
    for (let round = 0; round < 2; round += 1) {
      expect((await expressInterest(context(), world, world.cookies.otherInvestor)).status).toBe(302)
      const [pending] = await t.db.select().from(interests).where(eq(interests.status, 'pending'))
      const declined = await answerInterest(context(), world, world.cookies.member, { intent: 'decline', interestId: pending!.id, reason: 'Not the right stage for us' })
      expect(declined.status).toBe(302)
    }
    const third = await expressInterest(context(), world, world.cookies.otherInvestor)
    expect(third.status).toBe(403)
    expect(third.data.result.error['']).toEqual(['interests.errors.declinedTwice'])
    expect((await callRoute(proposalLoader, makeRequest(`/proposals/${world.proposalId}`, { cookie: world.cookies.otherInvestor }), context(), { proposalId: world.proposalId })).data.interest).toEqual({ state: 'blocked' })
    await runJobs(t.db, t.url)
    const [mail] = await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, (await person(world.otherInvestor.user.id)).email))
    expect(mail!.text).toContain('Not the right stage for us')
  })

  it('at most 10 interests per investor organisation in 24 hours; older ones do not count', async () => {
    await clearInterests()
    const organisationId = world.verifiedInvestor.organisation.id
    const earlier = Array.from({ length: 10 }, () => ({
      proposalId: world.proposalId,
      investorOrganisationId: organisationId,
      message: 'An earlier interest, withdrawn since',
      ticketMinCents: 100_000,
      ticketMaxCents: 100_000,
      status: 'withdrawn' as const,
    }))
    await t.db.insert(interests).values(earlier)
    const eleventh = await expressInterest(context(), world, world.cookies.verifiedInvestor)
    expect(eleventh.status).toBe(429)
    expect(eleventh.data.result.error['']).toEqual(['interests.errors.dailyLimit'])
    await t.db.update(interests).set({ createdAt: new Date(Date.now() - 25 * 3600 * 1000) })
    expect((await expressInterest(context(), world, world.cookies.verifiedInvestor)).status).toBe(302)
  })

  it('the investor withdraws a pending interest; another organisation cannot', async () => {
    const [pending] = await t.db.select().from(interests).where(eq(interests.status, 'pending'))
    const withdraw = (cookie: string | null) =>
      callRoute(
        interestAction,
        makeRequest(`/proposals/${world.proposalId}/interest`, { cookie, form: { intent: 'withdraw', id: pending!.id } }),
        context(),
        { proposalId: world.proposalId },
      )
    expect((await withdraw(world.cookies.otherInvestor)).status).toBe(404)
    expect((await withdraw(world.cookies.verifiedInvestor)).status).toBe(302)
    const [row] = await t.db.select().from(interests).where(eq(interests.id, pending!.id))
    expect(row!.status).toBe('withdrawn')
    expect((await withdraw(world.cookies.verifiedInvestor)).status).toBe(409)
  })
})
