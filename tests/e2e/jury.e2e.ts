/**
 * The jury in Chromium: a round under review (set up in the database: the setup pages have
 * their own journey) with two applications, one of them by the demo founder's startup. A new
 * juror declares no conflict and scores one application (the form refuses a submission with a
 * criterion unscored), declares a conflict on the other and is shown as excluded; the demo
 * organiser (Galician) reads both rankings, shortlists and declines with feedback and a shared
 * comment, sends the outcomes, and the founder receives hers in Spanish.
 */
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { expect, it } from 'vitest'
import enJury from '../../app/locales/en/jury.json'
import glJury from '../../app/locales/gl/jury.json'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, uniqueEmail, useE2E } from './harness'
import { logIn, newPassword, signUpVerified, toastText } from './journeys'

describeE2E('scoring, conflicts and decisions of a round’s jury', () => {
  const e2e = useE2E()

  it('goes from a juror’s scores to the applicant’s outcome email', async () => {
    const juror = await e2e.newPage()
    const person = { name: 'Marta Xurado', email: uniqueEmail('juror'), password: newPassword() }
    await signUpVerified(e2e, juror, person)

    const slug = `jury-e2e-${randomBytes(3).toString('hex')}`
    const roundName = `Jury journey ${slug}`
    const sql = postgres(e2e.databaseUrl(), { max: 1, onnotice: () => {} })
    const applicants = await sql<{ proposal_id: string; organisation_id: string; name: string }[]>`
      select distinct on (o.id) p.id as proposal_id, o.id as organisation_id, o.name
      from proposals p join organisations o on o.id = p.organisation_id
      where p.published_version_id is not null and o.slug in ('colaxe-marine-bio', 'sinapse-therapeutics')
      order by o.id, p.created_at`
    expect(applicants).toHaveLength(2)
    const [round] = await sql<{ id: string }[]>`
      insert into rounds (slug, organiser_organisation_id, name, status, opens_at, closes_at)
      select ${slug}, id, ${sql.json({ en: roundName })}, 'under_review', now() - interval '20 days', now() - interval '1 day'
      from organisations where slug = 'ponte-biocluster' returning id`
    await sql`insert into round_criteria ${sql([
      { round_id: round!.id, position: 0, name: sql.json({ en: 'Team' }), weight: 40 },
      { round_id: round!.id, position: 1, name: sql.json({ en: 'Science' }), weight: 60 },
    ])}`
    for (const applicant of applicants) {
      await sql`insert into applications (round_id, proposal_id, startup_organisation_id, eligibility)
        values (${round!.id}, ${applicant.proposal_id}, ${applicant.organisation_id}, ${sql.json({ eligible: true, verdicts: [] })})`
    }
    await sql`insert into round_jurors (round_id, kind, email, name, user_id, accepted_at)
      select ${round!.id}, 'independent', email, name, id, now() from users where email = ${person.email}`
    await sql.end()
    const [colaxe, sinapse] = [applicants.find((a) => a.name === 'Colaxe Marine Bio')!, applicants.find((a) => a.name === 'Sinapse Therapeutics')!]

    // The juror finds the round through the navigation and opens the first application.
    await e2e.goto(juror, '/dashboard')
    await Promise.all([juror.waitForURL('**/jury'), juror.getByRole('navigation').first().getByRole('link', { name: enJury.nav }).click()])
    await juror.getByRole('heading', { name: roundName }).waitFor()
    await Promise.all([juror.waitForURL(`**/jury/${slug}`), juror.getByRole('link', { name: enJury.list.open }).click()])
    await Promise.all([
      juror.waitForURL(`**/jury/${slug}/*`),
      juror.getByRole('link', { name: enJury.round.openApplication.replace('{{startup}}', colaxe.name) }).click(),
    ])

    // Declaration first, then the scoring form.
    await juror.getByText(enJury.review.declareFirst).waitFor()
    await juror.getByLabel(enJury.declaration.no).check()
    await juror.getByRole('button', { name: enJury.declaration.save }).click()
    await toastText(juror, enJury.toast.declared)

    const team = juror.getByRole('radiogroup', { name: enJury.review.scoreOf.replace('{{criterion}}', 'Team') })
    const science = juror.getByRole('radiogroup', { name: enJury.review.scoreOf.replace('{{criterion}}', 'Science') })
    await team.getByText('4', { exact: true }).click()
    await juror.getByRole('button', { name: enJury.review.submit }).click()
    await juror.getByText(enJury.errors.scoreRequired).waitFor()
    await science.getByText('5', { exact: true }).click()
    await juror.getByLabel(enJury.review.comment).nth(1).fill('Collagen from fish scales with convincing biocompatibility data.')
    await juror.getByRole('button', { name: enJury.review.submit }).click()
    await toastText(juror, enJury.toast.submitted)
    await juror.getByText(enJury.others.none).waitFor()
    await e2e.screenshot(juror, 'jury-application')

    // A declared conflict on the other application excludes the juror, who is told why.
    await e2e.goto(juror, `/jury/${slug}`)
    await Promise.all([
      juror.waitForURL(`**/jury/${slug}/*`),
      juror.getByRole('link', { name: enJury.round.openApplication.replace('{{startup}}', sinapse.name) }).click(),
    ])
    await juror.getByLabel(enJury.declaration.yes).check()
    await juror.getByLabel(enJury.declaration.reason).fill('I advised Sinapse Therapeutics on its grant application.')
    await juror.getByRole('button', { name: enJury.declaration.save }).click()
    await toastText(juror, enJury.toast.declared)
    await juror.getByRole('heading', { name: enJury.conflicts.excludedTitle }).waitFor()
    expect(await juror.locator('main').innerText()).toContain('I advised Sinapse Therapeutics on its grant application.')
    e2e.expectNoProblems(juror)

    // The organiser reads the rankings, decides and sends the outcomes (in Galician).
    const organiser = await e2e.newPage()
    await logIn(e2e, organiser, DEMO_LOGINS.organiser, DEMO_PASSWORD)
    await e2e.goto(organiser, `/organiser/rounds/${slug}/review`)
    await organiser.getByRole('table', { name: glJury.board.rawTitle }).waitFor()
    await organiser.getByRole('table', { name: glJury.board.normalisedTitle }).waitFor()
    await e2e.screenshot(organiser, 'jury-review-board')
    const decide = async (startup: string, decision: 'shortlisted' | 'declined', feedback: string, share: boolean) => {
      const cardFor = organiser.locator('div.rounded-2xl').filter({ has: organiser.getByRole('heading', { name: startup }) })
      if (share) await cardFor.getByLabel(glJury.board.share).check()
      await cardFor.getByLabel(glJury.board.decide[decision]).check()
      await cardFor.getByLabel(glJury.board.feedback).fill(feedback)
      await cardFor.getByRole('button', { name: glJury.board.saveDecision }).click()
      await toastText(organiser, glJury.toast.decided)
    }
    await decide(colaxe.name, 'shortlisted', 'Unha candidatura sólida, cun equipo experimentado.', true)
    await decide(sinapse.name, 'declined', 'Aínda cedo para esta rolda: volvede presentarvos.', false)
    await organiser.getByRole('button', { name: glJury.board.send_other.replace('{{count}}', '2') }).click()
    await toastText(organiser, glJury.toast.sent)
    e2e.expectNoProblems(organiser)

    const email = await e2e.waitForEmail(DEMO_LOGINS.founder, { subject: roundName })
    expect(email.subject).toBe(`${roundName}: tu candidatura ha sido preseleccionada`)
    expect(email.text).toContain('Unha candidatura sólida, cun equipo experimentado.')
    expect(email.text).toContain('Jurado 1 · Science: Collagen from fish scales with convincing biocompatibility data.')
  })
})
