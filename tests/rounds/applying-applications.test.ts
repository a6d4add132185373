/**
 * Applying to a round from the studio: the rounds a startup sees with the pre-check of its
 * proposals, the application with its answers (text, number, choice, file) checked on the
 * server, every submission's eligibility check recorded, edits and withdrawal, who may see and
 * download what, and the read functions the jury and the dashboard build on.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { and, eq, ne } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listApplications } from '~/modules/rounds/applications.server'
import { answerField, answerFilePath } from '~/modules/rounds/application-schemas'
import { loader as fileLoader } from '~/routes/applications.$applicationId.files.$questionId'
import { applicationAnswers, applications, eligibilityChecks, reviews, reviewScores, roundQuestions, rounds } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createProposalFor } from '../setup/proposal-factories'
import { createRound, seatJuror } from '../setup/round-factories'
import { callRoute } from '../setup/routes'
import { dataRoomContext, ELF_BYTES, filesUnder, TINY_PDF } from '../dataroom/helpers'
import { createApplyingWorld, postApplication, roundPage, roundsPage, withdraw, type ApplyingWorld } from './applying-world'

const t = useTestDatabase()
let env: ReturnType<typeof dataRoomContext>
const context = () => env.context
let world: ApplyingWorld

beforeAll(async () => {
  env = dataRoomContext(t.db)
  world = await createApplyingWorld(t.db, context())
})

/** A round open now with four questions: a required short text, an optional number, a required choice and a required file. */
async function roundWithQuestions(overrides: Partial<typeof rounds.$inferInsert> = {}) {
  const { round } = await createRound(t.db, world.organiser.organisation.id, overrides)
  await t.db.delete(roundQuestions).where(eq(roundQuestions.roundId, round.id))
  const rows = await t.db
    .insert(roundQuestions)
    .values([
      { roundId: round.id, position: 0, kind: 'short_text', label: { en: 'Your pitch in one line' } },
      { roundId: round.id, position: 1, kind: 'number', label: { en: 'Full-time employees' }, required: false },
      {
        roundId: round.id,
        position: 2,
        kind: 'choice',
        label: { en: 'Main market' },
        choices: [
          { value: 'eu', label: { en: 'European Union', es: 'Unión Europea' } },
          { value: 'world', label: { en: 'Worldwide' } },
        ],
      },
      { roundId: round.id, position: 3, kind: 'file', label: { en: 'Letter of support' } },
    ])
    .returning()
  const [pitch, employees, market, letter] = rows.map((row) => answerField(row.id))
  return { round, questions: rows, fields: { pitch: pitch!, employees: employees!, market: market!, letter: letter! } }
}

const target = (roundSlug: string, cookie = world.cookies.member, slug = world.startup.slug) => ({ slug, roundSlug, cookie: cookie! })

const checksOf = (roundId: string) => t.db.select().from(eligibilityChecks).where(eq(eligibilityChecks.roundId, roundId))
const applicationsOf = (roundId: string) => t.db.select().from(applications).where(eq(applications.roundId, roundId))

describe('the rounds a startup sees', () => {
  it('lists rounds taking applications now or later with the pre-check of each published proposal, not drafts, reviews or past deadlines', async () => {
    const day = 86_400_000
    const { round: open } = await createRound(t.db, world.organiser.organisation.id, { eligibleRegions: ['PT11'] })
    const { round: upcoming } = await createRound(t.db, world.organiser.organisation.id, { opensAt: new Date(Date.now() + 3 * day), closesAt: new Date(Date.now() + 30 * day) })
    const { round: draft } = await createRound(t.db, world.organiser.organisation.id, { status: 'draft' })
    const { round: review } = await createRound(t.db, world.organiser.organisation.id, { status: 'under_review' })
    const { round: past } = await createRound(t.db, world.organiser.organisation.id, { closesAt: new Date(Date.now() - 1000) })

    const page = await roundsPage(context(), world.startup.slug, world.cookies.member)
    expect(page.status).toBe(200)
    const slugs = page.data.rounds.map((round: { slug: string }) => round.slug)
    expect(slugs).toContain(open.slug)
    expect(slugs).toContain(upcoming.slug)
    for (const hidden of [draft, review, past]) expect(slugs).not.toContain(hidden.slug)

    const shown = page.data.rounds.find((round: { slug: string }) => round.slug === open.slug)
    expect(shown.state).toBe('open')
    expect(shown.organiser).toBe(world.organiser.organisation.name)
    expect(shown.checks).toHaveLength(1)
    expect(shown.checks[0]).toMatchObject({ proposalId: world.proposalId, title: 'Phage therapy against resistant hospital infections' })
    expect(shown.checks[0].result.eligible).toBe(false)
    expect(shown.checks[0].result.verdicts[0]).toEqual({ rule: 'region', passed: false, actual: 'ES11', expected: { values: ['PT11'] } })
    expect(page.data.rounds.find((round: { slug: string }) => round.slug === upcoming.slug).state).toBe('upcoming')
  })

  it('is a 404 for members of other startups and for investors, and asks anonymous visitors to sign in', async () => {
    expect((await roundsPage(context(), world.startup.slug, world.cookies.otherMember)).status).toBe(404)
    expect((await roundsPage(context(), world.startup.slug, world.cookies.investor)).status).toBe(404)
    expect((await roundsPage(context(), world.investorFirm.slug, world.cookies.investor)).status).toBe(404)
    const anonymous = await roundsPage(context(), world.startup.slug, null)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
  })
})

