/**
 * Round commitments through the pool page: who sees it and who may commit (participating
 * investors only; everyone else a 404), recording, changing and withdrawing a commitment, the
 * pledge as a ceiling, the round's status, bad input, and the matched amounts that follow on the
 * pool page and on the public panel.
 */
import { eq, isNull } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { publicMatchingPanel } from '~/modules/rounds/commitments.server'
import { loader as roundPageLoader } from '~/routes/rounds.$slug._index/route'
import { action, loader } from '~/routes/rounds_.$slug.pool/route'
import { roundCommitments, rounds } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { callRoute } from '../setup/routes'
import { createRound, pledge, shortlistedApplication } from '../setup/round-factories'
import { createPoolWorld, type PoolWorld } from './pool-world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
const EUR = 100

let world: PoolWorld

beforeAll(async () => {
  world = await createPoolWorld(t.db, context())
})

beforeEach(async () => {
  await t.db.delete(roundCommitments)
  await t.db.update(rounds).set({ status: 'shortlisted' }).where(eq(rounds.id, world.round.id))
})

type Role = keyof PoolWorld['cookies']

function poolPage(role: Role, slug = world.round.slug, query = '') {
  return callRoute(loader, makeRequest(`/rounds/${slug}/pool${query}`, { cookie: world.cookies[role] }), context(), { slug })
}

function post(role: Role, form: Record<string, string>, slug = world.round.slug) {
  return callRoute(action, makeRequest(`/rounds/${slug}/pool`, { cookie: world.cookies[role], form }), context(), { slug })
}

const investorOf = { seed: 'seed', porto: 'porto', fund: 'fund', outsider: 'outsider' } as const

function commit(role: keyof typeof investorOf, application: keyof PoolWorld['applications'], amount: string) {
  return post(role, {
    intent: 'commit',
    organisationId: world.investors[investorOf[role]].organisation.id,
    applicationId: world.applications[application].id,
    amount,
  })
}

function withdraw(role: keyof typeof investorOf, application: keyof PoolWorld['applications']) {
  return post(role, { intent: 'withdraw', organisationId: world.investors[investorOf[role]].organisation.id, applicationId: world.applications[application].id })
}

async function active() {
  const rows = await t.db.select().from(roundCommitments).where(isNull(roundCommitments.withdrawnAt))
  return rows.map((row) => ({ application: row.applicationId, investor: row.investorOrganisationId, euros: row.amountCents / EUR }))
}

describe('who sees the pool page', () => {
  it('shows a participating investor the shortlist in shortlist order, with its pledge and no commitment yet', async () => {
    const page = await poolPage('seed')
    expect(page.status).toBe(200)
    expect(page.data.startups.map((s: { name: string; title: string }) => [s.name, s.title])).toEqual([
      ['Biomar Norte', 'Marine collagen scaffolds'],
      ['Fagos Atlánticos', 'Phage cocktails for hospitals'],
    ])
    expect(page.data.pledge).toMatchObject({ name: 'Galicia Seed', pledgeCents: 300_000 * EUR, committedCents: 0, leftCents: 300_000 * EUR })
    expect(page.data.pool).toMatchObject({ poolCents: 100_000 * EUR, usedCents: 0, leftCents: 100_000 * EUR })
    expect(page.data.canCommit).toBe(true)
    expect(page.data.startups.every((s: { mine: unknown }) => s.mine === null)).toBe(true)
  })

  it('is a 404 for everyone outside the pool, organisers included, and sends anonymous visitors to log in', async () => {
    for (const role of ['outsider', 'biomar', 'nobody', 'otherOrganiser', 'organiser'] as const) {
      expect((await poolPage(role)).status, role).toBe(404)
    }
    const anonymous = await poolPage('anonymous')
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
  })

  it('is a 404 for a draft round, even for an organisation that pledged to it', async () => {
    const { round: draft } = await createRound(t.db, world.organiser.organisation.id, { status: 'draft' })
    await pledge(t.db, draft.id, world.investors.seed.organisation.id, 10_000 * EUR)
    expect((await poolPage('seed', draft.slug)).status).toBe(404)
  })
})

