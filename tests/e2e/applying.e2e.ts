/**
 * A startup applies to a round in Chromium: the demo founder (Spanish) in Lisbon sees the
 * deadline in Lisbon time and in Madrid from a browser there, the pre-check of her proposals
 * (eligible for one round, told why not for another), applies with an answer and a file, and is
 * refused with the failing rule where her region does not qualify. The rounds are written
 * straight to the database (their setup pages are tested on their own).
 */
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { expect, it } from 'vitest'
import esApplying from '../../app/locales/es/applying.json'
import { formatDateTime } from '../../app/modules/i18n/format'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, useE2E, type E2E } from './harness'
import { answered400, logIn, toastText } from './journeys'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

/** An open round of the demo organiser, closing `closesAt`, with a required text question and (optionally) a required file. */
async function insertRound(e2e: E2E, options: { regions: string[]; closesAt: Date; withFile: boolean }) {
  const sql = postgres(e2e.databaseUrl(), { max: 1, onnotice: () => {} })
  try {
    const slug = `e2e-round-${randomBytes(3).toString('hex')}`
    const [organiser] = await sql<{ id: string }[]>`
      select o.id from organisations o join memberships m on m.organisation_id = o.id join users u on u.id = m.user_id
      where u.email = ${DEMO_LOGINS.organiser} and o.kind = 'organiser' limit 1`
    const [round] = await sql<{ id: string }[]>`
      insert into rounds (slug, organiser_organisation_id, name, status, eligible_regions, opens_at, closes_at, time_zone)
      values (${slug}, ${organiser!.id}, ${sql.json({ en: `Blue biotech call ${slug}`, es: `Convocatoria azul ${slug}` })}, 'open',
              ${sql.array(options.regions)}, ${new Date(Date.now() - 86_400_000)}, ${options.closesAt}, 'Europe/Madrid')
      returning id`
    await sql`insert into round_questions (round_id, position, kind, label) values (${round!.id}, 0, 'long_text', ${sql.json({ en: 'Why this round?', es: '¿Por qué esta ronda?' })})`
    if (options.withFile) {
      await sql`insert into round_questions (round_id, position, kind, label) values (${round!.id}, 1, 'file', ${sql.json({ en: 'Letter of support', es: 'Carta de apoyo' })})`
    }
    return { id: round!.id, slug }
  } finally {
    await sql.end({ timeout: 5 })
  }
}

describeE2E('applying to a funding round', () => {
  const e2e = useE2E()

  it('shows the deadline in the browser’s zone, applies with a file, and refuses an ineligible region with the reason', async () => {
    // Five days ahead, on the minute.
    const closesAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5 * 86_400_000)
    const open = await insertRound(e2e, { regions: ['ES11', 'PT11', 'ES41'], closesAt, withFile: true })
    const northOnly = await insertRound(e2e, { regions: ['PT11'], closesAt, withFile: false })
    const studio = '/studio/colaxe-marine-bio/rounds'

    const lisbon = await e2e.newPage({ timezoneId: 'Europe/Lisbon', locale: 'es-ES' })
    await logIn(e2e, lisbon, DEMO_LOGINS.founder, DEMO_PASSWORD)
    await e2e.goto(lisbon, studio)
    await lisbon.getByText(`Plazo: ${formatDateTime(closesAt, 'es', 'Europe/Lisbon')}`).first().waitFor()
    await lisbon.getByText('Tu región ES11 (Galicia) no está entre las regiones admitidas PT11 (Norte).').first().waitFor()
    await e2e.screenshot(lisbon, 'applying-rounds')

    const madrid = await e2e.newPage({ timezoneId: 'Europe/Madrid', locale: 'es-ES' })
    await logIn(e2e, madrid, DEMO_LOGINS.founder, DEMO_PASSWORD)
    await e2e.goto(madrid, studio)
    await madrid.getByText(`Plazo: ${formatDateTime(closesAt, 'es', 'Europe/Madrid')}`).first().waitFor()

    // Applies with a published proposal, an answer and a letter of support.
    await e2e.goto(lisbon, `${studio}/${open.slug}`)
    await lisbon.getByLabel(esApplying.form.proposal).selectOption({ index: 1 })
    await lisbon.getByLabel('¿Por qué esta ronda?').fill('Nuestro colágeno marino necesita socios a ambos lados del Miño.')
    await lisbon.getByLabel('Carta de apoyo').setInputFiles({ name: 'carta-de-apoyo.pdf', mimeType: 'application/pdf', buffer: PDF })
    await e2e.screenshot(lisbon, 'applying-form')
    await lisbon.getByRole('button', { name: esApplying.form.submit }).click()
    await toastText(lisbon, esApplying.toast.submitted)
    await lisbon.getByRole('heading', { name: esApplying.form.editTitle }).waitFor()
    await lisbon.getByRole('link', { name: esApplying.form.fileKept.replace('{{name}}', 'carta-de-apoyo.pdf') }).waitFor()

    // The other round takes only Norte: the server refuses and says why.
    await e2e.goto(lisbon, `${studio}/${northOnly.slug}`)
    await lisbon.getByLabel(esApplying.form.proposal).selectOption({ index: 1 })
    await lisbon.getByLabel('¿Por qué esta ronda?').fill('Queremos intentarlo igualmente.')
    await lisbon.getByRole('button', { name: esApplying.form.submit }).click()
    const alert = lisbon.getByRole('alert').filter({ hasText: esApplying.errors.ineligible })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('Tu región ES11 (Galicia) no está entre las regiones admitidas PT11 (Norte).')

    const sql = postgres(e2e.databaseUrl(), { max: 1, onnotice: () => {} })
    const checks = await sql<{ round_id: string; eligible: boolean }[]>`select round_id, eligible from eligibility_checks where round_id in (${open.id}, ${northOnly.id})`
    const answers = await sql<{ file_name: string | null }[]>`
      select a.file_name from application_answers a join applications p on p.id = a.application_id where p.round_id = ${open.id} and a.file_name is not null`
    await sql.end({ timeout: 5 })
    expect(checks.map((c) => [c.round_id === open.id ? 'open' : 'north', c.eligible]).sort()).toEqual([
      ['north', false],
      ['open', true],
    ])
    expect(answers).toEqual([{ file_name: 'carta-de-apoyo.pdf' }])
    e2e.expectNoProblems(lisbon, [answered400])
    e2e.expectNoProblems(madrid)
  })
})