describe('applying', () => {
  it('refuses an ineligible proposal with the failing rules in words, and records the check', async () => {
    const { round, fields } = await roundWithQuestions({ eligibleRegions: ['PT11'], minTrl: 5 })
    const reply = await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'Phages for hospitals', [fields.market]: 'eu' }, { field: fields.letter, name: 'letter.pdf', bytes: TINY_PDF })
    expect(reply.status).toBe(400)
    expect(reply.data.result.error['']).toEqual(['applying.errors.refused'])
    expect(reply.data.messages).toEqual([
      'This proposal does not meet the round\'s rules:',
      'Your region ES11 (Galicia) is not among the eligible regions PT11 (Norte).',
      "Your proposal's TRL 4 is below the minimum TRL 5.",
    ])
    expect(await applicationsOf(round.id)).toEqual([])
    const [check] = await checksOf(round.id)
    expect(check).toMatchObject({ startupOrganisationId: world.startup.id, proposalId: world.proposalId, eligible: false, checkedBy: world.member.id })
    expect(check!.result.verdicts.filter((v) => !v.passed).map((v) => v.rule)).toEqual(['region', 'trl'])
    expect(filesUnder(env.uploadsDir).filter((file) => file.startsWith('documents'))).toEqual([])
  })

  it('answers each question with a field error (400), keeping what was typed and recording no check', async () => {
    const { round, fields } = await roundWithQuestions()
    const empty = await postApplication(context(), target(round.slug), {})
    expect(empty.status).toBe(400)
    expect(empty.data.result.error).toMatchObject({
      proposalId: ['applying.errors.proposalRequired'],
      [fields.pitch]: ['applying.errors.answerRequired'],
      [fields.market]: ['applying.errors.choiceRequired'],
    })
    expect(empty.data.result.error[fields.employees]).toBeUndefined()

    const wrong = await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'x'.repeat(301), [fields.employees]: '2.5', [fields.market]: 'mars' })
    expect(wrong.status).toBe(400)
    expect(wrong.data.result.error).toEqual({
      [fields.pitch]: ['applying.errors.shortTooLong'],
      [fields.employees]: ['applying.errors.numberWhole'],
      [fields.market]: ['applying.errors.choiceInvalid'],
    })
    expect(wrong.data.result.initialValue[fields.market]).toBe('mars')
    const notANumber = await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'Phages', [fields.employees]: 'twelve', [fields.market]: 'eu' })
    expect(notANumber.data.result.error[fields.employees]).toEqual(['applying.errors.numberInvalid'])

    const noFile = await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'Phages for hospitals', [fields.market]: 'eu' })
    expect(noFile.status).toBe(400)
    expect(noFile.data.result.error).toEqual({ [fields.letter]: ['applying.errors.fileRequired'] })

    const theirs = await postApplication(
      context(),
      target(round.slug),
      { proposalId: world.otherProposalId, [fields.pitch]: 'Phages for hospitals', [fields.market]: 'eu' },
      { field: fields.letter, name: 'letter.pdf', bytes: TINY_PDF },
    )
    expect(theirs.status).toBe(400)
    expect(theirs.data.result.error).toEqual({ proposalId: ['applying.errors.proposalNotPublished'] })
    const draftId = await createProposalFor(t.db, world.startup.id)
    const unpublished = await postApplication(context(), target(round.slug), { proposalId: draftId, [fields.pitch]: 'Phages', [fields.market]: 'eu' }, { field: fields.letter, name: 'letter.pdf', bytes: TINY_PDF })
    expect(unpublished.data.result.error.proposalId).toEqual(['applying.errors.proposalNotPublished'])

    const program = await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'Phages', [fields.market]: 'eu' }, { field: fields.letter, name: 'letter.pdf', bytes: ELF_BYTES })
    expect(program.status).toBe(400)
    expect(program.data.result.error[fields.letter]).toEqual(['dataroom.upload.errors.executable'])

    expect(await checksOf(round.id)).toEqual([])
    expect(await applicationsOf(round.id)).toEqual([])
    expect(filesUnder(env.uploadsDir).filter((file) => file.startsWith('documents'))).toEqual([])
  })

  it('takes an eligible application with its answers and file, lets the startup edit it, and keeps one active application', async () => {
    const { round, questions, fields } = await roundWithQuestions({ eligibleRegions: ['PT11', 'ES11', 'ES41'], minTrl: 4, maxCompanyAgeYears: 10 })
    const sent = await postApplication(
      context(),
      target(round.slug),
      { proposalId: world.proposalId, [fields.pitch]: '  Phages for hospitals  ', [fields.employees]: '12', [fields.market]: 'eu' },
      { field: fields.letter, name: 'Carta de apoio.pdf', bytes: TINY_PDF },
    )
    expect(sent.status).toBe(302)
    expect(sent.location).toBe(`/studio/${world.startup.slug}/rounds/${round.slug}`)
    const [application] = await applicationsOf(round.id)
    expect(application).toMatchObject({ status: 'submitted', proposalId: world.proposalId, startupOrganisationId: world.startup.id, submittedBy: world.member.id })
    expect(application!.eligibility.eligible).toBe(true)
    const [check] = await checksOf(round.id)
    expect(check).toMatchObject({ eligible: true, proposalId: world.proposalId })

    const answers = await t.db.select().from(applicationAnswers).where(eq(applicationAnswers.applicationId, application!.id))
    const byQuestion = (index: number) => answers.find((answer) => answer.questionId === questions[index]!.id)
    expect(byQuestion(0)).toMatchObject({ text: 'Phages for hospitals', number: null })
    expect(byQuestion(1)).toMatchObject({ text: null, number: 12 })
    expect(byQuestion(2)).toMatchObject({ text: 'eu' })
    expect(byQuestion(3)!.fileName).toBe('Carta de apoio.pdf')
    const stored = byQuestion(3)!.storedFile!
    expect(readFileSync(path.join(env.uploadsDir, 'documents', stored))).toEqual(TINY_PDF)

    const page = await roundPage(context(), world.startup.slug, round.slug, world.cookies.member)
    expect(page.data.editable).toBe(true)
    expect(page.data.application).toMatchObject({ id: application!.id, status: 'submitted', proposal: { id: world.proposalId, title: 'Phage therapy against resistant hospital infections' } })
    expect(page.data.questions.map((q: { label: string }) => q.label)).toEqual(['Your pitch in one line', 'Full-time employees', 'Main market', 'Letter of support'])

    // An edit without a new file keeps the one sent; the employees answer can be cleared.
    const edited = await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'Phage cocktails for hospitals', [fields.market]: 'world' })
    expect(edited.status).toBe(302)
    const after = await t.db.select().from(applicationAnswers).where(eq(applicationAnswers.applicationId, application!.id))
    expect(after.find((a) => a.questionId === questions[0]!.id)!.text).toBe('Phage cocktails for hospitals')
    expect(after.find((a) => a.questionId === questions[1]!.id)!.number).toBeNull()
    expect(after.find((a) => a.questionId === questions[3]!.id)!.storedFile).toBe(stored)
    expect(await applicationsOf(round.id)).toHaveLength(1)
    expect(await checksOf(round.id)).toHaveLength(2)

    // A new file replaces the old one on disk.
    await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'Phages', [fields.market]: 'eu' }, { field: fields.letter, name: 'Second letter.pdf', bytes: TINY_PDF })
    const [replaced] = await t.db.select().from(applicationAnswers).where(and(eq(applicationAnswers.applicationId, application!.id), eq(applicationAnswers.questionId, questions[3]!.id)))
    expect(replaced!.fileName).toBe('Second letter.pdf')
    expect(filesUnder(env.uploadsDir)).toContain(path.join('documents', replaced!.storedFile!))
    expect(filesUnder(env.uploadsDir)).not.toContain(path.join('documents', stored))
  })

  it('withdraws until the deadline, and then the startup may apply again', async () => {
    const { round, questions } = await createRound(t.db, world.organiser.organisation.id)
    const field = answerField(questions[0]!.id)
    await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [field]: 'Because phages cross borders.' })
    expect((await withdraw(context(), target(round.slug))).status).toBe(302)
    expect((await applicationsOf(round.id)).map((a) => a.status)).toEqual(['withdrawn'])
    const again = await withdraw(context(), target(round.slug))
    expect(again.status).toBe(409)
    expect(again.data.messages).toEqual(['There is no application to withdraw.'])
    const page = await roundPage(context(), world.startup.slug, round.slug, world.cookies.member)
    expect(page.data.application).toBeNull()
    expect(page.data.withdrawnAt).not.toBeNull()
    expect((await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [field]: 'We are back.' })).status).toBe(302)
    expect((await applicationsOf(round.id)).map((a) => a.status).sort()).toEqual(['submitted', 'withdrawn'])
  })

  it('refuses applications to a round under review, and knows nothing of a draft round', async () => {
    const { round: review, questions } = await createRound(t.db, world.organiser.organisation.id, { status: 'under_review' })
    const field = answerField(questions[0]!.id)
    const refused = await postApplication(context(), target(review.slug), { proposalId: world.proposalId, [field]: 'Please take us.' })
    expect(refused.status).toBe(409)
    expect(refused.data.messages).toEqual(['This round no longer takes applications.'])
    const { round: draft, questions: draftQuestions } = await createRound(t.db, world.organiser.organisation.id, { status: 'draft' })
    expect((await roundPage(context(), world.startup.slug, draft.slug, world.cookies.member)).status).toBe(404)
    expect((await postApplication(context(), target(draft.slug), { proposalId: world.proposalId, [answerField(draftQuestions[0]!.id)]: 'Early bird.' })).status).toBe(404)
    expect(await applicationsOf(review.id)).toEqual([])
    expect(await applicationsOf(draft.id)).toEqual([])
    expect(await checksOf(draft.id)).toEqual([])
  })
})

