/**
 * Setting up a round through the organiser pages: creating a draft with its window written in a
 * zone and kept in UTC, who may see and change it (404 for everyone but its organisers), the field
 * errors of every section (400, nothing stored), and what still changes once the round is open.
 */
import { asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as listLoader } from '~/routes/organiser.rounds._index'
import { utcToZonedLocal } from '~/modules/i18n/time-zone'
import { poolPledges, roundCommitments, roundCriteria, roundQuestions, rounds } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { callRoute } from '../setup/routes'
import { createApplication, createRound } from '../setup/round-factories'
import { useTestDatabase } from '../setup/database'
import { createSetupWorld, criteriaForm, draftThroughPage, newRoundForm, openNewRound, postNewRound, postSetup, setupPage, type SetupWorld } from './setup-world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
let world: SetupWorld

beforeAll(async () => {
  world = await createSetupWorld(t.db, context())
})

const roundRow = async (id: string) => (await t.db.select().from(rounds).where(eq(rounds.id, id)))[0]!
const list = (cookie: string | null) => callRoute(listLoader, makeRequest('/organiser/rounds', { cookie }), context())

describe('creating a round', () => {
  it('keeps the window written in Lisbon in UTC, across the clocks going forward, and shows it back in that zone', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!, { timeZone: 'Europe/Lisbon', opensAt: '2027-03-01T09:00', closesAt: '2027-03-31T14:00' })
    expect(round).toMatchObject({ status: 'draft', organiserOrganisationId: world.cluster.id, timeZone: 'Europe/Lisbon', slug: 'cross-border-biotech-round-2027' })
    expect(round.name).toEqual({ en: 'Cross-border biotech round 2027', gl: 'Convocatoria biotecnolóxica transfronteiriza 2027' })
    // Lisbon is on UTC in winter and an hour ahead after 28 March 2027.
    expect(round.opensAt.toISOString()).toBe('2027-03-01T09:00:00.000Z')
    expect(round.closesAt.toISOString()).toBe('2027-03-31T13:00:00.000Z')

    const page = await setupPage(context(), world.cookies.organiser, round.slug, 'window')
    expect(page.status).toBe(200)
    expect(page.data.local).toEqual({ opensAt: '2027-03-01T09:00', closesAt: '2027-03-31T14:00' })
    expect(page.data.tab).toBe('window')
    expect(page.data.timeline).toEqual([expect.objectContaining({ from: null, to: 'draft', actorName: 'Xoán Pereira Vilas' })])

    // The same wall-clock deadline in Madrid is an hour earlier in UTC; a second round of the same name gets its own slug.
    const madrid = await draftThroughPage(t.db, context(), world.cookies.organiser!, { closesAt: '2027-03-31T14:00' })
    expect(madrid.closesAt.toISOString()).toBe('2027-03-31T12:00:00.000Z')
    expect(madrid.slug).toBe('cross-border-biotech-round-2027-2')

    const listed = await list(world.cookies.organiser)
    expect(listed.data.rounds.map((r: { slug: string; status: string; applications: number }) => [r.slug, r.status, r.applications])).toEqual([
      [madrid.slug, 'draft', 0],
      [round.slug, 'draft', 0],
    ])
  })

  it('refuses a time the clocks skip, a closing before the opening and a round without a name, with the error at the field', async () => {
    const before = await t.db.$count(rounds)
    const gap = await postNewRound(context(), world.cookies.organiser, newRoundForm({ opensAt: '2027-03-28T02:30' }))
    expect(gap.status).toBe(400)
    expect(gap.data.error.opensAt).toEqual(['rounds.errors.dateTimeSkipped'])
    const reversed = await postNewRound(context(), world.cookies.organiser, newRoundForm({ opensAt: '2027-04-01T09:00', closesAt: '2027-04-01T09:00' }))
    expect(reversed.status).toBe(400)
    expect(reversed.data.error.closesAt).toEqual(['rounds.errors.closesBeforeOpens'])
    const nameless = await postNewRound(context(), world.cookies.organiser, newRoundForm({ 'name.en': ' ', 'name.gl': '' }))
    expect(nameless.status).toBe(400)
    expect(nameless.data.error.name).toEqual(['rounds.errors.nameRequired'])
    const zone = await postNewRound(context(), world.cookies.organiser, newRoundForm({ timeZone: 'America/New_York' }))
    expect(zone.status).toBe(400)
    expect(zone.data.error.timeZone).toEqual(['rounds.errors.timeZoneInvalid'])
    expect(await t.db.$count(rounds)).toBe(before)
  })

  it('runs the round for one of the person’s organiser organisations; an admin chooses among all', async () => {
    const stranger = await postNewRound(context(), world.cookies.organiser, newRoundForm({ organiserOrganisationId: world.otherCluster.id }))
    expect(stranger.status).toBe(400)
    expect(stranger.data.error.organiserOrganisationId).toEqual(['rounds.errors.organiserInvalid'])

    const choices = await openNewRound(context(), world.cookies.admin)
    expect(choices.data.organisers.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Clúster Bio Galicia', 'Associação Bio Norte']))
    const unchosen = await postNewRound(context(), world.cookies.admin, newRoundForm())
    expect(unchosen.status).toBe(400)
    expect(unchosen.data.error.organiserOrganisationId).toEqual(['rounds.errors.organiserRequired'])
    const chosen = await draftThroughPage(t.db, context(), world.cookies.admin!, { organiserOrganisationId: world.otherCluster.id, 'name.en': 'Norte round' })
    expect(chosen.organiserOrganisationId).toBe(world.otherCluster.id)
  })
})

