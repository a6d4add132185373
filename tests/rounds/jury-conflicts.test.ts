/**
 * Conflicts of interest: a juror sitting for an investor organisation is excluded automatically
 * from a startup that organisation has expressed interest in, committed to (softly, or in any
 * round) or holds a stake in, and is told why in words; a juror may declare a conflict too. An
 * excluded juror cannot score the application, and sees none of its scores, anywhere.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { formatDate } from '~/modules/i18n/format'
import { loader as fileLoader } from '~/routes/applications.$applicationId.files.$questionId'
import { applicationAnswers, commitments, interests, investorStakes, reviews, roundCommitments, roundQuestions } from '../../db/schema'
import { makeRequest, TEST_UPLOADS_DIR, testLoadContext } from '../setup/context'
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

const march3 = new Date('2026-03-03T10:00:00Z')

async function evaStates() {
  const page = await roundPage(context(), world, world.cookies.eva)
  expect(page.status).toBe(200)
  return Object.fromEntries(
    (page.data.applications as { id: string; state: string; conflict: { automatic: { kind: string }[] } }[]).map((a) => [a.id, { state: a.state, kinds: a.conflict.automatic.map((r) => r.kind) }]),
  )
}

describe('automatic exclusion of an investor organisation’s juror', () => {
  it('follows every tie of the organisation with the startup, and only live ones', async () => {
    const { A, B, C, D } = world.startups
    const investor = world.galicianVentures.id
    expect((await evaStates())[A.applicationId]).toEqual({ state: 'to_declare', kinds: [] })

    // An interest (declined counts; withdrawn does not).
    await t.db.insert(interests).values({ proposalId: A.proposalId, investorOrganisationId: investor, message: 'x'.repeat(30), ticketMinCents: 1, ticketMaxCents: 2, status: 'declined', createdAt: march3 })
    await t.db.insert(interests).values({ proposalId: C.proposalId, investorOrganisationId: investor, message: 'x'.repeat(30), ticketMinCents: 1, ticketMaxCents: 2, status: 'withdrawn' })
    // A soft commitment (a withdrawn one does not count).
    const [old] = await t.db
      .insert(interests)
      .values({ proposalId: B.proposalId, investorOrganisationId: investor, message: 'x'.repeat(30), ticketMinCents: 1, ticketMaxCents: 2, status: 'withdrawn' })
      .returning()
    await t.db.insert(commitments).values({ interestId: old!.id, proposalId: B.proposalId, investorOrganisationId: investor, amountCents: 5_000_000, validUntil: '2027-01-01' })
    await t.db.insert(commitments).values({ interestId: old!.id, proposalId: C.proposalId, investorOrganisationId: investor, amountCents: 5_000_000, validUntil: '2027-01-01', withdrawnAt: new Date() })
    // A round commitment in another round.
    const elsewhere = await createApplication(t.db, world.otherRound.round.id, C.organisationId, { proposalId: C.proposalId, status: 'shortlisted' })
    await t.db.insert(roundCommitments).values({ applicationId: elsewhere.id, investorOrganisationId: investor, amountCents: 10_000_000 })
    // A stake.
    await t.db.insert(investorStakes).values({ investorOrganisationId: investor, startupOrganisationId: D.organisationId })

    const states = await evaStates()
    expect(states[A.applicationId]).toEqual({ state: 'excluded', kinds: ['interest'] })
    expect(states[B.applicationId]).toEqual({ state: 'excluded', kinds: ['commitment'] })
    expect(states[C.applicationId]).toEqual({ state: 'excluded', kinds: ['round_commitment'] })
    expect(states[D.applicationId]).toEqual({ state: 'excluded', kinds: ['stake'] })

    // The facts change, the exclusion follows.
    await t.db.delete(investorStakes).where(eq(investorStakes.startupOrganisationId, D.organisationId))
    expect((await evaStates())[D.applicationId]).toEqual({ state: 'to_declare', kinds: [] })

    // Independent jurors have no organisation: nothing excludes them automatically.
    const bruno = await roundPage(context(), world, world.cookies.bruno)
    expect(bruno.data.applications.map((a: { state: string }) => a.state)).toEqual(['to_declare', 'to_declare', 'to_declare', 'to_declare'])
  })

  it('tells the juror why, in words', async () => {
    const page = await applicationPage(context(), world, world.cookies.eva, world.startups.A.applicationId)
    expect(page.status).toBe(200)
    expect(page.data.state).toBe('excluded')
    const [reason] = page.data.conflict.automatic
    expect(reason).toMatchObject({ kind: 'interest', organisation: 'Galician Ventures', proposal: 'Phage cocktails for hospital infections' })
    const en = getFixedT('en')
    expect(en('jury.conflicts.juror.interest', { ...reason, date: formatDate(new Date(reason.at), 'en', 'Europe/Madrid') })).toBe(
      "Your organisation Galician Ventures expressed interest in this startup's proposal “Phage cocktails for hospital infections” on 3 Mar 2026.",
    )
  })
})

describe('what an excluded juror may do and see', () => {
  it('shows the startup and the reasons only: no proposal details, answers, criteria or scores', async () => {
    const { A } = world.startups
    await score(context(), world, world.cookies.bruno, A.applicationId, [4, 5], ['Strong founding team from CSIC', 'Convincing in vivo data'])
    await score(context(), world, world.cookies.carla, A.applicationId, [5, 5], ['Great', 'Excellent science'])
    const page = await applicationPage(context(), world, world.cookies.eva, A.applicationId)
    expect(page.data.details).toBeNull()
    expect(page.data.canScore).toBe(false)
    const text = JSON.stringify(page.data)
    for (const secret of ['Strong founding team', 'Excellent science', 'Why this round?', 'Antimicrobial resistance']) expect(text).not.toContain(secret)
    const list = JSON.stringify((await roundPage(context(), world, world.cookies.eva)).data)
    expect(list).not.toContain('Strong founding team')
  })

  it('refuses their scores on the server, whatever the form says', async () => {
    const { A } = world.startups
    expect((await declare(context(), world, world.cookies.eva, A.applicationId)).status).toBe(302)
    const reply = await postToApplication(context(), world, world.cookies.eva, A.applicationId, reviewForm(world, 'submit', ['5', '5']))
    expect(reply.status).toBe(403)
    expect(reply.data.result.error['']).toEqual(['jury.errors.excluded'])
    expect(await t.db.select().from(reviews).where(eq(reviews.jurorId, world.seats.eva.id))).toEqual([])
  })

  it('does not serve them the application’s files (a juror without a conflict gets them)', async () => {
    const { A } = world.startups
    const [question] = await t.db.insert(roundQuestions).values({ roundId: world.round.id, position: 1, kind: 'file', label: { en: 'Pitch deck' } }).returning()
    const storedFile = `${randomUUID()}.pdf`
    await mkdir(path.join(TEST_UPLOADS_DIR, 'documents'), { recursive: true })
    await writeFile(path.join(TEST_UPLOADS_DIR, 'documents', storedFile), '%PDF-1.4 pitch deck of Fagos')
    await t.db.insert(applicationAnswers).values({ applicationId: A.applicationId, questionId: question!.id, storedFile, fileName: 'fagos-deck.pdf' })
    const download = (cookie: string) =>
      callRoute(fileLoader, makeRequest(`/applications/${A.applicationId}/files/${question!.id}`, { cookie }), context(), { applicationId: A.applicationId, questionId: question!.id })
    const bruno = await download(world.cookies.bruno)
    expect(bruno.status).toBe(200)
    expect(bruno.data).toContain('pitch deck of Fagos')
    expect((await applicationPage(context(), world, world.cookies.bruno, A.applicationId)).data.details.answers[1]).toMatchObject({ label: 'Pitch deck', file: { name: 'fagos-deck.pdf' } })
    expect((await download(world.cookies.eva)).status).toBe(404)
    expect((await download(world.cookies.dario)).status).toBe(404)
  })
})

describe('declared conflicts', () => {
  it('need a reason, exclude the juror and say so', async () => {
    const { C } = world.startups
    const missing = await postToApplication(context(), world, world.cookies.ana, C.applicationId, { intent: 'declare', conflicted: 'yes' })
    expect(missing.status).toBe(400)
    expect(missing.data.result.error.reason).toEqual(['jury.errors.reasonRequired'])
    const none = await postToApplication(context(), world, world.cookies.ana, C.applicationId, { intent: 'declare' })
    expect(none.data.result.error.conflicted).toEqual(['jury.errors.declarationRequired'])

    expect((await declare(context(), world, world.cookies.ana, C.applicationId, 'I advised Castela Diagnostics on its seed round in 2025.')).status).toBe(302)
    const page = await applicationPage(context(), world, world.cookies.ana, C.applicationId)
    expect(page.data.state).toBe('excluded')
    expect(page.data.details).toBeNull()
    expect(page.data.conflict.declaration).toMatchObject({ conflicted: true, reason: 'I advised Castela Diagnostics on its seed round in 2025.' })
    const reply = await postToApplication(context(), world, world.cookies.ana, C.applicationId, reviewForm(world, 'draft', ['3', '']))
    expect(reply.status).toBe(403)
  })

  it('declared after submitting, hides the juror’s review from them and from the other jurors', async () => {
    const { B } = world.startups
    await score(context(), world, world.cookies.bruno, B.applicationId, [2, 3], ['Bruno on the team of B', 'Bruno on the science of B'])
    await score(context(), world, world.cookies.carla, B.applicationId, [4, 4])
    let carla = await applicationPage(context(), world, world.cookies.carla, B.applicationId)
    expect(carla.data.details.others.map((o: { juror: number }) => o.juror)).toEqual([1])

    expect((await declare(context(), world, world.cookies.bruno, B.applicationId, 'My sister joined Algas do Norte last week.')).status).toBe(302)
    const bruno = await applicationPage(context(), world, world.cookies.bruno, B.applicationId)
    expect(bruno.data.details).toBeNull()
    expect(JSON.stringify(bruno.data)).not.toContain('Bruno on the science of B')
    carla = await applicationPage(context(), world, world.cookies.carla, B.applicationId)
    expect(carla.data.details.others).toEqual([])
    expect(JSON.stringify(carla.data)).not.toContain('Bruno on the science of B')
  })
})
