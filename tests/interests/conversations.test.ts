/**
 * Conversations and soft commitments after an introduction: who may read and write (an
 * investor of another organisation or another startup's member gets a 404, organisers read),
 * unread counts per conversation and in total, one message email per person until they look,
 * and the startup's ledger (active total, investors, cross-border share).
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as conversationLoader } from '~/routes/conversations.$conversationId/route'
import { loader as listLoader } from '~/routes/conversations._index'
import { loader as investorsLoader } from '~/routes/studio_.$slug.proposals.$proposalId.investors/route'
import { commitments, notifications } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { daysFromToday } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { createWorld, introduce, postToConversation, type World } from './world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

let world: World
let conversationId: string
let otherConversationId: string

beforeAll(async () => {
  world = await createWorld(t.db, context())
  conversationId = await introduce(context(), world, world.cookies.verifiedInvestor)
  otherConversationId = await introduce(context(), world, world.cookies.otherInvestor)
})

function open(id: string, cookie: string | null) {
  return callRoute(conversationLoader, makeRequest(`/conversations/${id}`, { cookie }), context(), { conversationId: id })
}

function list(cookie: string | null) {
  return callRoute(listLoader, makeRequest('/conversations', { cookie }), context())
}

function ledger(cookie: string | null) {
  const path = `/studio/${world.startupSlug}/proposals/${world.proposalId}/investors`
  return callRoute(investorsLoader, makeRequest(path, { cookie }), context(), { slug: world.startupSlug, proposalId: world.proposalId })
}

const messageNotes = (userId: string) =>
  t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'message.received')))

describe('who may read and write a conversation', () => {
  it('the two organisations read and write; organisers read only; everyone else gets a 404', async () => {
    expect((await open(conversationId, world.cookies.verifiedInvestor)).status).toBe(200)
    expect((await open(conversationId, world.cookies.member)).status).toBe(200)
    const moderated = await open(conversationId, world.cookies.organiser)
    expect(moderated.status).toBe(200)
    expect(moderated.data.conversation.side).toBe('organiser')
    const organiserWrites = await postToConversation(context(), conversationId, world.cookies.organiser, { intent: 'message', body: 'Hello from the organiser' })
    expect(organiserWrites.status).toBe(403)

    for (const role of ['otherInvestor', 'unverifiedInvestor', 'otherStartupMember', 'signedIn'] as const) {
      expect((await open(conversationId, world.cookies[role])).status, role).toBe(404)
      const write = await postToConversation(context(), conversationId, world.cookies[role], { intent: 'message', body: 'Let me in' })
      expect(write.status, role).toBe(404)
      const commit = await postToConversation(context(), conversationId, world.cookies[role], { intent: 'commit', amount: '100000', validUntil: daysFromToday(30) })
      expect(commit.status, role).toBe(404)
    }
    expect((await open(conversationId, null)).status).toBe(302)
    expect((await open('not-a-uuid', world.cookies.member)).status).toBe(404)
  })

  it('lists each person’s own conversations only', async () => {
    const investor = await list(world.cookies.verifiedInvestor)
    expect(investor.data.conversations.map((c: { id: string }) => c.id)).toEqual([conversationId])
    expect(investor.data.conversations[0].counterpart).toBe(world.startup.name)
    const startup = await list(world.cookies.member)
    expect(startup.data.conversations.map((c: { id: string }) => c.id).sort()).toEqual([conversationId, otherConversationId].sort())
    expect((await list(world.cookies.otherStartupMember)).data.conversations).toEqual([])
  })
})

describe('messages and unread counts', () => {
  it('counts unread messages per conversation and in total, and emails each person once until they look', async () => {
    for (const body of ['First question: when can we see the data room?', 'Second: who leads the round?']) {
      expect((await postToConversation(context(), conversationId, world.cookies.verifiedInvestor, { intent: 'message', body })).status).toBe(302)
    }
    expect((await postToConversation(context(), otherConversationId, world.cookies.otherInvestor, { intent: 'message', body: 'Hello from the other fund' })).status).toBe(302)

    const startup = await list(world.cookies.member)
    expect(startup.data.unread).toBe(3)
    const counts = Object.fromEntries(startup.data.conversations.map((c: { id: string; unread: number }) => [c.id, c.unread]))
    expect(counts).toEqual({ [conversationId]: 2, [otherConversationId]: 1 })
    // The writer has nothing unread.
    expect((await list(world.cookies.verifiedInvestor)).data.unread).toBe(0)
    // Two messages, one notification (and so one email) for each startup member.
    expect(await messageNotes(world.memberId)).toHaveLength(2)
    expect((await messageNotes(world.memberId)).filter((n) => n.link === `/conversations/${conversationId}`)).toHaveLength(1)

    const page = await open(conversationId, world.cookies.member)
    expect(page.data.conversation.messages.map((m: { body: string }) => m.body)).toEqual(['First question: when can we see the data room?', 'Second: who leads the round?'])
    const after = await list(world.cookies.member)
    expect(after.data.unread).toBe(1)
    expect((await messageNotes(world.memberId)).find((n) => n.link === `/conversations/${conversationId}`)!.readAt).not.toBeNull()
    // The admin has not looked: still 3 unread for them.
    expect((await list(world.cookies.admin)).data.unread).toBe(3)

    // Having looked, the member is told again about the next message; the admin is not.
    await postToConversation(context(), conversationId, world.cookies.verifiedInvestor, { intent: 'message', body: 'Third: any news?' })
    expect((await messageNotes(world.memberId)).filter((n) => n.link === `/conversations/${conversationId}`)).toHaveLength(2)
    expect((await messageNotes(world.startupAdmin.id)).filter((n) => n.link === `/conversations/${conversationId}`)).toHaveLength(1)

    // The startup answers: the investor is told.
    await postToConversation(context(), conversationId, world.cookies.member, { intent: 'message', body: 'The data room is open to you.' })
    expect((await list(world.cookies.verifiedInvestor)).data.unread).toBe(1)
    expect(await messageNotes(world.verifiedInvestor.user.id)).toHaveLength(1)
  })

  it('refuses an empty message', async () => {
    const empty = await postToConversation(context(), conversationId, world.cookies.member, { intent: 'message', body: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.data.result.error.body).toEqual(['interests.errors.bodyRequired'])
  })
})

describe('soft commitments and the ledger', () => {
  it('the investor records commitments; the startup and organisers cannot; the dates and amounts are checked', async () => {
    const portugal = await postToConversation(context(), conversationId, world.cookies.verifiedInvestor, {
      intent: 'commit',
      amount: '100000',
      conditions: 'Subject to due diligence',
      validUntil: daysFromToday(60),
    })
    expect(portugal.status).toBe(302)
    const spain = await postToConversation(context(), otherConversationId, world.cookies.otherInvestor, { intent: 'commit', amount: '300000', validUntil: daysFromToday(90) })
    expect(spain.status).toBe(302)

    const byStartup = await postToConversation(context(), conversationId, world.cookies.member, { intent: 'commit', amount: '100000', validUntil: daysFromToday(60) })
    expect(byStartup.status).toBe(403)
    expect(byStartup.data.result.error['']).toEqual(['interests.errors.onlyInvestorCommits'])
    expect((await postToConversation(context(), conversationId, world.cookies.organiser, { intent: 'commit', amount: '100000', validUntil: daysFromToday(60) })).status).toBe(403)
    const past = await postToConversation(context(), conversationId, world.cookies.verifiedInvestor, { intent: 'commit', amount: '100000', validUntil: daysFromToday(0) })
    expect(past.data.result.error.validUntil).toEqual(['interests.errors.validUntilPast'])
    expect(await t.db.select().from(commitments)).toHaveLength(2)
    // The startup's members were told.
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, world.memberId), eq(notifications.kind, 'commitment.changed')))
    expect(told).toHaveLength(2)
    expect(told.map((n) => n.data.amountCents).sort()).toEqual([10_000_000, 30_000_000])
  })

  it('the ledger adds the active commitments: total, investors, share from other countries', async () => {
    const page = await ledger(world.cookies.member)
    expect(page.status).toBe(200)
    expect(page.data.ledger).toMatchObject({ totalCents: 40_000_000, investors: 2, crossBorderCents: 10_000_000, crossBorderShare: 0.25 })
    expect(page.data.ledger.commitments.map((c: { investor: string }) => c.investor).sort()).toEqual(
      [world.verifiedInvestor.organisation.name, world.otherInvestor.organisation.name].sort(),
    )
    // Each investor sees its own commitments in its conversation, not the other's.
    const own = await open(conversationId, world.cookies.verifiedInvestor)
    expect(own.data.commitments.map((c: { amountCents: number }) => c.amountCents)).toEqual([10_000_000])
    // Only the startup's members see the ledger.
    for (const role of ['verifiedInvestor', 'otherInvestor', 'otherStartupMember'] as const) expect((await ledger(world.cookies[role])).status, role).toBe(404)
  })

  it('withdrawn and expired commitments leave the totals; either side withdraws, with who and when', async () => {
    const [spanish] = await t.db.select().from(commitments).where(eq(commitments.investorOrganisationId, world.otherInvestor.organisation.id))
    // Another organisation's investor cannot withdraw it.
    expect((await postToConversation(context(), conversationId, world.cookies.verifiedInvestor, { intent: 'withdrawCommitment', id: spanish!.id })).status).toBe(404)
    const withdrawn = await postToConversation(context(), otherConversationId, world.cookies.member, { intent: 'withdrawCommitment', id: spanish!.id })
    expect(withdrawn.status).toBe(302)
    expect((await postToConversation(context(), otherConversationId, world.cookies.otherInvestor, { intent: 'withdrawCommitment', id: spanish!.id })).status).toBe(409)

    let page = await ledger(world.cookies.member)
    expect(page.data.ledger).toMatchObject({ totalCents: 10_000_000, investors: 1, crossBorderShare: 1 })
    const entry = page.data.ledger.commitments.find((c: { id: string }) => c.id === spanish!.id)
    expect(entry).toMatchObject({ active: false, withdrawnBy: { name: 'Sara Startup', side: 'startup' } })
    expect(entry.withdrawnAt).toBeTruthy()

    await t.db.update(commitments).set({ validUntil: daysFromToday(-1) }).where(eq(commitments.investorOrganisationId, world.verifiedInvestor.organisation.id))
    page = await ledger(world.cookies.member)
    expect(page.data.ledger).toMatchObject({ totalCents: 0, investors: 0, crossBorderShare: 0 })
  })
})
