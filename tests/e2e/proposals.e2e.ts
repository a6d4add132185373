import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import enCatalogue from '../../app/locales/en/catalogue.json'
import enDataroom from '../../app/locales/en/dataroom.json'
import enProposals from '../../app/locales/en/proposals.json'
import esCatalogue from '../../app/locales/es/catalogue.json'
import glCatalogue from '../../app/locales/gl/catalogue.json'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, uniqueEmail, useE2E } from './harness'
import { expectHeading, expectTranslated, logIn, messages, newPassword, signUpVerified, submitLogin, toastText } from './journeys'
import { fillProposal, openReview, publishInReview, saveDraft, submitForReview } from './proposal-steps'

const { en } = messages
const proposals = enProposals
const catalogue = enCatalogue
const dataroom = enDataroom
/** The demo organiser uses Ponte in Galician (their account's language). */
const organiserCatalogue = glCatalogue

/** The page shows no key of the proposal areas (`proposals.editor.title`), on top of expectTranslated's areas. */
async function expectNoRawKeys(page: Page, locale: 'en' | 'es' | 'gl' = 'en') {
  await expectTranslated(page, locale)
  const text = await page.locator('body').innerText()
  expect(text.match(/\b(proposals|catalogue|dataroom)\.[a-zA-Z]+\.[a-zA-Z.]+/g) ?? [], `raw translation keys on ${page.url()}`).toEqual([])
}

/** The smallest PDF a PDF reader opens: one empty page, with its cross-reference table. */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>']
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(body.length)
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/**
 * The issue's journey: a startup writes a financing proposal with its pitch deck, an organiser
 * sends it back once and then publishes it, an anonymous visitor sees only the teaser, and a
 * verified investor reads everything, accepts the NDA and downloads the deck, which the startup
 * then finds in its access log. Four people, four browser contexts, one proposal.
 */
