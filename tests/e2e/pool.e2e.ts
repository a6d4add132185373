/**
 * The co-investment pool in Chromium: on a shortlisted round (written to the server's database,
 * the setup pages have their own tests) the demo investor, a participating investor, commits to
 * a Portuguese startup on the pool page and sees the matched amount; the demo organiser (in
 * Galician) reads the figures and the charts on the round's dashboard and downloads its CSV.
 */
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { expect, it } from 'vitest'
import enPool from '../../app/locales/en/pool.json'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, useE2E } from './harness'
import { answered400, logIn, toastText } from './journeys'

describeE2E('the co-investment pool and the round dashboard', () => {
  const e2e = useE2E()

  /** A shortlisted round of the demo organiser: 1:1 up to 25,000 € per startup from 10,000 € by one investor, cross-border. */
  async function seedRound() {
    const sql = postgres(e2e.databaseUrl(), { max: 1 })
    try {
      const slug = `pool-e2e-${randomBytes(3).toString('hex')}`
      const organisation = async (slugOf: string) => (await sql<{ id: string }[]>`select id from organisations where slug = ${slugOf}`)[0]!.id
      const [round] = await sql<{ id: string }[]>`
        insert into rounds (slug, organiser_organisation_id, name, status, opens_at, closes_at, match_ratio_percent, match_cap_per_startup_cents,
          match_cap_round_cents, match_min_committed_cents, match_min_investors, match_requires_cross_border)
        values (${slug}, ${await organisation('ponte-biocluster')}, ${sql.json({ en: 'Pool journey round', gl: 'Convocatoria do fondo' })}, 'shortlisted',
          now() - interval '20 days', now() - interval '5 days', 100, 2500000, 10000000, 1000000, 1, true)
        returning id`
      const sinapse = await organisation('sinapse-therapeutics')
      const [proposal] = await sql<{ id: string }[]>`select id from proposals where organisation_id = ${sinapse} and published_version_id is not null order by created_at limit 1`
      await sql`
        insert into applications (round_id, proposal_id, startup_organisation_id, status, eligibility, decided_at)
        values (${round!.id}, ${proposal!.id}, ${sinapse}, 'shortlisted', ${sql.json({ eligible: true, verdicts: [] })}, now())`
      await sql`
        insert into pool_pledges (round_id, investor_organisation_id, pledge_cents, matches_commitments) values
          (${round!.id}, ${await organisation('noroeste-life-sciences-ventures')}, 20000000, false),
          (${round!.id}, ${await organisation('innovacyl-fondo-publico')}, 5000000, true)`
      return slug
    } finally {
      await sql.end()
    }
  }

  it('goes from a commitment to the matched amount on the dashboard', async () => {
    const slug = await seedRound()

    const investor = await e2e.newPage()
    await logIn(e2e, investor, DEMO_LOGINS.investor, DEMO_PASSWORD)
    await e2e.goto(investor, `/rounds/${slug}/pool`)
    await investor.getByRole('heading', { level: 1, name: enPool.page.title }).waitFor()
    const amount = investor.getByLabel(enPool.startup.amount.replace('{{startup}}', 'Sinapse Therapeutics'))
    await amount.fill('500')
    await investor.getByRole('button', { name: enPool.startup.commit }).click()
    await investor.getByText(enPool.errors.amountTooSmall).waitFor()

    await amount.fill('30000')
    await investor.getByRole('button', { name: enPool.startup.commit }).click()
    await toastText(investor, enPool.toast.recorded)
    expect((await investor.locator('[data-figure="matched"]').innerText()).replace(/\D/g, '')).toMatch(/^25000/)
    expect(await investor.getByText(enPool.limit.startup_cap).count()).toBe(1)
    expect((await investor.locator('[data-figure="pledge-left"]').innerText()).replace(/\D/g, '')).toBe('170000')
    await e2e.screenshot(investor, 'pool-page')
    e2e.expectNoProblems(investor, [answered400])

    const organiser = await e2e.newPage()
    await logIn(e2e, organiser, DEMO_LOGINS.organiser, DEMO_PASSWORD)
    await e2e.goto(organiser, `/organiser/rounds/${slug}/dashboard`)
    expect((await organiser.locator('[data-figure="committed"]').first().innerText()).replace(/\D/g, '')).toBe('30000')
    expect((await organiser.locator('dd[data-figure="matched"]').innerText()).replace(/\D/g, '')).toBe('25000')
    expect((await organiser.locator('dd[data-figure="pool-left"]').innerText()).replace(/\D/g, '')).toBe('25000')
    // Spanish money into a Portuguese startup: the whole of the cross-border share.
    expect(await organiser.locator('[data-share="es-pt"]').innerText()).toContain('100')
    expect(await organiser.locator('svg[role="img"]').count()).toBeGreaterThan(2)
    await e2e.screenshot(organiser, 'round-dashboard')

    const csv = await organiser.request.get(e2e.url(`/organiser/rounds/${slug}/export/commitments.csv`))
    expect(csv.status()).toBe(200)
    const text = await csv.text()
    expect(text).toContain('Noroeste Life Sciences Ventures')
    expect(text).toContain('30000')
    e2e.expectNoProblems(organiser)
  })
})
