/**
 * The studio and moderation steps of the proposal journeys: a founder fills the proposal
 * editor (in the studio's language) and an organiser opens the proposal from the moderation
 * queue (the demo organiser uses Ponte in Galician) and publishes it.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import enProposals from '../../app/locales/en/proposals.json'
import esProposals from '../../app/locales/es/proposals.json'
import glCatalogue from '../../app/locales/gl/catalogue.json'
import type { E2E } from './harness'
import { expectHeading, toastText } from './journeys'

const editorTexts = { en: enProposals, es: esProposals }

export interface ProposalDraft {
  /** The language of the texts (a section of the editor, open in the studio's language). */
  lang: 'en' | 'es'
  title: string
  summary: string
  description: string
  /** Euros, and the items of the use of funds, which add up to the amount sought. */
  amountSought: string
  funds: { label: string; amount: string }[]
  closingDate: string
}

/** Fills the open proposal editor with a biotech seed round (`ui`: the studio's language). */
export async function fillProposal(page: Page, ui: 'en' | 'es', draft: ProposalDraft) {
  const proposals = editorTexts[ui]
  const texts = page.locator(`div[lang="${draft.lang}"]`)
  await texts.getByLabel(proposals.editor.title, { exact: true }).fill(draft.title)
  await texts.getByLabel(proposals.editor.summary, { exact: true }).fill(draft.summary)
  await texts.getByLabel(proposals.editor.description, { exact: true }).fill(draft.description)
  await page.getByLabel(proposals.editor.amountSought, { exact: true }).fill(draft.amountSought)
  await page.getByLabel(proposals.editor.minimumTicket, { exact: true }).fill('25000')
  await page.getByLabel(proposals.editor.preMoneyValuation, { exact: true }).fill('2000000')
  await page.getByLabel(proposals.editor.closingDate, { exact: true }).fill(draft.closingDate)
  await page.getByLabel(proposals.editor.instrument, { exact: true }).selectOption('equity')
  await page.getByLabel(proposals.editor.stage, { exact: true }).selectOption('seed')
  await page.getByLabel(proposals.editor.subsector, { exact: true }).selectOption('health')
  await page.getByLabel(proposals.editor.trl, { exact: true }).selectOption('4')
  await page.getByLabel(proposals.editor.modality, { exact: true }).selectOption('small_molecule')
  await page.getByLabel(proposals.editor.developmentPhase, { exact: true }).selectOption('preclinical')
  await page.getByLabel(proposals.editor.regulatoryPathway, { exact: true }).selectOption('ema_centralised')
  await page.getByLabel(proposals.editor.ipStatus, { exact: true }).selectOption('patent_filed')
  await page.getByRole('checkbox', { name: proposals.taxonomy.therapeuticAreas.oncology }).check()
  for (const [index, item] of draft.funds.entries()) {
    const number = String(index + 1)
    await page.getByLabel(proposals.editor.useOfFundsLabel.replace('{{number}}', number), { exact: true }).fill(item.label)
    await page.getByLabel(proposals.editor.useOfFundsAmount.replace('{{number}}', number), { exact: true }).fill(item.amount)
  }
}

/** Saves the filled editor as a draft; returns the editor's path and the proposal's id. */
export async function saveDraft(page: Page, ui: 'en' | 'es', title: string): Promise<{ editorPath: string; proposalId: string }> {
  const proposals = editorTexts[ui]
  await Promise.all([
    page.waitForURL((url) => /^\/studio\/[^/]+\/proposals\/[0-9a-f-]{36}$/.test(url.pathname)),
    page.getByRole('button', { name: proposals.editor.saveDraft }).click(),
  ])
  await toastText(page, proposals.toast.created)
  const editorPath = new URL(page.url()).pathname
  await expectHeading(page, title)
  return { editorPath, proposalId: editorPath.split('/').pop()! }
}

/** Submits the proposal open in the editor for review. */
export async function submitForReview(page: Page, ui: 'en' | 'es') {
  const proposals = editorTexts[ui]
  await page.getByRole('button', { name: proposals.editor.submit }).click()
  await toastText(page, proposals.toast.submitted)
  await page.getByText(proposals.studio.next.submitted).waitFor()
}

/** The demo organiser (in Galician) opens the proposal from the moderation queue's waiting list. */
export async function openReview(e2e: E2E, organiser: Page, proposalId: string, title: string) {
  await e2e.goto(organiser, '/organiser/proposals')
  const { waiting_one: one, waiting_other: other } = glCatalogue.moderation
  const waiting = organiser.getByRole('region', { name: new RegExp(`^\\d+ (${one.replace('{{count}} ', '')}|${other.replace('{{count}} ', '')})$`) })
  await Promise.all([organiser.waitForURL(`**/organiser/proposals/${proposalId}`), waiting.getByRole('link', { name: title }).click()])
  await expectHeading(organiser, title)
}

/** The demo organiser publishes the proposal open in the review page. */
export async function publishInReview(organiser: Page) {
  await Promise.all([
    organiser.waitForURL('**/organiser/proposals'),
    organiser.getByRole('button', { name: glCatalogue.review.publish, exact: true }).click(),
  ])
  await toastText(organiser, glCatalogue.toast.published)
  expect(new URL(organiser.url()).pathname).toBe('/organiser/proposals')
}
