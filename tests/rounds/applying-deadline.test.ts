/**
 * The deadline minute on both sides of the border. A round closing on 31 March 2026 at 23:59 in
 * Madrid closes at 22:59 in Lisbon (21:59 UTC): an edit at 21:58:59Z is taken, one at 21:59:00Z
 * refused, whatever is sent; the refusal names the deadline in the reader's zone. Module calls
 * pin the clock; the routes run on the real clock, for which that deadline is long past.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatDateTime } from '~/modules/i18n/format'
import { ApplicationRefused, refusalMessages, saveApplication, withdrawApplication } from '~/modules/rounds/applications.server'
import { answerField } from '~/modules/rounds/application-schemas'
import { applicationAnswers, applications, users } from '../../db/schema'
import { testLoadContext, TEST_UPLOADS_DIR } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createRound } from '../setup/round-factories'
import { createApplyingWorld, postApplication, roundPage, roundsPage, withdraw, type ApplyingWorld } from './applying-world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

/** 31 March 2026, 23:59 in Madrid (CEST, UTC+2) = 22:59 in Lisbon (WEST, UTC+1). */
const MADRID_DEADLINE = new Date('2026-03-31T21:59:00Z')
/** 31 March 2026, 23:59 in Lisbon = 1 April 2026, 00:59 in Madrid. */
const LISBON_DEADLINE = new Date('2026-03-31T22:59:00Z')

let world: ApplyingWorld

beforeAll(async () => {
  world = await createApplyingWorld(t.db, context())
})

async function closingRound(closesAt: Date, timeZone: string) {
  return createRound(t.db, world.organiser.organisation.id, { opensAt: new Date('2026-03-01T08:00:00Z'), closesAt, timeZone })
}

function save(roundId: string, questionId: string, answer: string, now: Date) {
  return saveApplication(t.db, TEST_UPLOADS_DIR, world.memberActor, world.startup.id, roundId, { proposalId: world.proposalId, answers: { [questionId]: answer }, files: new Map() }, now)
}

async function refusalOf(promise: Promise<unknown>): Promise<ApplicationRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApplicationRefused)
  return error as ApplicationRefused
}

async function answerOf(roundId: string) {
  const [row] = await t.db
    .select({ text: applicationAnswers.text, status: applications.status })
    .from(applications)
    .innerJoin(applicationAnswers, eq(applicationAnswers.applicationId, applications.id))
    .where(and(eq(applications.roundId, roundId), eq(applications.startupOrganisationId, world.startup.id)))
  return row
}

describe('a round closing at 23:59 in Madrid', () => {
  it('shows the deadline as 23:59 CEST in Madrid and 22:59 WEST in Lisbon', () => {
    expect(formatDateTime(MADRID_DEADLINE, 'es', 'Europe/Madrid')).toBe('31 de marzo de 2026 a las 23:59 CEST')
    expect(formatDateTime(MADRID_DEADLINE, 'pt', 'Europe/Lisbon')).toBe('31 de março de 2026 às 22:59 WEST')
    expect(formatDateTime(MADRID_DEADLINE, 'gl', 'Europe/Lisbon')).toBe('31 de marzo de 2026, 22:59 WEST')
    expect(formatDateTime(MADRID_DEADLINE, 'en', 'Europe/Madrid')).toBe('31 March 2026 at 23:59 GMT+2')
  })

  it('takes an edit at 21:58:59Z and refuses one at 21:59:00Z, naming the deadline in the reader’s zone', async () => {
    const { round, questions } = await closingRound(MADRID_DEADLINE, 'Europe/Madrid')
    const question = questions[0]!.id
    await save(round.id, question, 'Our first answer, sent in good time.', new Date('2026-03-20T10:00:00Z'))
    await save(round.id, question, 'Changed one second before the deadline.', new Date('2026-03-31T21:58:59Z'))
    expect(await answerOf(round.id)).toEqual({ text: 'Changed one second before the deadline.', status: 'submitted' })

    const late = await refusalOf(save(round.id, question, 'Changed at the deadline.', new Date('2026-03-31T21:59:00Z')))
    expect(late.problem).toBe('deadline_passed')
    expect(late.status).toBe(409)
    expect(await answerOf(round.id)).toEqual({ text: 'Changed one second before the deadline.', status: 'submitted' })
    expect(refusalMessages(late, 'es', 'Europe/Madrid')).toEqual([
      'El plazo terminó el 31 de marzo de 2026 a las 23:59 CEST: ya no se pueden presentar, cambiar ni retirar solicitudes.',
    ])
    expect(refusalMessages(late, 'pt', 'Europe/Lisbon')).toEqual([
      'O prazo terminou a 31 de março de 2026 às 22:59 WEST: já não é possível submeter, alterar nem retirar candidaturas.',
    ])
    expect(refusalMessages(late, 'en', 'Europe/Lisbon')[0]).toContain('31 March 2026 at 22:59 GMT+1')
  })

  it('lets the startup withdraw up to the last second, not at the deadline', async () => {
    const { round, questions } = await closingRound(MADRID_DEADLINE, 'Europe/Madrid')
    await save(round.id, questions[0]!.id, 'An application we will take back.', new Date('2026-03-31T20:00:00Z'))
    const late = await refusalOf(withdrawApplication(t.db, world.memberActor, world.startup.id, round.id, new Date('2026-03-31T21:59:00Z')))
    expect(late.problem).toBe('deadline_passed')
    expect((await answerOf(round.id))!.status).toBe('submitted')
    await withdrawApplication(t.db, world.memberActor, world.startup.id, round.id, new Date('2026-03-31T21:58:59.999Z'))
    expect((await answerOf(round.id))!.status).toBe('withdrawn')
  })

  it('refuses a first application before the window opens and at the deadline', async () => {
    const { round, questions } = await closingRound(MADRID_DEADLINE, 'Europe/Madrid')
    const early = await refusalOf(save(round.id, questions[0]!.id, 'Too early to apply.', new Date('2026-03-01T07:59:59Z')))
    expect(early.problem).toBe('not_yet_open')
    expect(refusalMessages(early, 'pt', 'Europe/Lisbon')).toEqual(['Este concurso aceita candidaturas a partir de 1 de março de 2026 às 08:00 WET.'])
    expect(refusalMessages(early, 'es', 'Europe/Madrid')).toEqual(['Esta convocatoria admitirá solicitudes a partir del 1 de marzo de 2026 a las 09:00 CET.'])
    expect((await refusalOf(save(round.id, questions[0]!.id, 'Too late to apply.', MADRID_DEADLINE))).problem).toBe('deadline_passed')
    expect(await answerOf(round.id)).toBeUndefined()
  })
})

