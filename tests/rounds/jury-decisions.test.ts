/**
 * The organiser's review page and decisions: only the round's organisers reach it; the raw and
 * normalised rankings from the database match the figures worked out by hand (see
 * jury-ranking.test.ts); decisions need feedback and may share only comments of counted
 * reviews of that application; sending the outcomes needs every application decided, moves the
 * round to shortlisted once, and emails each applicant (in their language) their outcome, the
 * feedback and only the shared comments, anonymised. The applicant then reads the same on its
 * round page, never a score.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { commentKey } from '~/modules/rounds/jury-schemas'
import { loader as studioRoundLoader } from '~/routes/studio_.$slug.rounds.$roundSlug/route'
import { applications, mailboxMessages, reviews, rounds, roundTransitions } from '../../db/schema'
import { makeRequest, runJobs, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { mailTo } from '../setup/mailbox'
import { signIn } from '../setup/factories'
import { callRoute, queuedJobs } from '../setup/routes'
import { board, createJuryWorld, postToBoard, score, type JuryWorld } from './jury-world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
let world: JuryWorld

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000)

beforeAll(async () => {
  world = await createJuryWorld(t.db, context())
  const { A, B, C, D } = world.startups
  const { bruno, carla, ana } = world.cookies
  // The hand-computed round: Bruno strict on all four, Carla lenient on C and D, Ana on A and B.
  await score(context(), world, bruno, A.applicationId, [3, 3], ['Bruno: a first-time team', 'Bruno: solid in vitro work'])
  await score(context(), world, bruno, B.applicationId, [2, 3])
  await score(context(), world, bruno, C.applicationId, [2, 2])
  await score(context(), world, bruno, D.applicationId, [1, 2])
  await score(context(), world, carla, C.applicationId, [5, 5])
  await score(context(), world, carla, D.applicationId, [4, 5], ['', 'Carla: the scaffold data are convincing'])
  await score(context(), world, ana, A.applicationId, [3, 4], ['', 'Ana: phage stability needs work'])
  await score(context(), world, ana, B.applicationId, [4, 3])
})

describe('the review page', () => {
  it('is for the round’s organisers only', async () => {
    expect((await board(context(), world, world.cookies.organiser)).status).toBe(200)
    for (const role of ['otherOrganiser', 'bruno', 'outsideInvestor', 'memberA', 'dario'] as const) {
      expect((await board(context(), world, world.cookies[role])).status, role).toBe(404)
      expect((await postToBoard(context(), world, world.cookies[role], { intent: 'send' })).status, role).toBe(404)
    }
  })

  it('ranks raw and normalised as worked out by hand', async () => {
    const { data } = await board(context(), world, world.cookies.organiser)
    const byKey = (key: 'A' | 'B' | 'C' | 'D') => data.applications.find((a: { id: string }) => a.id === world.startups[key].applicationId)
    const keys = ['A', 'B', 'C', 'D'] as const
    expect(keys.map((k) => round3(byKey(k).raw))).toEqual([3.3, 3, 3.5, 3.1])
    expect(keys.map((k) => round3(byKey(k).normalised))).toEqual([1.15, -0.221, 0.221, -1.15])
    expect(keys.map((k) => byKey(k).rawRank)).toEqual([2, 4, 1, 3])
    expect(keys.map((k) => byKey(k).normalisedRank)).toEqual([1, 3, 2, 4])
    expect(data.jurors.map((j: { number: number; name: string; reviews: number; mean: number; sd: number }) => [j.number, j.name, j.reviews, round3(j.mean), round3(j.sd)])).toEqual([
      [1, 'Bruno Strict', 4, 2.3, 0.539],
      [2, 'Carla Lenient', 2, 4.8, 0.2],
      [3, 'Ana Middle', 2, 3.5, 0.1],
      [4, 'Eva Investor', 0, 0, 0],
    ])
    expect(data.undecided).toBe(4)
  })
})

describe('decisions', () => {
  it('need a decision and feedback of at least a sentence (a 400 with the field’s error)', async () => {
    const { A } = world.startups
    const none = await postToBoard(context(), world, world.cookies.organiser, { intent: 'decide', applicationId: A.applicationId, feedback: 'Well argued and ambitious.' })
    expect(none.status).toBe(400)
    expect(none.data.result.error.decision).toEqual(['jury.errors.decisionRequired'])
    const short = await postToBoard(context(), world, world.cookies.organiser, { intent: 'decide', applicationId: A.applicationId, decision: 'shortlisted', feedback: 'Good' })
    expect(short.status).toBe(400)
    expect(short.data.result.error.feedback).toEqual(['jury.errors.feedbackTooShort'])
  })

  it('share only comments of this application’s counted reviews', async () => {
    const { A, D } = world.startups
    const [carlaOnD] = await t.db.select().from(reviews).where(and(eq(reviews.applicationId, D.applicationId), eq(reviews.jurorId, world.seats.carla.id)))
    const reply = await postToBoard(context(), world, world.cookies.organiser, {
      intent: 'decide',
      applicationId: A.applicationId,
      decision: 'shortlisted',
      feedback: 'A strong application with a clear path to the clinic.',
      shared: [commentKey(carlaOnD!.id, world.criteria[1]!.id)],
    })
    expect(reply.status).toBe(400)
    expect(reply.data.result.error['']).toEqual(['jury.errors.unknownComment'])
    const [a] = await t.db.select().from(applications).where(eq(applications.id, A.applicationId))
    expect(a!.status).toBe('submitted')
  })

  it('must all be made before the outcomes go out', async () => {
    const { A, B } = world.startups
    const [anaOnA] = await t.db.select().from(reviews).where(and(eq(reviews.applicationId, A.applicationId), eq(reviews.jurorId, world.seats.ana.id)))
    const decide = (applicationId: string, decision: string, feedback: string, shared: string[] = []) =>
      postToBoard(context(), world, world.cookies.organiser, { intent: 'decide', applicationId, decision, feedback, shared })
    expect((await decide(A.applicationId, 'shortlisted', 'A strong application with a clear path to the clinic.', [commentKey(anaOnA!.id, world.criteria[1]!.id)])).status).toBe(302)
    expect((await decide(B.applicationId, 'declined', 'The market for seaweed feed proteins needs a clearer case.')).status).toBe(302)
    const early = await postToBoard(context(), world, world.cookies.organiser, { intent: 'send' })
    expect(early.status).toBe(409)
    expect(early.data.result.error['']).toEqual(['jury.errors.undecided'])
    expect((await queuedJobs(t.db)).filter((job) => job.task === 'email.round-outcome')).toEqual([])
  })
})

describe('sending the outcomes', () => {
  it('moves the round to shortlisted once and emails each applicant their outcome, feedback and shared comments', async () => {
    const { A, B, C, D } = world.startups
    const [carlaOnD] = await t.db.select().from(reviews).where(and(eq(reviews.applicationId, D.applicationId), eq(reviews.jurorId, world.seats.carla.id)))
    await postToBoard(context(), world, world.cookies.organiser, { intent: 'decide', applicationId: C.applicationId, decision: 'shortlisted', feedback: 'Fast, cheap sepsis testing is badly needed.' })
    await postToBoard(context(), world, world.cookies.organiser, {
      intent: 'decide',
      applicationId: D.applicationId,
      decision: 'declined',
      feedback: 'Promising, but too early for this round.',
      shared: [commentKey(carlaOnD!.id, world.criteria[1]!.id)],
    })
    const sent = await postToBoard(context(), world, world.cookies.organiser, { intent: 'send' })
    expect(sent.status).toBe(302)
    const [round] = await t.db.select().from(rounds).where(eq(rounds.id, world.round.id))
    expect(round!.status).toBe('shortlisted')
    const transitions = await t.db.select().from(roundTransitions).where(eq(roundTransitions.roundId, world.round.id))
    expect(transitions.map((row) => [row.fromStatus, row.toStatus, row.actorId])).toEqual([['under_review', 'shortlisted', world.ids.organiser]])
    expect((await t.db.select().from(applications).where(eq(applications.roundId, world.round.id))).every((a) => a.outcomeSentAt !== null)).toBe(true)

    await runJobs(t.db, t.url)
    const [gl] = await mailTo(t.db, A.email)
    expect(gl!.subject).toBe('Rolda biotecnolóxica transfronteiriza 2026: a túa candidatura foi preseleccionada')
    expect(gl!.text).toContain('A strong application with a clear path to the clinic.')
    expect(gl!.text).toContain('Xurado 3 · Science: Ana: phage stability needs work')
    expect(gl!.text).toContain(`http://ponte.test/studio/${A.slug}/rounds/${world.round.slug}`)
    expect(gl!.text).not.toContain('Bruno')
    const [pt] = await mailTo(t.db, B.email)
    expect(pt!.subject).toBe('Ronda biotecnológica transfronteiriça 2026: o resultado da sua candidatura')
    expect(pt!.text).toContain('The market for seaweed feed proteins needs a clearer case.')
    expect(pt!.text).not.toContain('Comentários do júri')
    const [es] = await mailTo(t.db, C.email)
    expect(es!.subject).toBe('Convocatoria biotecnológica transfronteriza 2026: tu candidatura ha sido preseleccionada')
    const [en] = await mailTo(t.db, D.email)
    expect(en!.subject).toBe('Cross-border Biotech Call 2026: the outcome of your application')
    expect(en!.text).toContain('Juror 2 · Science: Carla: the scaffold data are convincing')
    for (const mail of [gl, pt, es, en]) expect(mail!.text).not.toMatch(/Bruno|Carla Lenient|Ana Middle|3[.,]30|weighted/i)
    // One email per applicant member, nobody else.
    expect(await t.db.select().from(mailboxMessages)).toHaveLength(4)
  })

  it('never sends twice, and freezes the decisions', async () => {
    const again = await postToBoard(context(), world, world.cookies.organiser, { intent: 'send' })
    expect(again.status).toBe(409)
    expect(again.data.result.error['']).toEqual(['jury.errors.notDeciding'])
    const change = await postToBoard(context(), world, world.cookies.organiser, {
      intent: 'decide',
      applicationId: world.startups.B.applicationId,
      decision: 'shortlisted',
      feedback: 'Changed our mind after all.',
    })
    expect(change.status).toBe(409)
    await runJobs(t.db, t.url)
    expect(await t.db.select().from(mailboxMessages)).toHaveLength(4)
  })
})

describe('what the applicant reads on its round page', () => {
  const studio = (slug: string, cookie: string | null) =>
    callRoute(studioRoundLoader, makeRequest(`/studio/${slug}/rounds/${world.round.slug}`, { cookie }), context(), { slug, roundSlug: world.round.slug })

  it('is the outcome, the feedback and the shared comments as in the email, never a score; for its own members only', async () => {
    const { A, B } = world.startups
    const cookieA = await signIn(context(), A.memberId)
    const page = await studio(A.slug, cookieA)
    expect(page.data.application).toMatchObject({
      status: 'shortlisted',
      outcome: { feedback: 'A strong application with a clear path to the clinic.', sharedComments: [{ juror: 3, criterion: 'Science', comment: 'Ana: phage stability needs work' }] },
    })
    expect(JSON.stringify(page.data)).not.toMatch(/Bruno|"score"|weighted/)
    const cookieB = await signIn(context(), B.memberId)
    expect((await studio(B.slug, cookieB)).data.application.outcome).toEqual({ feedback: 'The market for seaweed feed proteins needs a clearer case.', sharedComments: [] })
    for (const cookie of [cookieB, world.cookies.otherStartupMember, world.cookies.outsideInvestor, world.cookies.bruno]) expect((await studio(A.slug, cookie)).status).toBe(404)
  })

  it('is nothing before the outcomes are sent', async () => {
    const { C } = world.startups
    await t.db.update(applications).set({ outcomeSentAt: null }).where(eq(applications.id, C.applicationId))
    const page = await studio(C.slug, await signIn(context(), C.memberId))
    expect(page.data.application).toMatchObject({ status: 'submitted', outcome: null })
  })
})
