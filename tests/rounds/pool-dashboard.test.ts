/**
 * The organiser dashboard and the CSV exports against a seeded round whose figures were counted
 * by hand: applications per day in the viewer's time zone (one of them lands on another day in
 * Madrid than in Lisbon), eligibility failures by rule (distinct startups), each juror's score
 * distribution (the reviews the ranking counts: submitted, by jurors not excluded by a conflict), commitments, matched amounts, the pool used and left, the
 * cross-border share; and who may see any of it (the round's organisers and admins only).
 */
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { EligibilityRule } from '~/modules/rounds/taxonomy'
import { loader as dashboardLoader } from '~/routes/organiser.rounds.$slug.dashboard/route'
import { loader as exportLoader } from '~/routes/organiser.rounds.$slug.export.$file'
import type { Db } from '../../db/client'
import { applicationAnswers, conflictDeclarations, eligibilityChecks, organisations, reviews, reviewScores, roundCommitments, roundJurors, startupProfiles } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { useTestDatabase } from '../setup/database'
import { callRoute } from '../setup/routes'
import { createApplication, createRound, pledge, seatJuror, shortlistedApplication } from '../setup/round-factories'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
const EUR = 100

async function organisationIn(db: Db, kind: 'startup' | 'investor' | 'organiser', name: string, country: string) {
  const user = await createUser(db, { name: `${name} member`, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test` })
  const organisation = await createOrganisation(db, kind, { members: [{ userId: user.id }], name })
  await db.update(organisations).set({ country }).where(eq(organisations.id, organisation.id))
  return { user, organisation }
}

const at = (iso: string) => new Date(iso)

async function seed(db: Db) {
  const organiser = await organisationIn(db, 'organiser', 'Clúster Bio Galicia', 'ES')
  const otherOrganiser = await organisationIn(db, 'organiser', 'Associação Bio Norte', 'PT')
  const admin = await createUser(db, { isAdmin: true })
  // 1:2 matching, no caps, from 10,000 € by one private investor, no cross-border condition.
  const { round, criteria, questions } = await createRound(db, organiser.organisation.id, {
    status: 'shortlisted',
    opensAt: at('2024-03-01T08:00:00Z'),
    closesAt: at('2024-03-05T17:00:00Z'),
    matchRatioPercent: 50,
    matchCapPerStartupCents: null,
    matchCapRoundCents: null,
    matchMinCommittedCents: 10_000 * EUR,
    matchMinInvestors: 1,
    matchRequiresCrossBorder: false,
  })

  const pt1 = await organisationIn(db, 'startup', 'Biomar Norte', 'PT')
  const es1 = await organisationIn(db, 'startup', 'Fagos Atlánticos', 'ES')
  const es2 = await organisationIn(db, 'startup', 'Algas Rías', 'ES')
  const pt2 = await organisationIn(db, 'startup', 'Cortiça Bio', 'PT')
  await db.insert(startupProfiles).values({ organisationId: pt1.organisation.id, region: 'PT11', city: 'Braga' })
  const a1 = await shortlistedApplication(db, round.id, pt1.organisation.id, { submittedAt: at('2024-03-01T10:00:00Z'), decidedAt: at('2024-03-06T10:00:00Z') })
  // 00:30 on 3 March in Madrid, 23:30 on 2 March in Lisbon.
  const a2 = await shortlistedApplication(db, round.id, es1.organisation.id, { submittedAt: at('2024-03-02T23:30:00Z'), decidedAt: at('2024-03-06T11:00:00Z') })
  const a3 = await createApplication(db, round.id, es2.organisation.id, {
    status: 'declined',
    submittedAt: at('2024-03-03T09:00:00Z'),
    eligibility: { eligible: false, verdicts: [{ rule: 'trl', passed: false, actual: 3, expected: { min: 4 } }] },
    feedback: 'Come back with preclinical data.',
  })
  const a4 = await createApplication(db, round.id, pt2.organisation.id, { status: 'withdrawn', submittedAt: at('2024-03-03T12:00:00Z'), withdrawnAt: at('2024-03-04T08:00:00Z') })
  await db.insert(applicationAnswers).values({ applicationId: a1.id, questionId: questions[0]!.id, text: 'To reach Galician investors, "quoted", with a comma.' })

  // Eligibility checks: five startups, three ever eligible; region turned away two, trl one, amount one.
  const x1 = await organisationIn(db, 'startup', 'Xenes', 'ES')
  const x2 = await organisationIn(db, 'startup', 'Yodo', 'ES')
  const x3 = await organisationIn(db, 'startup', 'Zoobio', 'PT')
  const verdict = (rule: EligibilityRule, passed: boolean) => ({ rule, passed, actual: null, expected: {} })
  const check = (startupOrganisationId: string, failing: EligibilityRule[]) => ({
    roundId: round.id,
    startupOrganisationId,
    eligible: failing.length === 0,
    result: { eligible: failing.length === 0, verdicts: (['region', 'trl', 'amount'] as const).map((rule) => verdict(rule, !failing.includes(rule))) },
  })
  await db.insert(eligibilityChecks).values([
    check(pt1.organisation.id, []),
    check(es1.organisation.id, []),
    check(x1.organisation.id, ['region', 'trl']),
    check(x1.organisation.id, ['region', 'trl']),
    check(x2.organisation.id, ['region']),
    check(x3.organisation.id, ['amount']),
    check(x3.organisation.id, []),
  ])

  // Jurors: Ana (independent) submitted two reviews, Bruno (investor) one (his second is a draft), Carla none; Dora never accepted.
  const juror = async (name: string, investorOrganisationId: string | null = null) =>
    seatJuror(db, round.id, await createUser(db, { name, email: `${name.toLowerCase()}@jury.test` }), investorOrganisationId)
  const invEs = await organisationIn(db, 'investor', 'Galicia Seed', 'ES')
  const ana = await juror('Ana')
  const bruno = await juror('Bruno', invEs.organisation.id)
  await juror('Carla')
  const dora = await juror('Dora')
  await db.update(roundJurors).set({ acceptedAt: null }).where(eq(roundJurors.id, dora.id))
  const review = async (jurorId: string, applicationId: string, scores: [number, number], submittedAt: Date | null) => {
    const [row] = await db.insert(reviews).values({ applicationId, jurorId, submittedAt }).returning()
    await db.insert(reviewScores).values(
      criteria.map((criterion, index) => ({ reviewId: row!.id, criterionId: criterion.id, score: scores[index]!, comment: `${criterion.name.en} ${scores[index]}`, sharedWithApplicant: index === 0 })),
    )
  }
  await review(ana.id, a1.id, [4, 5], at('2024-03-06T09:00:00Z'))
  await review(ana.id, a2.id, [2, 3], at('2024-03-06T09:30:00Z'))
  await review(bruno.id, a1.id, [1, 2], at('2024-03-06T09:45:00Z'))
  await review(bruno.id, a2.id, [5, 5], null)

  // Commitments and the pool.
  const invPt = await organisationIn(db, 'investor', 'Porto Ventures', 'PT')
  const invFr = await organisationIn(db, 'investor', 'Lyon Biotech Angels', 'FR')
  const fund = await organisationIn(db, 'investor', 'Fondo Xunta', 'ES')
  await pledge(db, round.id, invEs.organisation.id, 200_000 * EUR)
  await pledge(db, round.id, invPt.organisation.id, 100_000 * EUR)
  await pledge(db, round.id, invFr.organisation.id, 50_000 * EUR)
  await pledge(db, round.id, fund.organisation.id, 100_000 * EUR, true)
  const commitment = (applicationId: string, investorOrganisationId: string, euros: number, when: string, withdrawnAt: Date | null = null) => ({
    applicationId,
    investorOrganisationId,
    amountCents: euros * EUR,
    createdAt: at(when),
    updatedAt: at(when),
    withdrawnAt,
  })
  await db.insert(roundCommitments).values([
    commitment(a1.id, invEs.organisation.id, 60_000, '2024-03-08T10:00:00Z'),
    commitment(a1.id, invFr.organisation.id, 10_000, '2024-03-08T11:00:00Z'),
    commitment(a2.id, invPt.organisation.id, 30_000, '2024-03-07T10:00:00Z'),
    commitment(a2.id, invEs.organisation.id, 20_000, '2024-03-07T11:00:00Z'),
    commitment(a1.id, invPt.organisation.id, 5_000, '2024-03-07T09:00:00Z', at('2024-03-07T12:00:00Z')),
    commitment(a2.id, fund.organisation.id, 10_000, '2024-03-07T12:00:00Z'),
  ])

  const context = testLoadContext(db)
  return {
    round,
    applications: { a1, a2, a3, a4 },
    jurors: { ana, bruno },
    cookies: {
      organiser: await signIn(context, organiser.user.id),
      admin: await signIn(context, admin.id),
      otherOrganiser: await signIn(context, otherOrganiser.user.id),
      startup: await signIn(context, pt1.user.id),
      investor: await signIn(context, invEs.user.id),
      anonymous: null,
    },
  }
}

let world: Awaited<ReturnType<typeof seed>>

beforeAll(async () => {
  world = await seed(t.db)
})

type Role = keyof typeof world.cookies

function dashboard(role: Role, zone?: string) {
  const cookie = [world.cookies[role], zone ? `ponte_tz=${encodeURIComponent(zone)}` : null].filter(Boolean).join('; ')
  const path = `/organiser/rounds/${world.round.slug}/dashboard`
  return callRoute(dashboardLoader, makeRequest(path, { cookie }), context(), { slug: world.round.slug })
}

function download(role: Role, file: string) {
  const path = `/organiser/rounds/${world.round.slug}/export/${file}`
  return callRoute(exportLoader, makeRequest(path, { cookie: world.cookies[role] }), context(), { slug: world.round.slug, file })
}

describe('who sees the dashboard and the exports', () => {
  it('shows them to the round’s organisers and to admins', async () => {
    expect((await dashboard('organiser')).status).toBe(200)
    expect((await dashboard('admin')).status).toBe(200)
    expect((await download('organiser', 'scores.csv')).status).toBe(200)
  })

  it('is a 404 for organisers of another organisation, startups and investors, and sends anonymous visitors to log in', async () => {
    for (const role of ['otherOrganiser', 'startup', 'investor'] as const) {
      expect((await dashboard(role)).status, role).toBe(404)
      for (const file of ['applications.csv', 'scores.csv', 'commitments.csv']) expect((await download(role, file)).status, `${role} ${file}`).toBe(404)
    }
    expect((await dashboard('anonymous')).location).toMatch(/^\/login/)
    expect((await download('anonymous', 'applications.csv')).location).toMatch(/^\/login/)
  })

  it('is a 404 for a file that is not one of the three exports', async () => {
    expect((await download('organiser', 'users.csv')).status).toBe(404)
    expect((await download('organiser', 'scores')).status).toBe(404)
  })
})

describe('the dashboard figures', () => {
  it('counts applications per day in the viewer’s time zone, from the opening to the close', async () => {
    const madrid = (await dashboard('organiser', 'Europe/Madrid')).data.dashboard.applications
    expect(madrid).toMatchObject({ total: 4, withdrawn: 1, shortlisted: 2, declined: 1 })
    expect(madrid.perDay).toEqual([
      { day: '2024-03-01', count: 1 },
      { day: '2024-03-02', count: 0 },
      { day: '2024-03-03', count: 3 },
      { day: '2024-03-04', count: 0 },
      { day: '2024-03-05', count: 0 },
    ])
    const lisbon = (await dashboard('organiser', 'Europe/Lisbon')).data
    expect(lisbon.timeZone).toBe('Europe/Lisbon')
    expect(lisbon.dashboard.applications.perDay.map((d: { count: number }) => d.count)).toEqual([1, 1, 2, 0, 0])
  })

  it('counts eligibility failures as distinct startups per rule', async () => {
    const { eligibility } = (await dashboard('organiser')).data.dashboard
    expect(eligibility).toMatchObject({ checks: 7, startupsChecked: 5, startupsEligible: 3 })
    expect(Object.fromEntries(eligibility.failures.map((f: { rule: string; startups: number }) => [f.rule, f.startups]))).toEqual({
      region: 2,
      country: 0,
      subsector: 0,
      stage: 0,
      trl: 1,
      amount: 1,
      company_age: 0,
    })
  })

  it('gives each accepted juror the distribution of their scores in the reviews the ranking counts', async () => {
    const figures = async () => {
      const { jurors, scoreScale } = (await dashboard('organiser')).data.dashboard
      expect(scoreScale).toBe(5)
      return jurors.map((j: { name: string; kind: string; reviews: number; counts: number[]; mean: number | null }) => [j.name, j.kind, j.reviews, j.counts, j.mean])
    }
    // Bruno's one submitted review (of Biomar Norte) does not count: his organisation Galicia Seed
    // committed to Biomar Norte in this round after he scored it, which excludes him from it now.
    expect(await figures()).toEqual([
      ['Ana', 'independent', 2, [0, 1, 1, 1, 1], 3.5],
      ['Bruno', 'investor', 0, [0, 0, 0, 0, 0], null],
      ['Carla', 'independent', 0, [0, 0, 0, 0, 0], null],
    ])
    // Ana declares a conflict on Fagos Atlánticos after scoring it: that review leaves her distribution too.
    await t.db.insert(conflictDeclarations).values({ applicationId: world.applications.a2.id, jurorId: world.jurors.ana.id, conflicted: true, reason: 'Former adviser.' })
    try {
      expect(await figures()).toEqual([
        ['Ana', 'independent', 1, [0, 0, 0, 1, 1], 4.5],
        ['Bruno', 'investor', 0, [0, 0, 0, 0, 0], null],
        ['Carla', 'independent', 0, [0, 0, 0, 0, 0], null],
      ])
    } finally {
      await t.db.delete(conflictDeclarations).where(eq(conflictDeclarations.jurorId, world.jurors.ana.id))
    }
  })

  it('shows the shortlist with commitments and matched amounts, the pool used and left, and the cross-border share', async () => {
    const { shortlist, pool, crossBorder } = (await dashboard('organiser')).data.dashboard
    expect(
      shortlist.map((s: { name: string; committedCents: number; privateCents: number; investors: number; servedAs: number; matchedCents: number }) => [
        s.name,
        s.committedCents / EUR,
        s.privateCents / EUR,
        s.investors,
        s.servedAs,
        s.matchedCents / EUR,
      ]),
    ).toEqual([
      // Fagos qualified on 7 March, Biomar on 8 March: Fagos is served first.
      ['Biomar Norte', 70_000, 70_000, 2, 2, 35_000],
      ['Fagos Atlánticos', 60_000, 50_000, 2, 1, 25_000],
    ])
    expect(pool).toMatchObject({ fundPledgeCents: 100_000 * EUR, fundCommittedCents: 10_000 * EUR, poolCents: 90_000 * EUR, usedCents: 60_000 * EUR, leftCents: 30_000 * EUR })
    expect(pool.pledges.map((p: { name: string; committedCents: number; leftCents: number; matchesCommitments: boolean }) => [p.name, p.committedCents / EUR, p.leftCents / EUR, p.matchesCommitments])).toEqual([
      ['Fondo Xunta', 10_000, 90_000, true],
      ['Galicia Seed', 80_000, 120_000, false],
      ['Lyon Biotech Angels', 10_000, 40_000, false],
      ['Porto Ventures', 30_000, 70_000, false],
    ])
    expect(crossBorder).toEqual({ esToPtCents: 60_000 * EUR, ptToEsCents: 30_000 * EUR, otherCrossBorderCents: 10_000 * EUR, domesticCents: 30_000 * EUR, totalCents: 130_000 * EUR })
  })
})

async function csvOf(file: string) {
  const path = `/organiser/rounds/${world.round.slug}/export/${file}`
  const response = (await exportLoader({ request: makeRequest(path, { cookie: world.cookies.organiser }), params: { slug: world.round.slug, file }, context: context() })) as Response
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
  expect(response.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="ponte-${world.round.slug}-${file.replace('.csv', '')}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`))
  const bytes = new Uint8Array(await response.arrayBuffer())
  // UTF-8 with a byte order mark, lines ended as Windows spreadsheets expect.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  expect(text).toContain('\r\n')
  return parse(text, { bom: true }) as string[][]
}