describe('committing', () => {
  it('records, changes and withdraws a commitment, one active per investor and application', async () => {
    const first = await commit('seed', 'biomar', '60000')
    expect(first.status).toBe(302)
    expect(first.location).toBe(`/rounds/${world.round.slug}/pool?organisation=${world.investors.seed.organisation.slug}`)
    expect(await active()).toEqual([{ application: world.applications.biomar.id, investor: world.investors.seed.organisation.id, euros: 60_000 }])

    expect((await commit('seed', 'biomar', '70000')).status).toBe(302)
    expect(await active()).toEqual([{ application: world.applications.biomar.id, investor: world.investors.seed.organisation.id, euros: 70_000 }])
    expect(await t.db.select().from(roundCommitments)).toHaveLength(1)

    const page = await poolPage('seed')
    expect(page.data.startups[0].mine.amountCents).toBe(70_000 * EUR)
    expect(page.data.pledge).toMatchObject({ committedCents: 70_000 * EUR, leftCents: 230_000 * EUR })

    expect((await withdraw('seed', 'biomar')).status).toBe(302)
    expect(await active()).toEqual([])
    expect((await poolPage('seed')).data.startups[0].mine).toBeNull()
    const again = await withdraw('seed', 'biomar')
    expect(again.status).toBe(409)
    expect(again.data.result.error['']).toEqual(['pool.errors.nothingToWithdraw'])

    expect((await commit('seed', 'biomar', '20000')).status).toBe(302)
    expect(await t.db.select().from(roundCommitments)).toHaveLength(2)
    expect(await active()).toHaveLength(1)
  })

  it("matches a startup once its private commitments meet every condition, and shows it on the pool page and the public panel", async () => {
    await commit('porto', 'fagos', '60000')
    let panel = await publicMatchingPanel(t.db, world.round)
    expect(panel!.startups.map((s) => [s.name, s.conditions, s.matchedCents])).toEqual([
      ['Biomar Norte', { minCommitted: 'unmet', minInvestors: 'unmet', crossBorder: 'unmet' }, 0],
      ['Fagos Atlánticos', { minCommitted: 'unmet', minInvestors: 'unmet', crossBorder: 'met' }, 0],
    ])

    // The fund's own commitment is not private: Fagos still has one private investor.
    await commit('fund', 'fagos', '40000')
    panel = await publicMatchingPanel(t.db, world.round)
    expect(panel!.startups[1]).toMatchObject({ conditions: { minCommitted: 'unmet', minInvestors: 'unmet', crossBorder: 'met' }, matchedCents: 0 })

    await commit('seed', 'fagos', '40000')
    panel = await publicMatchingPanel(t.db, world.round)
    expect(panel!.startups[1]).toMatchObject({ qualifies: true, matchedCents: 50_000 * EUR })
    // Nothing of who committed what reaches the public page.
    expect(JSON.stringify(panel)).not.toMatch(/Porto Ventures|Galicia Seed|committedCents|privateCents|amountCents/)

    const page = await poolPage('porto')
    const fagos = page.data.startups[1]
    expect(fagos).toMatchObject({ committedCents: 140_000 * EUR, investors: 2, qualifies: true, matchedCents: 50_000 * EUR, limitedBy: 'startup_cap', servedAs: 1 })
    // The fund's 40,000 € came out of its 100,000 € pledge: 60,000 € to match with, 50,000 € used.
    expect(page.data.pool).toMatchObject({ poolCents: 60_000 * EUR, usedCents: 50_000 * EUR, leftCents: 10_000 * EUR })
  })

  it("refuses a commitment beyond the organisation's pledge, next to the amount, and stores nothing", async () => {
    await commit('porto', 'biomar', '150000')
    const over = await commit('porto', 'fagos', '50001')
    expect(over.status).toBe(400)
    expect(over.data.applicationId).toBe(world.applications.fagos.id)
    expect(over.data.result.error.amount).toEqual(['pool.errors.overPledge'])
    expect(await active()).toHaveLength(1)
    // Exactly what is left is fine; so is raising a commitment within the pledge.
    expect((await commit('porto', 'fagos', '50000')).status).toBe(302)
    expect((await commit('porto', 'biomar', '150001')).status).toBe(400)
    expect((await commit('porto', 'biomar', '140000')).status).toBe(302)
  })

  it('refuses while the round is not shortlisted, and once it is closed', async () => {
    await t.db.update(rounds).set({ status: 'under_review' }).where(eq(rounds.id, world.round.id))
    const early = await commit('seed', 'biomar', '60000')
    expect(early.status).toBe(409)
    expect(early.data.result.error['']).toEqual(['pool.errors.notShortlistedYet'])
    expect((await poolPage('seed')).data.canCommit).toBe(false)

    await t.db.update(rounds).set({ status: 'shortlisted' }).where(eq(rounds.id, world.round.id))
    await commit('seed', 'biomar', '60000')
    await t.db.update(rounds).set({ status: 'closed' }).where(eq(rounds.id, world.round.id))
    const late = await withdraw('seed', 'biomar')
    expect(late.status).toBe(409)
    expect(late.data.result.error['']).toEqual(['pool.errors.roundClosed'])
    expect(await active()).toHaveLength(1)
  })

  it('is a 404 for an investor outside the pool, for another organisation than the sender’s, and for applications not on this shortlist', async () => {
    expect((await commit('outsider', 'biomar', '60000')).status).toBe(404)
    // A Galicia Seed member naming Porto Ventures.
    const borrowed = await post('seed', { intent: 'commit', organisationId: world.investors.porto.organisation.id, applicationId: world.applications.biomar.id, amount: '60000' })
    expect(borrowed.status).toBe(404)
    expect((await commit('seed', 'algas', '60000')).status).toBe(404)
    const { round: other } = await createRound(t.db, world.organiser.organisation.id, { status: 'shortlisted' })
    const elsewhere = await shortlistedApplication(t.db, other.id, world.startups.fagos.organisation.id)
    const foreign = await post('seed', { intent: 'commit', organisationId: world.investors.seed.organisation.id, applicationId: elsewhere.id, amount: '60000' })
    expect(foreign.status).toBe(404)
    expect(await active()).toEqual([])
  })

  it('answers bad amounts with a 400 next to the field', async () => {
    const cases: [string, string][] = [
      ['', 'pool.errors.amountInvalid'],
      ['lots', 'pool.errors.amountInvalid'],
      ['999', 'pool.errors.amountTooSmall'],
      ['1500.50', 'pool.errors.amountWhole'],
      ['100000001', 'pool.errors.amountTooLarge'],
    ]
    for (const [amount, message] of cases) {
      const reply = await commit('seed', 'biomar', amount)
      expect(reply.status, amount).toBe(400)
      expect(reply.data.result.error.amount, amount).toEqual([message])
    }
    const unknown = await post('seed', { intent: 'commit', organisationId: 'nope', applicationId: 'nope', amount: '5000' })
    expect(unknown.status).toBe(400)
    expect(await active()).toEqual([])
  })
})