describe('who may see and change a round', () => {
  it('gives its page and its forms only to its organisers and admins: a 404 for everyone else, nothing changed', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!, { 'name.en': 'Private draft' })
    for (const role of ['otherOrganiser', 'founder', 'investor'] as const) {
      expect((await setupPage(context(), world.cookies[role], round.slug)).status, role).toBe(404)
      const post = await postSetup(context(), world.cookies[role], round.slug, { intent: 'texts', 'name.en': 'Taken over' })
      expect(post.status, role).toBe(404)
      const open = await postSetup(context(), world.cookies[role], round.slug, { intent: 'transition', to: 'open' })
      expect(open.status, role).toBe(404)
    }
    expect((await setupPage(context(), null, round.slug)).location).toMatch(/^\/login\?redirectTo=/)
    expect((await setupPage(context(), world.cookies.organiser, 'no-such-round')).status).toBe(404)
    expect((await setupPage(context(), world.cookies.admin, round.slug)).status).toBe(200)
    expect(await roundRow(round.id)).toMatchObject({ name: { en: 'Private draft', gl: 'Convocatoria biotecnolóxica transfronteiriza 2027' }, status: 'draft' })
  })

  it('lists an organiser organisation’s rounds to its members only (admins: all); startups and investors may not create one', async () => {
    const own = (await list(world.cookies.organiser)).data.rounds.map((r: { organiserName: string }) => r.organiserName)
    expect(new Set(own)).toEqual(new Set(['Clúster Bio Galicia']))
    const other = (await list(world.cookies.otherOrganiser)).data.rounds.map((r: { organiserName: string }) => r.organiserName)
    expect(new Set(other)).toEqual(new Set(['Associação Bio Norte']))
    expect((await list(world.cookies.admin)).data.rounds.length).toBe(own.length + other.length)
    for (const role of ['founder', 'investor'] as const) {
      expect((await list(world.cookies[role])).status, role).toBe(403)
      expect((await openNewRound(context(), world.cookies[role])).status, role).toBe(403)
      expect((await postNewRound(context(), world.cookies[role], newRoundForm())).status, role).toBe(403)
    }
    expect((await list(null)).location).toMatch(/^\/login/)
  })
})