describe('the CSV exports', () => {
  it('lists every application in the order received, with its answers', async () => {
    const [header, ...rows] = await csvOf('applications.csv')
    expect(header).toEqual([
      'application_id',
      'status',
      'startup_key',
      'startup_name',
      'startup_country',
      'startup_region',
      'proposal_id',
      'proposal_title',
      'eligible',
      'failed_rules',
      'submitted_at',
      'updated_at',
      'withdrawn_at',
      'decided_at',
      'outcome_sent_at',
      'feedback',
      'answer_1',
    ])
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      [world.applications.a1.id, 'shortlisted', 'Biomar Norte'],
      [world.applications.a2.id, 'shortlisted', 'Fagos Atlánticos'],
      [world.applications.a3.id, 'declined', 'Algas Rías'],
      [world.applications.a4.id, 'withdrawn', 'Cortiça Bio'],
    ])
    const first = Object.fromEntries(header!.map((name, index) => [name, rows[0]![index]]))
    expect(first).toMatchObject({
      startup_country: 'PT',
      startup_region: 'PT11',
      eligible: 'yes',
      failed_rules: '',
      submitted_at: '2024-03-01T10:00:00.000Z',
      decided_at: '2024-03-06T10:00:00.000Z',
      answer_1: 'To reach Galician investors, "quoted", with a comma.',
    })
    const declined = Object.fromEntries(header!.map((name, index) => [name, rows[2]![index]]))
    expect(declined).toMatchObject({ eligible: 'no', failed_rules: 'trl', feedback: 'Come back with preclinical data.', answer_1: '' })
    expect(rows[3]![header!.indexOf('withdrawn_at')]).toBe('2024-03-04T08:00:00.000Z')
  })

  it('lists every criterion score of the submitted reviews, drafts left out', async () => {
    const [header, ...rows] = await csvOf('scores.csv')
    expect(header).toEqual([
      'application_id',
      'startup_name',
      'juror_name',
      'juror_email',
      'juror_kind',
      'criterion',
      'criterion_weight',
      'score',
      'score_scale',
      'comment',
      'shared_with_applicant',
      'submitted_at',
    ])
    expect(rows.map((row) => [row[1], row[2], row[5], row[7]])).toEqual([
      ['Biomar Norte', 'Ana', 'Team', '4'],
      ['Biomar Norte', 'Ana', 'Science', '5'],
      ['Biomar Norte', 'Bruno', 'Team', '1'],
      ['Biomar Norte', 'Bruno', 'Science', '2'],
      ['Fagos Atlánticos', 'Ana', 'Team', '2'],
      ['Fagos Atlánticos', 'Ana', 'Science', '3'],
    ])
    expect(rows[0]).toEqual([world.applications.a1.id, 'Biomar Norte', 'Ana', 'ana@jury.test', 'independent', 'Team', '40', '4', '5', 'Team 4', 'yes', '2024-03-06T09:00:00.000Z'])
    expect(rows[2]![4]).toBe('investor')
  })

  it('lists every round commitment in the order recorded, withdrawn ones included', async () => {
    const [header, ...rows] = await csvOf('commitments.csv')
    expect(header).toEqual([
      'application_id',
      'startup_name',
      'startup_country',
      'investor_name',
      'investor_country',
      'matching_fund',
      'amount_eur',
      'status',
      'recorded_at',
      'changed_at',
      'withdrawn_at',
    ])
    expect(rows.map((row) => [row[1], row[3], row[4], row[5], row[6], row[7]])).toEqual([
      ['Biomar Norte', 'Porto Ventures', 'PT', 'no', '5000', 'withdrawn'],
      ['Fagos Atlánticos', 'Porto Ventures', 'PT', 'no', '30000', 'active'],
      ['Fagos Atlánticos', 'Galicia Seed', 'ES', 'no', '20000', 'active'],
      ['Fagos Atlánticos', 'Fondo Xunta', 'ES', 'yes', '10000', 'active'],
      ['Biomar Norte', 'Galicia Seed', 'ES', 'no', '60000', 'active'],
      ['Biomar Norte', 'Lyon Biotech Angels', 'FR', 'no', '10000', 'active'],
    ])
    expect(rows[0]!.slice(8)).toEqual(['2024-03-07T09:00:00.000Z', '2024-03-07T09:00:00.000Z', '2024-03-07T12:00:00.000Z'])
  })
})