describe('the public panel', () => {
  it('shows on the public round page to anyone, without who committed what', async () => {
    await commit('porto', 'fagos', '60000')
    await commit('seed', 'fagos', '45000')
    const page = await callRoute(roundPageLoader, makeRequest(`/rounds/${world.round.slug}`), context(), { slug: world.round.slug })
    expect(page.status).toBe(200)
    expect(page.data.matching.startups.map((s: { name: string; matchedCents: number }) => [s.name, s.matchedCents])).toEqual([
      ['Biomar Norte', 0],
      ['Fagos Atlánticos', 50_000 * EUR],
    ])
    expect(JSON.stringify(page.data.matching)).not.toMatch(/Porto Ventures|Galicia Seed|105000|10500000/)
  })

  it('is there once the shortlist is out (shortlisted and closed rounds), not before', async () => {
    expect(await publicMatchingPanel(t.db, { ...world.round, status: 'under_review' })).toBeNull()
    expect(await publicMatchingPanel(t.db, { ...world.round, status: 'open' })).toBeNull()
    expect((await publicMatchingPanel(t.db, { ...world.round, status: 'closed' }))!.startups).toHaveLength(2)
  })

  it('serves the round cap first come, first served: the second startup to qualify gets the remainder', async () => {
    await commit('porto', 'fagos', '60000')
    await commit('seed', 'fagos', '60000')
    await commit('seed', 'biomar', '60000')
    await commit('porto', 'biomar', '60000')
    const panel = await publicMatchingPanel(t.db, world.round)
    // Fagos qualified first (50,000 €, its cap); Biomar, shortlisted first, gets the 30,000 € left under the round cap.
    expect(panel!.startups.map((s) => [s.name, s.servedAs, s.matchedCents])).toEqual([
      ['Biomar Norte', 2, 30_000 * EUR],
      ['Fagos Atlánticos', 1, 50_000 * EUR],
    ])
  })
})
