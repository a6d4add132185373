/**
 * Scoring: who reaches the jury pages (a 404 for everyone without a seat in the round), the
 * declaration before scoring, the validation of scores on the round's scale (a 400 with the
 * field's error, nothing stored), drafts and final submissions, scores hidden from the other
 * jurors until one's own is submitted, and scoring only while the round is under review.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as rootLoader } from '~/root'
import { loader as juryLoader } from '~/routes/jury._index'
import { reviews, reviewScores, rounds } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createApplication } from '../setup/round-factories'
import { callRoute } from '../setup/routes'
import { applicationPage, createJuryWorld, declare, postToApplication, reviewForm, roundPage, score, type JuryWorld } from './jury-world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
let world: JuryWorld

beforeAll(async () => {
  world = await createJuryWorld(t.db, context())
})

const setStatus = (status: 'open' | 'under_review' | 'shortlisted') => t.db.update(rounds).set({ status }).where(eq(rounds.id, world.round.id))

describe('who reaches the jury pages', () => {
  it('lists the rounds of the person’s accepted seats, and shows "Jury" in their navigation only', async () => {
    const list = async (cookie: string) => (await callRoute(juryLoader, makeRequest('/jury', { cookie }), context())).data.rounds.map((r: { slug: string }) => r.slug)
    expect(await list(world.cookies.bruno)).toEqual([world.round.slug])
    expect(await list(world.cookies.dario)).toEqual([world.otherRound.round.slug])
    expect(await list(world.cookies.outsideInvestor)).toEqual([])
    const nav = async (cookie: string) => (await callRoute(rootLoader, makeRequest('/', { cookie }), context())).data.user.navigation.map((item: { to: string }) => item.to)
    expect(await nav(world.cookies.bruno)).toContain('/jury')
    expect(await nav(world.cookies.outsideInvestor)).not.toContain('/jury')
  })

  it('answers 404 to everyone without a seat in this round: jurors of other rounds, investors, startups (the applicant too), other organisers', async () => {
    const { A } = world.startups
    for (const role of ['dario', 'outsideInvestor', 'otherStartupMember', 'memberA', 'otherOrganiser', 'organiser'] as const) {
      expect((await roundPage(context(), world, world.cookies[role])).status, role).toBe(404)
      expect((await applicationPage(context(), world, world.cookies[role], A.applicationId)).status, role).toBe(404)
      expect((await postToApplication(context(), world, world.cookies[role], A.applicationId, reviewForm(world, 'submit', ['5', '5']))).status, role).toBe(404)
    }
    const anonymous = await roundPage(context(), world, null)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
  })

  it('answers 404 for applications of other rounds and ids that are not ids', async () => {
    const elsewhere = await createApplication(t.db, world.otherRound.round.id, world.startups.D.organisationId, { proposalId: world.startups.D.proposalId })
    expect((await applicationPage(context(), world, world.cookies.bruno, elsewhere.id)).status).toBe(404)
    expect((await applicationPage(context(), world, world.cookies.bruno, 'not-an-id')).status).toBe(404)
    expect((await roundPage(context(), world, world.cookies.bruno, 'no-such-round')).status).toBe(404)
  })
})

describe('a juror reading an application', () => {
  it('sees the proposal in the verified tier and the answers, and must declare before scoring', async () => {
    const { A } = world.startups
    const page = await applicationPage(context(), world, world.cookies.bruno, A.applicationId)
    expect(page.status).toBe(200)
    expect(page.data.state).toBe('to_declare')
    expect(page.data.details.proposal.tier).toBe('verified')
    expect(page.data.details.proposal.text.title).toBe('Phage cocktails for hospital infections')
    expect(page.data.details.proposal.useOfFunds).toHaveLength(2)
    expect(page.data.details.answers.map((a: { label: string }) => a.label)).toEqual(['Why this round?'])
    expect(page.data.canScore).toBe(false)

    const early = await postToApplication(context(), world, world.cookies.bruno, A.applicationId, reviewForm(world, 'submit', ['4', '4']))
    expect(early.status).toBe(409)
    expect(early.data.result.error['']).toEqual(['jury.errors.declareFirst'])
    expect((await declare(context(), world, world.cookies.bruno, A.applicationId)).status).toBe(302)
    expect((await applicationPage(context(), world, world.cookies.bruno, A.applicationId)).data).toMatchObject({ state: 'to_score', canScore: true })
  })
})

describe('scores', () => {
  it('must be whole numbers on the round’s scale: a 400 with the field’s error, nothing stored', async () => {
    const { A } = world.startups
    const cases: [[string, string], string, string][] = [
      [['6', '3'], 'criteria[0].score', 'jury.errors.scoreOutOfRange'],
      [['0', '3'], 'criteria[0].score', 'jury.errors.scoreOutOfRange'],
      [['3', 'four'], 'criteria[1].score', 'jury.errors.scoreInvalid'],
      [['3', '2.5'], 'criteria[1].score', 'jury.errors.scoreInvalid'],
      [['3', ''], 'criteria[1].score', 'jury.errors.scoreRequired'],
    ]
    for (const [scores, field, message] of cases) {
      const reply = await postToApplication(context(), world, world.cookies.bruno, A.applicationId, reviewForm(world, 'submit', scores))
      expect(reply.status, scores.join()).toBe(400)
      expect(reply.data.result.error[field], scores.join()).toEqual([message])
    }
    // On a 1-10 round, 6 is fine and 11 is not.
    await t.db.update(rounds).set({ scoreScale: 10 }).where(eq(rounds.id, world.round.id))
    const eleven = await postToApplication(context(), world, world.cookies.bruno, A.applicationId, reviewForm(world, 'draft', ['11', '6']))
    expect(eleven.data.result.error).toEqual({ 'criteria[0].score': ['jury.errors.scoreOutOfRange'] })
    await t.db.update(rounds).set({ scoreScale: 5 }).where(eq(rounds.id, world.round.id))
    expect(await t.db.select().from(reviews)).toEqual([])
  })

  it('must be given for the round’s own criteria', async () => {
    const { A } = world.startups
    const form = reviewForm(world, 'submit', ['4', '4'])
    form['criteria[1].id'] = world.otherRound.criteria[1]!.id
    const reply = await postToApplication(context(), world, world.cookies.bruno, A.applicationId, form)
    expect(reply.status).toBe(400)
    expect(reply.data.result.error['']).toEqual(['jury.errors.criteriaChanged'])
    expect(await t.db.select().from(reviews)).toEqual([])
  })

  it('can be saved as a draft, partly, comments kept; a submitted review is final', async () => {
    const { A } = world.startups
    const draft = await postToApplication(context(), world, world.cookies.bruno, A.applicationId, reviewForm(world, 'draft', ['4', ''], ['', 'Preclinical data still thin']))
    expect(draft.status).toBe(302)
    let page = await applicationPage(context(), world, world.cookies.bruno, A.applicationId)
    expect(page.data.state).toBe('draft')
    expect(page.data.details.review.scores).toEqual([
      { criterionId: world.criteria[0]!.id, score: 4, comment: '' },
      { criterionId: world.criteria[1]!.id, score: null, comment: 'Preclinical data still thin' },
    ])
    const submitted = await postToApplication(context(), world, world.cookies.bruno, A.applicationId, reviewForm(world, 'submit', ['4', '3'], ['', 'Preclinical data still thin']))
    expect(submitted.status).toBe(302)
    page = await applicationPage(context(), world, world.cookies.bruno, A.applicationId)
    expect(page.data).toMatchObject({ state: 'submitted', canScore: false })
    const again = await postToApplication(context(), world, world.cookies.bruno, A.applicationId, reviewForm(world, 'submit', ['5', '5']))
    expect(again.status).toBe(409)
    expect(again.data.result.error['']).toEqual(['jury.errors.alreadySubmitted'])
    const [review] = await t.db.select().from(reviews).where(eq(reviews.jurorId, world.seats.bruno.id))
    expect((await t.db.select().from(reviewScores).where(eq(reviewScores.reviewId, review!.id))).map((s) => s.score).sort()).toEqual([3, 4])
  })

  it('stay hidden from the other jurors until they have submitted their own', async () => {
    const { A } = world.startups
    // Bruno (juror 1) submitted A above; Carla (juror 2) has a draft.
    await declare(context(), world, world.cookies.carla, A.applicationId)
    await postToApplication(context(), world, world.cookies.carla, A.applicationId, reviewForm(world, 'draft', ['5', ''], ['Carla draft comment', '']))
    let carla = await applicationPage(context(), world, world.cookies.carla, A.applicationId)
    expect(carla.data.details.others).toBeNull()
    expect(JSON.stringify(carla.data)).not.toContain('Preclinical data still thin')
    // Bruno sees no draft of Carla's.
    const bruno = await applicationPage(context(), world, world.cookies.bruno, A.applicationId)
    expect(bruno.data.details.others).toEqual([])
    expect(JSON.stringify(bruno.data)).not.toContain('Carla draft comment')

    await postToApplication(context(), world, world.cookies.carla, A.applicationId, reviewForm(world, 'submit', ['5', '5'], ['Carla draft comment', '']))
    carla = await applicationPage(context(), world, world.cookies.carla, A.applicationId)
    expect(carla.data.details.others).toEqual([
      {
        juror: 1,
        weighted: 3.4,
        scores: [
          { criterionId: world.criteria[0]!.id, score: 4, comment: '' },
          { criterionId: world.criteria[1]!.id, score: 3, comment: 'Preclinical data still thin' },
        ],
      },
    ])
    expect((await applicationPage(context(), world, world.cookies.bruno, A.applicationId)).data.details.others.map((o: { juror: number }) => o.juror)).toEqual([2])
  })

  it('are taken only while the round is under review; declarations while it is open too', async () => {
    const { B } = world.startups
    await setStatus('open')
    expect((await declare(context(), world, world.cookies.ana, B.applicationId)).status).toBe(302)
    const open = await postToApplication(context(), world, world.cookies.ana, B.applicationId, reviewForm(world, 'draft', ['3', '3']))
    expect(open.status).toBe(409)
    expect(open.data.result.error['']).toEqual(['jury.errors.notScoring'])
    await setStatus('shortlisted')
    const late = await declare(context(), world, world.cookies.ana, B.applicationId, 'Too late to say')
    expect(late.status).toBe(409)
    expect(late.data.result.error['']).toEqual(['jury.errors.declarationClosed'])
    await setStatus('under_review')
    await score(context(), world, world.cookies.ana, B.applicationId, [3, 3])
  })
})
