/**
 * The investor's journey of issue 5 in Chromium: the verified demo investor saves a search with
 * instant alerts; the demo founder writes a proposal that matches it and the demo organiser
 * publishes it; the alert arrives in the development mailbox and its link opens the proposal;
 * the investor bookmarks it, keeps a note on the watchlist, expresses interest, the founder
 * accepts, they write to each other, and the investor's soft commitment reaches the founder's
 * ledger. The founder uses Ponte in Spanish, the organiser in Galician, the investor in English.
 */
import postgres from 'postgres'
import { expect, it } from 'vitest'
import enAlerts from '../../app/locales/en/alerts.json'
import enWatchlist from '../../app/locales/en/watchlist.json'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, useE2E } from './harness'
import { acceptInterest, expectLedger, expressInterest, investorsPath, recordSoftCommitment, sendMessage } from './introductions'
import { expectHeading, followEmailLink, logIn, toastText } from './journeys'
import { fillProposal, openReview, publishInReview, saveDraft, submitForReview } from './proposal-steps'

/** A made-up word of letters only, so that no other proposal matches the saved search. */
function uniqueWord(): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')
  return `Algomarina${letters}`
}

describeE2E('from a saved search’s alert to a soft commitment', () => {
  const e2e = useE2E()

  it('alerts the investor of a new proposal, which they follow, bookmark and commit to', async () => {
    const word = uniqueWord()
    const title = `${word}: un hidrogel de algas para quemaduras`
    const searchName = `Hidrogeles ${word}`

    const sql = postgres(e2e.databaseUrl(), { max: 1 })
    const [startup] = await sql<{ slug: string }[]>`
      select o.slug from organisations o join memberships m on m.organisation_id = o.id join users u on u.id = m.user_id
      where u.email = ${DEMO_LOGINS.founder} and o.kind = 'startup' order by o.created_at limit 1`
    await sql.end()
    expect(startup).toBeDefined()
    const { slug } = startup!

    // The investor searches for the word (nothing matches yet) and saves the search, alerts instant.
    const investor = await e2e.newPage()
    await logIn(e2e, investor, DEMO_LOGINS.investor, DEMO_PASSWORD)
    await e2e.goto(investor, `/proposals?q=${encodeURIComponent(word)}`)
    const save = investor.getByRole('region', { name: enAlerts.save.title })
    await save.getByLabel(enAlerts.save.name, { exact: true }).fill(searchName)
    await save.getByLabel(enAlerts.save.frequency, { exact: true }).selectOption('instant')
    await save.getByRole('button', { name: enAlerts.save.submit }).click()
    await toastText(investor, enAlerts.toast.saved)
    await e2e.goto(investor, '/saved-searches')
    await investor.getByText(searchName).first().waitFor()
    expect(await investor.locator('main').innerText()).toContain(enAlerts.list.noAlertYet)
    await e2e.screenshot(investor, 'journey-01-saved-search')

    // The founder writes a proposal that matches it and submits it; the organiser publishes it.
    const founder = await e2e.newPage()
    await logIn(e2e, founder, DEMO_LOGINS.founder, DEMO_PASSWORD)
    await e2e.goto(founder, `/studio/${slug}/proposals/new`)
    await fillProposal(founder, 'es', {
      lang: 'es',
      title,
      summary: `${word}, un apósito de hidrogel de alginato que acelera la cicatrización de quemaduras de segundo grado.`,
      description: 'Validado en modelos porcinos; buscamos financiar el dossier preclínico y un lote piloto GMP.',
      amountSought: '600000',
      funds: [
        { label: 'Dossier preclínico', amount: '400000' },
        { label: 'Lote piloto GMP', amount: '200000' },
      ],
      closingDate: `${new Date().getUTCFullYear() + 1}-09-30`,
    })
    const { editorPath, proposalId } = await saveDraft(founder, 'es', title)
    await submitForReview(founder, 'es')
    expect(new URL(founder.url()).pathname).toBe(editorPath)

    const organiser = await e2e.newPage()
    await logIn(e2e, organiser, DEMO_LOGINS.organiser, DEMO_PASSWORD)
    const published = new Date()
    await openReview(e2e, organiser, proposalId, title)
    await publishInReview(organiser)

    // The instant alert arrives; its link opens the proposal.
    const alert = await followEmailLink(e2e, investor, DEMO_LOGINS.investor, enAlerts.email.subject.instant_one, `/proposals/${proposalId}`, {
      since: published,
      screenshot: 'journey-02-alert-email',
    })
    expect(alert.text).toContain(title)
    expect(new URL(investor.url()).pathname).toBe(`/proposals/${proposalId}`)
    await expectHeading(investor, title)

    // The investor bookmarks it, and keeps a note about it on the watchlist.
    const note = `Burns are a gap in our portfolio; ask about the porcine data (${word}).`
    const watchlistPanel = investor.getByRole('heading', { name: enWatchlist.button.title, exact: true }).locator('..')
    await watchlistPanel.getByRole('button', { name: enWatchlist.button.add }).click()
    await toastText(investor, enWatchlist.toast.added)
    await watchlistPanel.getByText(enWatchlist.button.added).waitFor()
    await e2e.screenshot(investor, 'journey-03-bookmarked')
    await Promise.all([investor.waitForURL('**/watchlist'), watchlistPanel.getByRole('link', { name: enWatchlist.button.open }).click()])
    const entry = investor.getByRole('article').filter({ hasText: title })
    await entry.getByLabel(enWatchlist.notes.new, { exact: true }).fill(note)
    await entry.getByRole('button', { name: enWatchlist.notes.add }).click()
    await toastText(investor, enWatchlist.toast.noteAdded)
    await e2e.goto(investor, '/watchlist')
    const notes = investor.getByRole('article').filter({ hasText: title }).getByRole('region', { name: enWatchlist.notes.title })
    await notes.getByRole('paragraph').filter({ hasText: note }).waitFor()
    await e2e.screenshot(investor, 'journey-04-watchlist')

    // Interest, introduction, a message each way, and a soft commitment in the founder's ledger.
    await expressInterest(e2e, investor, proposalId, {
      message: 'We follow wound-care biomaterials closely and would like to hear about your porcine data.',
      ticketMin: '50000',
      ticketMax: '200000',
    })
    await e2e.goto(founder, investorsPath(slug, proposalId))
    expect(await founder.locator('main').innerText()).toContain('wound-care biomaterials')
    const conversationPath = await acceptInterest(founder)
    await sendMessage(founder, `Gracias por el interés en ${word}. ¿Hablamos el jueves?`, 'es')
    await e2e.goto(investor, conversationPath)
    await investor.getByText(`Gracias por el interés en ${word}.`, { exact: false }).first().waitFor()
    await sendMessage(investor, 'Thursday suits us; here is our soft commitment.', 'en')
    await recordSoftCommitment(investor, { amount: '150000', conditions: 'Subject to the preclinical dossier' })
    await e2e.screenshot(investor, 'journey-05-conversation')
    await expectLedger(e2e, founder, slug, proposalId, { total: '150000', investors: '1' })
    await e2e.screenshot(founder, 'journey-06-ledger')

    e2e.expectNoProblems(investor)
    e2e.expectNoProblems(founder)
    e2e.expectNoProblems(organiser)
  })
})