describe('who may apply and see an application', () => {
  it('is a 404 for a member of another startup and for investors, on the page and the form', async () => {
    const { round, questions } = await createRound(t.db, world.organiser.organisation.id)
    const form = { proposalId: world.proposalId, [answerField(questions[0]!.id)]: 'Hijack attempt.' }
    await postApplication(context(), target(round.slug), { ...form, [answerField(questions[0]!.id)]: 'Our own answer.' })
    expect((await roundPage(context(), world.startup.slug, round.slug, world.cookies.otherMember)).status).toBe(404)
    expect((await postApplication(context(), target(round.slug, world.cookies.otherMember), form)).status).toBe(404)
    expect((await withdraw(context(), target(round.slug, world.cookies.otherMember))).status).toBe(404)
    expect((await postApplication(context(), target(round.slug, world.cookies.investor), form)).status).toBe(404)
    expect((await postApplication(context(), target(round.slug, world.cookies.investor, world.investorFirm.slug), form)).status).toBe(404)
    expect((await roundPage(context(), world.investorFirm.slug, round.slug, world.cookies.investor)).status).toBe(404)
    const [application] = await applicationsOf(round.id)
    expect(application!.status).toBe('submitted')
    const [answer] = await t.db.select().from(applicationAnswers).where(eq(applicationAnswers.applicationId, application!.id))
    expect(answer!.text).toBe('Our own answer.')
  })

  it('lets the applicant and the round’s organisers download an answer file, and nobody else', async () => {
    const { round, questions, fields } = await roundWithQuestions()
    await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [fields.pitch]: 'Phages', [fields.market]: 'eu' }, { field: fields.letter, name: 'Carta "oficial".pdf', bytes: TINY_PDF })
    const [application] = await applicationsOf(round.id)
    const questionId = questions[3]!.id
    const download = (cookie: string | null, applicationId = application!.id, question = questionId) =>
      callRoute(fileLoader, makeRequest(answerFilePath(applicationId, question), { cookie }), context(), { applicationId, questionId: question })

    for (const cookie of [world.cookies.member, world.cookies.organiser]) {
      const reply = await download(cookie)
      expect(reply.status).toBe(200)
      expect(reply.headers.get('Content-Type')).toBe('application/pdf')
      expect(reply.headers.get('Content-Disposition')).toMatch(/^attachment; /)
      expect(reply.headers.get('Cache-Control')).toBe('private, no-store')
      expect(reply.data).toContain('%PDF-1.4')
    }
    for (const cookie of [world.cookies.otherMember, world.cookies.investor, world.cookies.otherOrganiser, null]) expect((await download(cookie)).status).toBe(404)
    expect((await download(world.cookies.member, application!.id, questions[0]!.id)).status).toBe(404)
    expect((await download(world.cookies.member, 'not-a-uuid', 'nor-this')).status).toBe(404)
  })

  it('shows the applicant its outcome and the comments shared with it once sent, never scores', async () => {
    const { round, questions, criteria } = await createRound(t.db, world.organiser.organisation.id)
    await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [answerField(questions[0]!.id)]: 'Phages.' })
    const [application] = await applicationsOf(round.id)
    const seat = await seatJuror(t.db, round.id, { id: world.organiser.user.id, email: world.organiser.user.email, name: 'Juror' })
    const [review] = await t.db.insert(reviews).values({ applicationId: application!.id, jurorId: seat.id, submittedAt: new Date() }).returning()
    await t.db.insert(reviewScores).values([
      { reviewId: review!.id, criterionId: criteria[0]!.id, score: 4, comment: 'A strong, complementary team.', sharedWithApplicant: true },
      { reviewId: review!.id, criterionId: criteria[1]!.id, score: 2, comment: 'Internal note: weak data.', sharedWithApplicant: false },
    ])
    await t.db.update(rounds).set({ status: 'shortlisted' }).where(eq(rounds.id, round.id))
    await t.db.update(applications).set({ status: 'shortlisted', feedback: 'Welcome to the shortlist.' }).where(eq(applications.id, application!.id))

    const before = await roundPage(context(), world.startup.slug, round.slug, world.cookies.member)
    expect(before.data.application).toMatchObject({ status: 'submitted', outcome: null })

    await t.db.update(applications).set({ outcomeSentAt: new Date() }).where(eq(applications.id, application!.id))
    const after = await roundPage(context(), world.startup.slug, round.slug, world.cookies.member)
    expect(after.data.editable).toBe(false)
    expect(after.data.application).toMatchObject({ status: 'shortlisted', outcome: { feedback: 'Welcome to the shortlist.', sharedComments: [{ juror: 1, criterion: 'Team', comment: 'A strong, complementary team.' }] } })
    const seen = JSON.stringify([after.data, (await roundsPage(context(), world.startup.slug, world.cookies.member)).data])
    expect(seen).not.toContain('Internal note')
    expect(seen).not.toContain('"score"')
  })
})