describe('the sections of a draft', () => {
  it('saves eligibility, refusing unknown regions, regions outside the countries and an upside-down amount range', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!)
    const post = (form: Record<string, string | string[]>) => postSetup(context(), world.cookies.organiser, round.slug, { intent: 'eligibility', ...form })
    const unknown = await post({ regions: ['ES11', 'XX99'] })
    expect(unknown.status).toBe(400)
    expect(unknown.data.result.error.regions).toEqual(['rounds.errors.regionUnknown'])
    const otherUnknown = await post({ otherRegions: 'FR10, ZZ12' })
    expect(otherUnknown.data.result.error.otherRegions).toEqual(['rounds.errors.regionUnknown'])
    const outside = await post({ regions: ['ES11', 'PT11'], countries: ['PT'] })
    expect(outside.data.result.error.regions).toEqual(['rounds.errors.regionOutsideCountries'])
    const amounts = await post({ amountMin: '500000', amountMax: '100000' })
    expect(amounts.data.result.error.amountMax).toEqual(['rounds.errors.amountOrder'])
    const trl = await post({ minTrl: '12' })
    expect(trl.data.result.error.minTrl).toEqual(['rounds.errors.trlInvalid'])
    const age = await post({ maxCompanyAgeYears: '2.5' })
    expect(age.data.result.error.maxCompanyAgeYears).toEqual(['rounds.errors.companyAgeInvalid'])
    expect(await roundRow(round.id)).toMatchObject({ eligibleRegions: [], amountMinCents: null, minTrl: null })

    const saved = await post({
      regions: ['ES11', 'PT11', 'ES41'],
      otherRegions: 'fr10',
      subsectors: ['health', 'marine'],
      stages: ['seed'],
      minTrl: '4',
      amountMin: '100000',
      amountMax: '1500000,50',
      maxCompanyAgeYears: '7',
    })
    expect(saved.status).toBe(302)
    expect(saved.location).toBe(`/organiser/rounds/${round.slug}?tab=eligibility`)
    expect(await roundRow(round.id)).toMatchObject({
      eligibleRegions: ['ES11', 'PT11', 'ES41', 'FR10'],
      eligibleCountries: [],
      eligibleSubsectors: ['health', 'marine'],
      eligibleStages: ['seed'],
      minTrl: 4,
      amountMinCents: 10_000_000,
      amountMaxCents: 150_000_050,
      maxCompanyAgeYears: 7,
    })
  })

  it('takes criteria with whole weights above zero, shown as shares, and the score scale', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!)
    const post = (form: Record<string, string>) => postSetup(context(), world.cookies.organiser, round.slug, form)
    for (const [weight, message] of [
      ['0', 'rounds.errors.weightPositive'],
      ['-5', 'rounds.errors.weightPositive'],
      ['1.5', 'rounds.errors.weightPositive'],
      ['abc', 'rounds.errors.weightPositive'],
      ['', 'rounds.errors.weightRequired'],
      ['1001', 'rounds.errors.weightTooLarge'],
    ]) {
      const reply = await post(criteriaForm(['30', weight!]))
      expect(reply.status, weight).toBe(400)
      expect(reply.data.result.error['criteria[1].weight'], weight).toEqual([message])
    }
    const unnamed = await post({ ...criteriaForm(['30']), 'criteria[0].name.en': '' })
    expect(unnamed.data.result.error['criteria[0].name']).toEqual(['rounds.errors.criterionNameRequired'])
    const scale = await post(criteriaForm(['30'], '7'))
    expect(scale.data.result.error.scoreScale).toEqual(['rounds.errors.scaleInvalid'])
    expect(await t.db.$count(roundCriteria, eq(roundCriteria.roundId, round.id))).toBe(0)

    expect((await post(criteriaForm(['20', '30', '50'], '10'))).status).toBe(302)
    const stored = await t.db.select().from(roundCriteria).where(eq(roundCriteria.roundId, round.id)).orderBy(asc(roundCriteria.position))
    expect(stored.map((c) => [c.name.en, c.weight])).toEqual([
      ['Criterion 1', 20],
      ['Criterion 2', 30],
      ['Criterion 3', 50],
    ])
    expect((await roundRow(round.id)).scoreScale).toBe(10)
  })

  it('takes questions of every kind in order, a choice with at least two options in each language written', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!)
    const post = (form: Record<string, string>) => postSetup(context(), world.cookies.organiser, round.slug, { intent: 'questions', ...form })
    const one = await post({ 'questions[0].kind': 'choice', 'questions[0].label.en': 'Stage of the trial', 'questions[0].choices.en': 'Phase I' })
    expect(one.status).toBe(400)
    expect(one.data.result.error['questions[0].choices']).toEqual(['rounds.errors.choicesTooFew'])
    const mismatch = await post({ 'questions[0].kind': 'choice', 'questions[0].label.en': 'Stage', 'questions[0].choices.en': 'Phase I\nPhase II', 'questions[0].choices.es': 'Fase I' })
    expect(mismatch.data.result.error['questions[0].choices']).toEqual(['rounds.errors.choicesMismatch'])
    const unlabelled = await post({ 'questions[0].kind': 'number' })
    expect(unlabelled.data.result.error['questions[0].label']).toEqual(['rounds.errors.questionLabelRequired'])
    const kind = await post({ 'questions[0].kind': 'video', 'questions[0].label.en': 'Pitch' })
    expect(kind.data.result.error['questions[0].kind']).toEqual(['rounds.errors.questionKindInvalid'])

    const saved = await post({
      'questions[0].kind': 'long_text',
      'questions[0].label.en': 'Why this round?',
      'questions[0].label.pt': 'Porquê este concurso?',
      'questions[0].required': 'on',
      'questions[1].kind': 'choice',
      'questions[1].label.en': 'Clinical stage',
      'questions[1].choices.en': 'Preclinical\n\nPhase I\nPhase II',
      'questions[1].choices.es': 'Preclínica\nFase I\nFase II',
      'questions[2].kind': 'file',
      'questions[2].label.en': 'Pitch deck',
      'questions[2].help.en': 'PDF, at most 20 pages.',
      'questions[2].required': 'on',
    })
    expect(saved.status).toBe(302)
    const stored = await t.db.select().from(roundQuestions).where(eq(roundQuestions.roundId, round.id)).orderBy(asc(roundQuestions.position))
    expect(stored.map((q) => [q.position, q.kind, q.label.en, q.required])).toEqual([
      [0, 'long_text', 'Why this round?', true],
      [1, 'choice', 'Clinical stage', false],
      [2, 'file', 'Pitch deck', true],
    ])
    expect(stored[0]!.label.pt).toBe('Porquê este concurso?')
    expect(stored[1]!.choices).toEqual([
      { value: 'c1', label: { en: 'Preclinical', es: 'Preclínica' } },
      { value: 'c2', label: { en: 'Phase I', es: 'Fase I' } },
      { value: 'c3', label: { en: 'Phase II', es: 'Fase II' } },
    ])
    expect(stored[2]!.help).toEqual({ en: 'PDF, at most 20 pages.' })

    // Sent again in another order and without the first: the list is replaced as sent.
    await post({ 'questions[0].kind': 'file', 'questions[0].label.en': 'Pitch deck', 'questions[1].kind': 'short_text', 'questions[1].label.en': 'Website' })
    const again = await t.db.select().from(roundQuestions).where(eq(roundQuestions.roundId, round.id)).orderBy(asc(roundQuestions.position))
    expect(again.map((q) => q.label.en)).toEqual(['Pitch deck', 'Website'])
  })

  it('takes the matching rule and refuses a per-startup cap above the round’s', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!)
    const form = { intent: 'matching', matchRatioPercent: '100', matchMinInvestors: '2', matchMinCommitted: '100000', matchCapPerStartup: '80000', matchCapRound: '50000' }
    const caps = await postSetup(context(), world.cookies.organiser, round.slug, form)
    expect(caps.status).toBe(400)
    expect(caps.data.result.error.matchCapPerStartup).toEqual(['rounds.errors.capOrder'])
    const ratio = await postSetup(context(), world.cookies.organiser, round.slug, { ...form, matchRatioPercent: '0', matchCapRound: '' })
    expect(ratio.data.result.error.matchRatioPercent).toEqual(['rounds.errors.ratioInvalid'])
    expect((await postSetup(context(), world.cookies.organiser, round.slug, { ...form, matchCapRound: '400000' })).status).toBe(302)
    expect(await roundRow(round.id)).toMatchObject({
      matchRatioPercent: 100,
      matchMinInvestors: 2,
      matchMinCommittedCents: 10_000_000,
      matchCapPerStartupCents: 8_000_000,
      matchCapRoundCents: 40_000_000,
      matchRequiresCrossBorder: false,
    })
  })

  it('answers an unknown form with a 400', async () => {
    const round = await draftThroughPage(t.db, context(), world.cookies.organiser!)
    const reply = await postSetup(context(), world.cookies.organiser, round.slug, { intent: 'delete-everything' })
    expect(reply.status).toBe(400)
  })
})

