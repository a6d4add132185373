/**
 * Organisers' list of conversations (/organiser/conversations): every introduction with its two
 * organisations, proposal, last message and number of messages, latest activity first,
 * searchable by either organisation's name (accents and case aside), paged; each opens
 * read-only. Nobody but organisers and admins may list them.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { MODERATED_CONVERSATIONS_PER_PAGE } from '~/modules/interests/moderation.server'
import { loader as conversationLoader } from '~/routes/conversations.$conversationId/route'
import { loader as moderationLoader } from '~/routes/organiser.conversations'
import { conversations, interests, organisations } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'
import { createWorld, introduce, postToConversation, type World } from './world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

let world: World
let quiet: string
let busy: string

type Listed = { id: string; investor: string; startup: string; proposal: string; messages: number; lastMessageAt: string | Date | null }

function list(cookie: string | null, search = '') {
  return callRoute(moderationLoader, makeRequest(`/organiser/conversations${search}`, { cookie }), context())
}

beforeAll(async () => {
  world = await createWorld(t.db, context())
  await t.db.update(organisations).set({ name: 'Ría Capital' }).where(eq(organisations.id, world.verifiedInvestor.organisation.id))
  await t.db.update(organisations).set({ name: 'Douro Ventures' }).where(eq(organisations.id, world.otherInvestor.organisation.id))
  busy = await introduce(context(), world, world.cookies.verifiedInvestor)
  quiet = await introduce(context(), world, world.cookies.otherInvestor)
  for (const [cookie, body] of [
    [world.cookies.verifiedInvestor, 'Could we see the preclinical data?'],
    [world.cookies.member, 'Of course, it is in the data room.'],
    [world.cookies.verifiedInvestor, 'Thank you, we will read it this week.'],
  ] as const) {
    expect((await postToConversation(context(), busy, cookie, { intent: 'message', body })).status).toBe(302)
  }
})

describe('the organisers’ list of conversations', () => {
  it('lists every conversation with both organisations, the proposal and its messages, latest activity first', async () => {
    const reply = await list(world.cookies.organiser)
    expect(reply.status).toBe(200)
    const items = reply.data.items as Listed[]
    expect(items.map((c) => [c.id, c.investor, c.startup, c.messages])).toEqual([
      [busy, 'Ría Capital', 'Fagos Atlánticos', 3],
      [quiet, 'Douro Ventures', 'Fagos Atlánticos', 0],
    ])
    expect(items[0]!.proposal).toBe('Phage therapy against resistant hospital infections')
    expect(items[0]!.lastMessageAt).not.toBeNull()
    expect(items[1]!.lastMessageAt).toBeNull()
    expect(reply.data.total).toBe(2)
    // Ponte's admins moderate too.
    expect((await list(await signIn(context(), world.ids.admin))).data.total).toBe(2)
  })

  it('finds conversations by either organisation’s name, without minding accents or case', async () => {
    const ids = async (q: string) => ((await list(world.cookies.organiser, `?q=${encodeURIComponent(q)}`)).data.items as Listed[]).map((c) => c.id)
    expect(await ids('ria cap')).toEqual([busy])
    expect(await ids('DOURO')).toEqual([quiet])
    expect(await ids('atlanticos')).toEqual([busy, quiet])
    expect(await ids('Lisboa')).toEqual([])
    // LIKE's wildcards are letters like any other.
    expect(await ids('%')).toEqual([])
  })

  it('opens each conversation read-only for the organiser', async () => {
    const thread = await callRoute(conversationLoader, makeRequest(`/conversations/${busy}`, { cookie: world.cookies.organiser }), context(), { conversationId: busy })
    expect(thread.status).toBe(200)
    expect(thread.data.conversation.side).toBe('organiser')
    expect(thread.data.conversation.messages).toHaveLength(3)
    expect((await postToConversation(context(), busy, world.cookies.organiser, { intent: 'message', body: 'Hello' })).status).toBe(403)
  })

  it('is for organisers only: investors, startups and others get a 403, visitors the login page', async () => {
    // `admin` here is the startup's admin, not Ponte's.
    for (const role of ['verifiedInvestor', 'otherInvestor', 'member', 'admin', 'otherStartupMember', 'unverifiedInvestor', 'signedIn'] as const) {
      expect((await list(world.cookies[role])).status, role).toBe(403)
    }
    expect((await list(null)).location).toMatch(/^\/login\?redirectTo=%2Forganiser%2Fconversations/)
  })

  it('is paged', async () => {
    const extra = MODERATED_CONVERSATIONS_PER_PAGE
    const older = await t.db
      .insert(interests)
      .values(
        Array.from({ length: extra }, (_, n) => ({
          proposalId: world.proposalId,
          investorOrganisationId: world.otherInvestor.organisation.id,
          message: `An older introduction, number ${n}`,
          ticketMinCents: 1_000_000,
          ticketMaxCents: 2_000_000,
          status: 'withdrawn' as const,
        })),
      )
      .returning({ id: interests.id })
    await t.db.insert(conversations).values(
      older.map((interest, n) => ({
        interestId: interest.id,
        proposalId: world.proposalId,
        investorOrganisationId: world.otherInvestor.organisation.id,
        startupOrganisationId: world.startup.id,
        createdAt: new Date(Date.now() - (n + 1) * 86_400_000),
      })),
    )
    const first = await list(world.cookies.organiser)
    expect(first.data).toMatchObject({ total: extra + 2, page: 1, pageCount: 2 })
    expect(first.data.items).toHaveLength(MODERATED_CONVERSATIONS_PER_PAGE)
    const second = await list(world.cookies.organiser, '?page=2')
    expect(second.data.items).toHaveLength(2)
    const douro = await list(world.cookies.organiser, '?q=douro&page=2')
    expect(douro.data).toMatchObject({ total: extra + 1, page: 2 })
    expect(douro.data.items).toHaveLength(1)
  })
})
