/**
 * A round's status moves one step at a time with who and when (draft → open only when complete,
 * open → under review at the deadline or early with a confirmation, shortlisted → closed), and
 * what the public sees: open and upcoming rounds, never a draft, and a round's page with its
 * eligibility, window, criteria and pool.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { transitionRound } from '~/modules/rounds/lifecycle.server'
import { RoundRuleError } from '~/modules/rounds/round-rule-error'
import { loader as publicListLoader } from '~/routes/rounds._index'
import { loader as publicRoundLoader } from '~/routes/rounds.$slug._index/route'
import { roundCriteria, rounds, roundTransitions } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { actorFor } from '../setup/proposal-factories'
import { callRoute, thrownResponse } from '../setup/routes'
import { createRound, pledge } from '../setup/round-factories'
import { createSetupWorld, criteriaForm, draftThroughPage, postSetup, setupPage, type SetupWorld } from './setup-world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
const hour = 3_600_000
let world: SetupWorld

beforeAll(async () => {
  world = await createSetupWorld(t.db, context())
})

const statusOf = async (id: string) => (await t.db.select({ status: rounds.status }).from(rounds).where(eq(rounds.id, id)))[0]!.status
const transitions = (id: string) => t.db.select().from(roundTransitions).where(eq(roundTransitions.roundId, id)).orderBy(roundTransitions.createdAt)
const move = (slug: string, to: string, extra: Record<string, string> = {}) => postSetup(context(), world.cookies.organiser, slug, { intent: 'transition', to, ...extra })

describe('status transitions', () => {
  it('opens a draft only once it has a name, a criterion and a closing time ahead, and records who and when', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!, { opensAt: '2020-01-01T09:00', closesAt: '2099-01-01T09:00' })
    const page = await setupPage(context(), world.cookies.organiser, round.slug)
    expect(page.data.gaps).toEqual(['criteria'])
    expect(page.data.next).toBe('open')
    const incomplete = await move(round.slug, 'open')
    expect(incomplete.status).toBe(409)
    expect(incomplete.data.result.error['']).toEqual(['rounds.errors.incomplete'])
    expect(await statusOf(round.id)).toBe('draft')

    await postSetup(context(), world.cookies.organiser, round.slug, criteriaForm(['1']))
    const opened = await move(round.slug, 'open')
    expect(opened.status).toBe(302)
    expect(opened.location).toBe(`/organiser/rounds/${round.slug}`)
    expect(await statusOf(round.id)).toBe('open')
    expect((await transitions(round.id)).map((row) => [row.fromStatus, row.toStatus, row.actorId])).toEqual([
      [null, 'draft', world.organiser.id],
      ['draft', 'open', world.organiser.id],
    ])
    // Opening twice is not a move an open round has.
    const again = await move(round.slug, 'open')
    expect(again.status).toBe(409)
    expect(again.data.result.error['']).toEqual(['rounds.errors.moveNotAllowed'])
  })

  it('does not open a round whose closing time has passed (the clock passed in)', async () => {
    const { round } = await createRound(t.db, world.cluster.id, { status: 'draft', closesAt: new Date(Date.now() + hour) })
    const organiser = await actorFor(t.db, world.organiser.id)
    const later = new Date(Date.now() + 2 * hour)
    const error = await transitionRound(t.db, organiser, round, 'open', later).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RoundRuleError)
    expect((error as RoundRuleError).messageKey).toBe('rounds.errors.incomplete')
    expect((await transitionRound(t.db, organiser, round, 'open')).status).toBe('open')
  })

  it('closes applications early only with a confirmation, at the deadline without one', async () => {
    const { round } = await createRound(t.db, world.cluster.id)
    const page = await setupPage(context(), world.cookies.organiser, round.slug)
    expect(page.data).toMatchObject({ next: 'under_review', early: true })
    const unconfirmed = await move(round.slug, 'under_review')
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.data.result.error.early).toEqual(['rounds.errors.earlyUnconfirmed'])
    expect(await statusOf(round.id)).toBe('open')
    expect((await move(round.slug, 'under_review', { early: 'on' })).status).toBe(302)
    expect(await statusOf(round.id)).toBe('under_review')

    const { round: due } = await createRound(t.db, world.cluster.id, { opensAt: new Date(Date.now() - 48 * hour), closesAt: new Date(Date.now() - hour) })
    expect((await setupPage(context(), world.cookies.organiser, due.slug)).data.early).toBe(false)
    expect((await move(due.slug, 'under_review')).status).toBe(302)
  })

  it('lets the review shortlist through transitionRound, then the organiser closes the round, read-only from then on', async () => {
    const { round } = await createRound(t.db, world.cluster.id, { status: 'under_review' })
    const skipped = await move(round.slug, 'closed')
    expect(skipped.status).toBe(409)
    expect((await setupPage(context(), world.cookies.organiser, round.slug)).data.next).toBe('shortlisted')

    const other = await actorFor(t.db, world.otherOrganiser.id)
    expect((await thrownResponse(transitionRound(t.db, other, round, 'shortlisted'))).status).toBe(404)
    const organiser = await actorFor(t.db, world.organiser.id)
    const shortlisted = await transitionRound(t.db, organiser, round, 'shortlisted')
    expect(shortlisted.status).toBe('shortlisted')
    expect((await move(round.slug, 'closed')).status).toBe(302)
    expect(await statusOf(round.id)).toBe('closed')
    expect((await transitions(round.id)).map((row) => `${row.fromStatus}→${row.toStatus}`)).toEqual(['under_review→shortlisted', 'shortlisted→closed'])

    const texts = await postSetup(context(), world.cookies.organiser, round.slug, { intent: 'texts', 'name.en': 'Too late' })
    expect(texts.status).toBe(409)
    expect(texts.data.result.error['']).toEqual(['rounds.errors.roundClosed'])
    const pledged = await postSetup(context(), world.cookies.organiser, round.slug, { intent: 'pledge', investorOrganisationId: world.porto.organisation.id, pledge: '1000' })
    expect(pledged.status).toBe(409)
    expect((await setupPage(context(), world.cookies.organiser, round.slug)).data.next).toBeNull()
  })
})

describe('the public rounds', () => {
  const publicList = (cookie: string | null = null) => callRoute(publicListLoader, makeRequest('/rounds', { cookie }), context())
  const publicRound = (slug: string, cookie: string | null = null) => callRoute(publicRoundLoader, makeRequest(`/rounds/${slug}`, { cookie }), context(), { slug })

  it('lists open rounds by deadline, upcoming ones and past ones, never a draft', async () => {
    const soon = await createRound(t.db, world.cluster.id, { closesAt: new Date(Date.now() + 2 * 86_400_000) })
    const later = await createRound(t.db, world.otherCluster.id, { closesAt: new Date(Date.now() + 20 * 86_400_000) })
    const upcoming = await createRound(t.db, world.cluster.id, { opensAt: new Date(Date.now() + 86_400_000), closesAt: new Date(Date.now() + 30 * 86_400_000) })
    const draft = await createRound(t.db, world.cluster.id, { status: 'draft' })
    const reviewing = await createRound(t.db, world.cluster.id, { status: 'under_review' })
    await pledge(t.db, soon.round.id, world.porto.organisation.id, 30_000_000)

    const { data } = await publicList()
    const slugs = (rows: { slug: string }[]) => rows.map((row) => row.slug)
    expect(slugs(data.open)).toEqual(expect.arrayContaining([soon.round.slug, later.round.slug]))
    expect(slugs(data.open).indexOf(soon.round.slug)).toBeLessThan(slugs(data.open).indexOf(later.round.slug))
    expect(slugs(data.upcoming)).toContain(upcoming.round.slug)
    expect(slugs(data.open)).not.toContain(upcoming.round.slug)
    expect(slugs(data.past)).toContain(reviewing.round.slug)
    expect(JSON.stringify(data)).not.toContain(draft.round.slug)
    expect(data.open.find((row: { slug: string }) => row.slug === soon.round.slug).pool).toBe(30_000_000)
  })

  it('shows a round’s page to anyone once open, with its eligibility, window, criteria and pool; a draft only to its organisers', async () => {
    const { round } = await createRound(t.db, world.cluster.id, {
      status: 'draft',
      eligibleRegions: ['ES11', 'PT11'],
      minTrl: 4,
      amountMinCents: 10_000_000,
      timeZone: 'Europe/Lisbon',
    })
    for (const role of ['anonymous', 'otherOrganiser', 'founder', 'investor'] as const) {
      expect((await publicRound(round.slug, world.cookies[role])).status, role).toBe(404)
    }
    const own = await publicRound(round.slug, world.cookies.organiser)
    expect(own.status).toBe(200)
    expect(own.data.viewer.organises).toBe(true)

    await t.db.update(rounds).set({ status: 'open' }).where(eq(rounds.id, round.id))
    await pledge(t.db, round.id, world.porto.organisation.id, 20_000_000, true)
    const seen = await publicRound(round.slug)
    expect(seen.status).toBe(200)
    expect(seen.data.round).toMatchObject({
      status: 'open',
      phase: 'open',
      timeZone: 'Europe/Lisbon',
      organiserName: 'Clúster Bio Galicia',
      eligibility: { regions: ['ES11', 'PT11'], minTrl: 4, amountMinCents: 10_000_000, amountMaxCents: null, countries: [] },
    })
    expect(seen.data.criteria.map((c: { name: { en: string }; weight: number }) => [c.name.en, c.weight])).toEqual([
      ['Team', 40],
      ['Science', 60],
    ])
    expect(seen.data.questions.map((q: { label: { en: string } }) => q.label.en)).toEqual(['Why this round?'])
    expect(seen.data.investors).toEqual([{ name: 'Porto Ventures', slug: world.porto.organisation.slug, country: 'PT', matchesCommitments: true }])
    expect(seen.data.poolCents).toBe(20_000_000)
    expect(seen.data.matching).toBeNull()
    expect(seen.data.viewer).toEqual({ organises: false, participates: false, startups: [] })
    expect((await publicRound(round.slug, world.cookies.founder)).data.viewer.startups).toEqual([{ slug: world.startup.slug, name: 'Fagos Atlánticos' }])
    // Nothing of the set-up's insides: no pledge per investor, no jury.
    expect(JSON.stringify(seen.data)).not.toMatch(/pledgeCents|jur/i)
    expect((await publicRound(round.slug, world.cookies.investor)).data.viewer.participates).toBe(true)
    expect((await publicRound('no-such-round')).status).toBe(404)
    expect(await t.db.$count(roundCriteria, eq(roundCriteria.roundId, round.id))).toBe(2)
  })
})