describe('the applications of a round, for the jury and the dashboard', () => {
  it('lists proposal title, startup name, country and region, status, submission time and answers; withdrawn ones on request', async () => {
    const { round, questions } = await createRound(t.db, world.organiser.organisation.id)
    const field = answerField(questions[0]!.id)
    await postApplication(context(), target(round.slug), { proposalId: world.proposalId, [field]: 'From Vigo.' })
    await postApplication(context(), target(round.slug, world.cookies.otherMember, world.otherStartup.slug), { proposalId: world.otherProposalId, [field]: 'From Braga.' })
    await withdraw(context(), target(round.slug, world.cookies.otherMember, world.otherStartup.slug))

    const active = await listApplications(t.db, round.id, 'en')
    expect(active).toHaveLength(1)
    expect(active[0]).toMatchObject({
      roundId: round.id,
      status: 'submitted',
      proposal: { id: world.proposalId, title: 'Phage therapy against resistant hospital infections', titleLang: 'en' },
      startup: { id: world.startup.id, name: 'Fagos Atlánticos', slug: world.startup.slug, country: 'ES', region: 'ES11' },
      answers: [{ questionId: questions[0]!.id, text: 'From Vigo.', number: null, fileName: null }],
    })
    expect(active[0]!.submittedAt).toBeInstanceOf(Date)
    expect(active[0]!.eligibility.eligible).toBe(true)
    const all = await listApplications(t.db, round.id, 'en', { includeWithdrawn: true })
    expect(all.map((a) => [a.startup.region, a.status])).toEqual([
      ['ES11', 'submitted'],
      ['PT11', 'withdrawn'],
    ])
    const [other] = await t.db.select().from(applications).where(and(eq(applications.roundId, round.id), ne(applications.startupOrganisationId, world.startup.id)))
    expect(other!.withdrawnAt).not.toBeNull()
  })
})