describeE2E('a financing proposal from the studio to a verified investor', () => {
  const e2e = useE2E()
  const stamp = Date.now().toString(36)
  const founder = { name: 'Uxía Pereiro', email: uniqueEmail('proposal-founder'), password: newPassword() }
  const startupName = `Fucomar Biotech ${stamp}`
  const title = `Fucoidan against pancreatic cancer ${stamp}`
  const teaser = 'A marine polysaccharide from Galician brown algae that slows pancreatic tumours in mice.'
  const betterTeaser = `${teaser} Preclinical package ready for a first-in-human trial.`
  const boldWord = `Fucoidex${stamp}`
  const description = `We are developing **${boldWord}**, a purified fucoidan.\n\nRead [our preprint](https://example.org/fucoidex-preprint) for the mouse data.`
  const funds = [
    { label: 'Preclinical toxicology package', amount: '300000' },
    { label: 'GMP pilot batch', amount: '200000' },
  ]
  const closingDate = `${new Date().getUTCFullYear() + 1}-06-30`
  const changesComment = 'Please say in the teaser how far the preclinical work has got.'
  const deckName = `fucomar-deck-${stamp}.pdf`
  let founderPage: Page
  let organiserPage: Page
  let tempDir = ''
  let editorPath = ''
  let proposalId = ''
  let documentId = ''

  beforeAll(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'ponte-e2e-deck-'))
    founderPage = await e2e.newPage()
    organiserPage = await e2e.newPage()
  })

  afterAll(async () => {
    if (tempDir) await rm(tempDir, { recursive: true, force: true })
  })

  it('a founder writes a proposal in the studio, uploads the pitch deck and submits it', async () => {
    const page = founderPage
    await signUpVerified(e2e, page, founder)
    await e2e.goto(page, '/organisations/new')
    await page.getByRole('radio', { name: new RegExp(`^${en.common.kinds.startup}`) }).check()
    await page.getByLabel(en.organisations.create.name, { exact: true }).fill(startupName)
    await page.getByLabel(en.organisations.create.country, { exact: true }).selectOption('ES')
    await page.getByLabel(en.organisations.create.region, { exact: true }).selectOption('ES11')
    await page.getByLabel(en.organisations.create.city, { exact: true }).fill('Vigo')
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/organisations/') && url.pathname !== '/organisations/new'),
      page.getByRole('button', { name: en.organisations.create.submit }).click(),
    ])

    // The studio, from the main navigation, goes straight to the only startup.
    await Promise.all([
      page.waitForURL('**/studio/*'),
      page.getByRole('navigation', { name: en.common.nav.label }).getByRole('link', { name: en.common.nav.studio }).click(),
    ])
    await expectHeading(page, startupName)
    await e2e.screenshot(page, 'proposals-01-studio-empty')
    await Promise.all([page.waitForURL('**/proposals/new'), page.getByRole('link', { name: proposals.studio.writeFirst }).click()])
    await expectHeading(page, proposals.editor.newTitle)

    await fillProposal(page, 'en', { lang: 'en', title, summary: teaser, description, amountSought: '500000', funds, closingDate })
    // The live sum says the items add up to the amount sought.
    await expect.poll(() => page.locator('#use-of-funds-sum').innerText()).toMatch(/500,000.*500,000/)
    await e2e.screenshot(page, 'proposals-02-editor-filled')

    const saved = await saveDraft(page, 'en', title)
    editorPath = saved.editorPath
    proposalId = saved.proposalId

    // The pitch deck, on the documents page.
    const deckFile = path.join(tempDir, deckName)
    await writeFile(deckFile, tinyPdf())
    await Promise.all([page.waitForURL('**/documents'), page.getByRole('link', { name: proposals.editor.documentsLink }).click()])
    await expectHeading(page, dataroom.documents.title)
    await page.getByLabel(dataroom.upload.kind, { exact: true }).selectOption('deck')
    await page.getByLabel(dataroom.upload.file, { exact: true }).setInputFiles(deckFile)
    await page.getByRole('button', { name: dataroom.upload.submit, exact: true }).click()
    await toastText(page, dataroom.toast.uploaded)
    const documents = page.getByRole('heading', { name: dataroom.documents.listTitle }).locator('..')
    await documents.getByText(deckName).waitFor()
    const download = await documents.getByRole('link', { name: dataroom.documents.download }).getAttribute('href')
    documentId = /^\/documents\/([0-9a-f-]{36})\/download$/.exec(download ?? '')?.[1] ?? ''
    expect(documentId, `download link ${download}`).not.toBe('')
    await expectNoRawKeys(page)
    await e2e.screenshot(page, 'proposals-03-documents-uploaded')

    await Promise.all([page.waitForURL(`**${editorPath}`), page.getByRole('link', { name: dataroom.documents.back }).click()])
    await expectHeading(page, title)
    await submitForReview(page, 'en')
    await expectNoRawKeys(page)
    e2e.expectNoProblems(page)
  })

  it('an organiser sends it back with a comment, the founder improves it, and the organiser publishes it', async () => {
    await logIn(e2e, organiserPage, DEMO_LOGINS.organiser, DEMO_PASSWORD)
    const review = () => openReview(e2e, organiserPage, proposalId, title)
    await review()
    await expectNoRawKeys(organiserPage, 'gl')
    await e2e.screenshot(organiserPage, 'proposals-04-review')
    await organiserPage.getByLabel(organiserCatalogue.review.changesComment, { exact: true }).fill(changesComment)
    await Promise.all([
      organiserPage.waitForURL('**/organiser/proposals'),
      organiserPage.getByRole('button', { name: organiserCatalogue.review.requestChanges }).click(),
    ])
    await toastText(organiserPage, organiserCatalogue.toast.changesRequested)

    // The founder finds the comment in the studio, edits the teaser and submits again.
    const page = founderPage
    await e2e.goto(page, editorPath)
    await page.getByText(proposals.studio.next.changesRequested.replace('{{comment}}', changesComment)).waitFor()
    await e2e.screenshot(page, 'proposals-05-changes-requested')
    await page.locator('div[lang="en"]').getByLabel(proposals.editor.summary, { exact: true }).fill(betterTeaser)
    await page.getByRole('button', { name: proposals.editor.submit }).click()
    await toastText(page, proposals.toast.submitted)
    e2e.expectNoProblems(page)

    await review()
    await organiserPage.getByText(betterTeaser).first().waitFor()
    await publishInReview(organiserPage)
    e2e.expectNoProblems(organiserPage)
  })

  it('an anonymous visitor finds it in the catalogue and reads the teaser only', async () => {
    const page = await e2e.newPage()
    await e2e.goto(page, '/proposals')
    await expectHeading(page, catalogue.list.title)
    const card = page.getByRole('article').filter({ hasText: title })
    await card.waitFor()
    expect(await card.innerText()).toContain(startupName)
    await expectNoRawKeys(page)
    await e2e.screenshot(page, 'proposals-06-catalogue')

    await Promise.all([page.waitForURL(`**/proposals/${proposalId}`), card.getByRole('link', { name: title }).click()])
    await expectHeading(page, title)
    const text = await page.getByRole('main').innerText()
    expect(text).toContain(betterTeaser)
    expect(text).toContain(catalogue.access.lockedTitle)
    // Not on the page, and not in the HTML either (the loader's data travels in it for hydration).
    const html = await page.content()
    for (const secret of [boldWord, 'fucoidex-preprint', ...funds.map((item) => item.label)]) {
      expect(text).not.toContain(secret)
      expect(html).not.toContain(secret)
    }
    expect(await page.getByRole('heading', { name: catalogue.fields.useOfFunds }).count()).toBe(0)
    expect(await page.locator('strong', { hasText: boldWord }).count()).toBe(0)
    await expectNoRawKeys(page)
    await e2e.screenshot(page, 'proposals-07-public-page')
    await page.setViewportSize({ width: 390, height: 844 })
    await e2e.screenshot(page, 'proposals-07-public-page-phone')

    // The JSON API answers them with the public tier too.
    const api = await page.request.get(e2e.url(`/api/v1/proposals/${proposalId}`))
    expect(api.status()).toBe(200)
    const json = await api.text()
    expect(JSON.parse(json)).toMatchObject({ id: proposalId, tier: 'public' })
    for (const secret of [boldWord, ...funds.map((item) => item.label)]) expect(json).not.toContain(secret)

    // The deck is not there for them, not even by its address.
    const response = await page.request.get(e2e.url(`/documents/${documentId}/download`), { maxRedirects: 0 })
    expect(response.status()).toBe(404)
    expect((await response.body()).includes(Buffer.from('%PDF'))).toBe(false)
    e2e.expectNoProblems(page)
  })

  it('an investor whose organisation is not verified yet sees the public tier and no data room', async () => {
    const page = await e2e.newPage()
    await logIn(e2e, page, DEMO_LOGINS.angel, DEMO_PASSWORD)
    await e2e.goto(page, `/proposals/${proposalId}`)
    await expectHeading(page, title)
    // The demo angel reads Ponte in Spanish.
    await page.getByText(esCatalogue.access.unverifiedInvestor).waitFor()
    const html = await page.content()
    for (const secret of [boldWord, ...funds.map((item) => item.label)]) expect(html).not.toContain(secret)
    expect(await page.getByRole('link', { name: esCatalogue.access.dataRoomAction }).count()).toBe(0)
    await expectNoRawKeys(page, 'es')
    for (const address of [`/proposals/${proposalId}/data-room`, `/documents/${documentId}/download`]) {
      expect((await page.request.get(e2e.url(address), { maxRedirects: 0 })).status(), address).toBe(404)
    }
    e2e.expectNoProblems(page)
  })

  it('a verified investor reads the full proposal, accepts the NDA and downloads the deck', async () => {
    // From the proposal's "Log in" button, back to the proposal once logged in.
    const page = await e2e.newPage()
    await e2e.goto(page, `/proposals/${proposalId}`)
    await Promise.all([page.waitForURL('**/login?*'), page.getByRole('main').getByRole('link', { name: catalogue.access.login }).click()])
    await submitLogin(page, DEMO_LOGINS.investor, DEMO_PASSWORD)
    expect(new URL(page.url()).pathname).toBe(`/proposals/${proposalId}`)
    await expectHeading(page, title)
    const bold = page.locator('strong', { hasText: boldWord })
    await bold.waitFor()
    const link = page.getByRole('link', { name: 'our preprint' })
    expect(await link.getAttribute('href')).toBe('https://example.org/fucoidex-preprint')
    expect(await link.getAttribute('rel')).toContain('nofollow')
    const usesOfFunds = page.getByRole('table', { name: catalogue.fields.useOfFunds })
    for (const item of funds) await usesOfFunds.getByText(item.label).waitFor()
    await expectNoRawKeys(page)
    await e2e.screenshot(page, 'proposals-08-investor-page')

    await Promise.all([page.waitForURL(`**/proposals/${proposalId}/data-room`), page.getByRole('link', { name: catalogue.access.dataRoomAction }).click()])
    await expectHeading(page, dataroom.room.title)
    expect(await page.getByText(deckName).count()).toBe(0)
    await e2e.screenshot(page, 'proposals-09-nda')
    await page.getByLabel(dataroom.nda.checkbox, { exact: true }).check()
    await page.getByRole('button', { name: dataroom.nda.submit }).click()
    await toastText(page, dataroom.toast.ndaAccepted)
    await page.getByText(deckName).waitFor()
    await expectNoRawKeys(page)
    await e2e.screenshot(page, 'proposals-10-data-room')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: dataroom.documents.download }).click()])
    expect(download.suggestedFilename()).toBe(deckName)
    const saved = await download.path()
    expect((await readFile(saved)).subarray(0, 4).toString('latin1')).toBe('%PDF')
    e2e.expectNoProblems(page)
  })

  it('the founder sees the investor’s download in the access log', async () => {
    const page = founderPage
    await e2e.goto(page, `${editorPath}/documents`)
    const log = page.getByRole('table')
    const row = log.getByRole('row').filter({ hasText: dataroom.log.actions.download })
    await row.first().waitFor()
    const text = await row.first().innerText()
    expect(text).toContain('Daniel Brandt')
    expect(text).toContain('Noroeste Life Sciences Ventures')
    expect(text).toContain(deckName)
    await expectNoRawKeys(page)
    await e2e.screenshot(page, 'proposals-11-access-log')
    e2e.expectNoProblems(page)
  })

})