describe('pledges to the pool', () => {
  it('takes verified investor organisations with their pledge, changes and removes it, but keeps one that has committed', async () => {
    const { round } = await createRound(t.db, world.cluster.id)
    const post = (form: Record<string, string>) => postSetup(context(), world.cookies.organiser, round.slug, form)
    const unverified = await post({ intent: 'pledge', investorOrganisationId: world.unverified.organisation.id, pledge: '100000' })
    expect(unverified.status).toBe(400)
    expect(unverified.data.result.error.investorOrganisationId).toEqual(['rounds.errors.investorNotVerified'])
    const zero = await post({ intent: 'pledge', investorOrganisationId: world.porto.organisation.id, pledge: '0' })
    expect(zero.data.result.error.pledge).toEqual(['rounds.errors.pledgeRequired'])

    expect((await post({ intent: 'pledge', investorOrganisationId: world.porto.organisation.id, pledge: '200000' })).status).toBe(302)
    expect((await post({ intent: 'pledge', investorOrganisationId: world.porto.organisation.id, pledge: '250000', matchesCommitments: 'on' })).status).toBe(302)
    const pledges = await t.db.select().from(poolPledges).where(eq(poolPledges.roundId, round.id))
    expect(pledges.map((p) => [p.investorOrganisationId, p.pledgeCents, p.matchesCommitments])).toEqual([[world.porto.organisation.id, 25_000_000, true]])
    const page = await setupPage(context(), world.cookies.organiser, round.slug, 'pool')
    expect(page.data.pledges).toEqual([expect.objectContaining({ name: 'Porto Ventures', country: 'PT', pledgeCents: 25_000_000, matchesCommitments: true })])
    expect(page.data.investors.map((o: { name: string }) => o.name)).toContain('Porto Ventures')
    expect(page.data.investors.map((o: { name: string }) => o.name)).not.toContain('Unverified Capital')

    const application = await createApplication(t.db, round.id, world.startup.id, { status: 'shortlisted' })
    await t.db.insert(roundCommitments).values({ applicationId: application.id, investorOrganisationId: world.porto.organisation.id, amountCents: 5_000_000 })
    const kept = await post({ intent: 'remove-pledge', investorOrganisationId: world.porto.organisation.id })
    expect(kept.status).toBe(409)
    expect(kept.data.result.error['']).toEqual(['rounds.errors.pledgeHasCommitments'])
    await t.db.update(roundCommitments).set({ withdrawnAt: new Date() }).where(eq(roundCommitments.applicationId, application.id))
    expect((await post({ intent: 'remove-pledge', investorOrganisationId: world.porto.organisation.id })).status).toBe(302)
    expect(await t.db.$count(poolPledges, eq(poolPledges.roundId, round.id))).toBe(0)
  })
})

