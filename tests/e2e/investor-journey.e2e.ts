/**
 * The investor's journey of issue 5 in Chromium: the verified demo investor saves a search with
 * instant alerts; the demo founder writes a proposal that matches it and the demo organiser
 * publishes it; the alert arrives in the development mailbox and its link opens the proposal;
 * the investor bookmarks it with a tag and a note from the proposal's page (both on the watchlist
 * too), expresses interest, the founder accepts, the investor follows it from the list of its
 * interests, they write to each other, an organiser finds the conversation among all of them
 * and reads it, and the investor's soft commitment reaches the founder's ledger. The founder
 * uses Ponte in Spanish, the organiser in Galician, the investor in English.
 */
import postgres from 'postgres'
import { expect, it } from 'vitest'
import enAlerts from '../../app/locales/en/alerts.json'
import enInterests from '../../app/locales/en/interests.json'
import enWatchlist from '../../app/locales/en/watchlist.json'
import glInterests from '../../app/locales/gl/interests.json'
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
    const [startup] = await sql<{ slug: string; name: string }[]>`
      select o.slug, o.name from organisations o join memberships m on m.organisation_id = o.id join users u on u.id = m.user_id
      where u.email = ${DEMO_LOGINS.founder} and o.kind = 'startup' order by o.created_at limit 1`
    await sql.end()
    expect(startup).toBeDefined()
    const { slug, name: startupName } = startup!

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

    // The investor bookmarks it, tags it and keeps a note about it, all from the proposal's page.
    const note = `Burns are a gap in our portfolio; ask about the porcine data (${word}).`
    const watchlistPanel = investor.getByRole('heading', { name: enWatchlist.button.title, exact: true }).locator('..')
    await watchlistPanel.getByRole('button', { name: enWatchlist.button.add }).click()
    await toastText(investor, enWatchlist.toast.added)
    await watchlistPanel.getByText(enWatchlist.button.added).waitFor()
    await e2e.screenshot(investor, 'journey-03-bookmarked')
    await watchlistPanel.locator('summary', { hasText: enWatchlist.tags.edit }).click()
    await watchlistPanel.getByLabel(enWatchlist.tags.edit, { exact: true }).fill('Burns, Q3 committee')
    await watchlistPanel.getByRole('button', { name: enWatchlist.tags.save }).click()
    await toastText(investor, enWatchlist.toast.tagsSaved)
    await watchlistPanel.getByLabel(enWatchlist.notes.new, { exact: true }).fill(note)
    await watchlistPanel.getByRole('button', { name: enWatchlist.notes.add }).click()
    await toastText(investor, enWatchlist.toast.noteAdded)
    expect(new URL(investor.url()).pathname).toBe(`/proposals/${proposalId}`)
    const panelNotes = watchlistPanel.getByRole('region', { name: enWatchlist.notes.title })
    await panelNotes.getByRole('paragraph').filter({ hasText: note }).waitFor()
    await watchlistPanel.getByRole('link', { name: 'burns', exact: true }).waitFor()
    await e2e.screenshot(investor, 'journey-03b-note-on-proposal')
    // The panel works the same without JavaScript: a refused note comes back with its error, then a second note is added.
    const noScript = await investor.context().browser()!.newContext({
      baseURL: e2e.baseUrl,
      locale: 'en-GB',
      javaScriptEnabled: false,
      storageState: await investor.context().storageState(),
    })
    const plain = await noScript.newPage()
    await plain.goto(`/proposals/${proposalId}`)
    const plainPanel = plain.getByRole('heading', { name: enWatchlist.button.title, exact: true }).locator('..')
    await plainPanel.getByRole('button', { name: enWatchlist.notes.add }).click()
    await plainPanel.getByText(enWatchlist.errors.noteRequired).waitFor()
    const second = `Second look, without scripts: the GMP lot is the risk (${word}).`
    await plainPanel.getByLabel(enWatchlist.notes.new, { exact: true }).fill(second)
    await Promise.all([plain.waitForURL((url) => url.pathname === `/proposals/${proposalId}` && url.search === ''), plainPanel.getByRole('button', { name: enWatchlist.notes.add }).click()])
    await plainPanel.getByRole('region', { name: enWatchlist.notes.title }).getByRole('paragraph').filter({ hasText: second }).waitFor()
    await noScript.close()
    // The watchlist, filtered by the tag, holds the note.
    await Promise.all([investor.waitForURL('**/watchlist?tag=burns'), watchlistPanel.getByRole('link', { name: 'burns', exact: true }).click()])
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
    // The investor's list of interests shows it accepted, and leads to the conversation.
    await e2e.goto(investor, '/interests?status=accepted')
    const interest = investor.getByRole('listitem').filter({ has: investor.getByRole('link', { name: title }) })
    await interest.getByText(enInterests.statuses.accepted, { exact: true }).waitFor()
    await e2e.screenshot(investor, 'journey-05-interests')
    await Promise.all([investor.waitForURL(`**${conversationPath}`), interest.getByRole('link', { name: enInterests.inbox.openConversation }).click()])
    await investor.getByText(`Gracias por el interés en ${word}.`, { exact: false }).first().waitFor()
    await sendMessage(investor, 'Thursday suits us; here is our soft commitment.', 'en')

    // An organiser finds the conversation by the startup's name and reads it, without a form to write.
    await e2e.goto(organiser, '/organiser/conversations')
    await organiser.getByLabel(glInterests.moderation.search, { exact: true }).fill(startupName.slice(0, 8).toLowerCase())
    await Promise.all([organiser.waitForURL('**/organiser/conversations?q=*'), organiser.getByRole('button', { name: glInterests.moderation.searchSubmit }).click()])
    const row = organiser.getByRole('link').filter({ hasText: title })
    expect(await row.innerText()).toContain(glInterests.moderation.messages_other.replace('{{count}}', '2'))
    await e2e.screenshot(organiser, 'journey-06-moderation')
    await Promise.all([organiser.waitForURL(`**${conversationPath}`), row.click()])
    await organiser.getByText(glInterests.conversations.moderating).waitFor()
    expect(await organiser.locator('main').innerText()).toContain('Thursday suits us')
    expect(await organiser.getByRole('button', { name: glInterests.conversations.send }).count()).toBe(0)
    await recordSoftCommitment(investor, { amount: '150000', conditions: 'Subject to the preclinical dossier' })
    await e2e.screenshot(investor, 'journey-07-conversation')
    await expectLedger(e2e, founder, slug, proposalId, { total: '150000', investors: '1' })
    await e2e.screenshot(founder, 'journey-08-ledger')

    e2e.expectNoProblems(investor)
    e2e.expectNoProblems(founder)
    e2e.expectNoProblems(organiser)
  })
})