describe('a round closing at 23:59 in Lisbon', () => {
  it('closes an hour later than a Madrid one: taken at 22:58:59Z, refused at 22:59:00Z, shown as 00:59 in Madrid', async () => {
    const { round, questions } = await closingRound(LISBON_DEADLINE, 'Europe/Lisbon')
    await save(round.id, questions[0]!.id, 'Sent at 23:58:59 in Lisbon.', new Date('2026-03-31T22:58:59Z'))
    const late = await refusalOf(save(round.id, questions[0]!.id, 'Sent at 23:59 in Lisbon.', LISBON_DEADLINE))
    expect(refusalMessages(late, 'pt', 'Europe/Lisbon')[0]).toContain('31 de março de 2026 às 23:59 WEST')
    expect(refusalMessages(late, 'es', 'Europe/Madrid')[0]).toContain('1 de abril de 2026 a las 00:59 CEST')
    expect((await answerOf(round.id))!.text).toBe('Sent at 23:58:59 in Lisbon.')
  })
})

describe('the pages, on the real clock, after the deadline', () => {
  it('refuse an edit and a withdrawal whatever the client sends, and show the submitted answers read-only', async () => {
    const { round, questions } = await closingRound(MADRID_DEADLINE, 'Europe/Madrid')
    const question = questions[0]!.id
    await save(round.id, question, 'What we sent before the deadline.', new Date('2026-03-30T09:00:00Z'))
    await t.db.update(users).set({ locale: 'pt' }).where(eq(users.id, world.member.id))
    const lisbon = `${world.cookies.member}; ponte_tz=Europe%2FLisbon`
    const target = { slug: world.startup.slug, roundSlug: round.slug, cookie: lisbon }

    const edit = await postApplication(context(), target, { proposalId: world.proposalId, [answerField(question)]: 'An edit after the deadline.' })
    expect(edit.status).toBe(409)
    expect(edit.data.messages).toEqual(['O prazo terminou a 31 de março de 2026 às 22:59 WEST: já não é possível submeter, alterar nem retirar candidaturas.'])
    const gone = await withdraw(context(), target)
    expect(gone.status).toBe(409)
    expect(gone.data.messages[0]).toContain('22:59 WEST')
    expect(await answerOf(round.id)).toEqual({ text: 'What we sent before the deadline.', status: 'submitted' })

    const page = await roundPage(context(), world.startup.slug, round.slug, lisbon)
    expect(page.status).toBe(200)
    expect(page.data.state).toBe('closed')
    expect(page.data.editable).toBe(false)
    expect(page.data.application.answers).toEqual([{ questionId: question, text: 'What we sent before the deadline.', number: null, fileName: null }])

    const list = await roundsPage(context(), world.startup.slug, lisbon)
    expect(list.data.rounds.map((r: { slug: string }) => r.slug)).not.toContain(round.slug)
    expect(list.data.applications.find((a: { round: { slug: string } }) => a.round.slug === round.slug)).toMatchObject({ status: 'submitted' })
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, world.member.id))
  })
})