describe('once the round is open', () => {
  it('refuses structural changes whatever the page sends, takes texts, pledges and a later closing time only', async () => {
    const closesAt = new Date(Date.now() + 10 * 86_400_000)
    const { round } = await createRound(t.db, world.cluster.id, { closesAt, timeZone: 'Europe/Lisbon' })
    const post = (form: Record<string, string | string[]>) => postSetup(context(), world.cookies.organiser, round.slug, form)
    const refused = [
      { intent: 'eligibility', regions: ['ES11'] },
      { intent: 'questions', 'questions[0].kind': 'short_text', 'questions[0].label.en': 'New question' },
      criteriaForm(['10']),
      { intent: 'window', opensAt: '2030-01-01T09:00', closesAt: '2030-02-01T09:00', timeZone: 'Europe/Madrid' },
      { intent: 'matching', matchRatioPercent: '200', matchMinInvestors: '1' },
    ]
    for (const form of refused) {
      const reply = await post(form)
      expect(reply.status, form.intent as string).toBe(409)
      expect(reply.data.result.error[''], form.intent as string).toEqual(['rounds.errors.lockedOnceOpen'])
    }
    const after = await roundRow(round.id)
    expect(after).toMatchObject({ eligibleRegions: [], matchRatioPercent: 100, closesAt, timeZone: 'Europe/Lisbon' })
    expect((await t.db.select().from(roundCriteria).where(eq(roundCriteria.roundId, round.id))).map((c) => c.weight).sort()).toEqual([40, 60])
    expect((await t.db.select().from(roundQuestions).where(eq(roundQuestions.roundId, round.id))).map((q) => q.label.en)).toEqual(['Why this round?'])

    expect((await post({ intent: 'texts', 'name.en': 'Renamed round', 'description.pt': 'Financiamento conjunto.' })).status).toBe(302)
    expect(await roundRow(round.id)).toMatchObject({ name: { en: 'Renamed round' }, description: { pt: 'Financiamento conjunto.' } })
    expect((await post({ intent: 'pledge', investorOrganisationId: world.porto.organisation.id, pledge: '100000' })).status).toBe(302)

    const earlier = await post({ intent: 'extend', closesAt: '2020-01-01T10:00' })
    expect(earlier.status).toBe(400)
    expect(earlier.data.result.error.closesAt).toEqual(['rounds.errors.closesInPast'])
    const shorter = new Date(closesAt.getTime() - 86_400_000)
    const shortened = await post({ intent: 'extend', closesAt: utcToZonedLocal(shorter, 'Europe/Lisbon') })
    expect(shortened.data.result.error.closesAt).toEqual(['rounds.errors.closesEarlier'])
    const extended = await post({ intent: 'extend', closesAt: '2099-10-25T01:30' })
    expect(extended.status).toBe(302)
    // Written in the round's zone (Lisbon), the earlier of the hour the clocks go back.
    expect((await roundRow(round.id)).closesAt.toISOString()).toBe('2099-10-25T00:30:00.000Z')
  })
})
