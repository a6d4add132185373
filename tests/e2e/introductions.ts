/**
 * The introduction steps of the investor journeys, done as each person would: the investor
 * (English) expresses interest on the proposal's page, the founder (Spanish, the demo founder's
 * language) accepts in the studio's investor inbox, they write to each other, the investor
 * records a soft commitment and the founder reads the ledger.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import enInterests from '../../app/locales/en/interests.json'
import esInterests from '../../app/locales/es/interests.json'
import type { E2E } from './harness'
import { toastText } from './journeys'

/** The investor's interest form on the proposal's page, sent; ends when it can be withdrawn. */
export async function expressInterest(
  e2e: E2E,
  investor: Page,
  proposalId: string,
  interest: { message: string; ticketMin: string; ticketMax: string; screenshot?: string },
) {
  await e2e.goto(investor, `/proposals/${proposalId}`)
  await investor.getByLabel(enInterests.fields.message).fill(interest.message)
  await investor.getByLabel(enInterests.fields.ticketMin).fill(interest.ticketMin)
  await investor.getByLabel(enInterests.fields.ticketMax).fill(interest.ticketMax)
  if (interest.screenshot) await e2e.screenshot(investor, interest.screenshot)
  await investor.getByRole('button', { name: enInterests.panel.send }).click()
  await toastText(investor, enInterests.toast.sent)
  await investor.getByRole('button', { name: enInterests.panel.withdraw }).waitFor()
}

/** The proposal's investor inbox in the studio (the founder's page). */
export function investorsPath(slug: string, proposalId: string) {
  return `/studio/${slug}/proposals/${proposalId}/investors`
}

/** The founder accepts the (only) pending interest from the open inbox; returns the conversation's path. */
export async function acceptInterest(founder: Page): Promise<string> {
  await Promise.all([founder.waitForURL('**/conversations/*'), founder.getByRole('button', { name: esInterests.inbox.accept }).click()])
  await toastText(founder, esInterests.toast.accepted)
  return new URL(founder.url()).pathname
}

/** Sends a message from the open conversation, in the page's language (`es` for the founder, `en` for the investor). */
export async function sendMessage(page: Page, body: string, locale: 'en' | 'es') {
  const texts = locale === 'es' ? esInterests : enInterests
  await page.getByLabel(texts.fields.body).fill(body)
  await Promise.all([page.waitForURL((url) => url.hash === '#latest'), page.getByRole('button', { name: texts.conversations.send }).click()])
  await page.getByText(body).last().waitFor()
}

/** The investor, in the open conversation, records a soft commitment under the non-binding banner. */
export async function recordSoftCommitment(investor: Page, commitment: { amount: string; conditions: string }) {
  await investor.getByText(enInterests.nonBinding.text).first().waitFor()
  await investor.getByLabel(enInterests.fields.amount).fill(commitment.amount)
  const validUntil = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)
  await investor.getByLabel(enInterests.fields.validUntil).fill(validUntil)
  await investor.getByLabel(enInterests.fields.conditions).fill(commitment.conditions)
  await investor.getByRole('button', { name: enInterests.commitments.save }).click()
  await toastText(investor, enInterests.toast.committed)
}

/** The founder's ledger of the proposal: its total in euros (digits only) and number of investors. */
export async function expectLedger(e2e: E2E, founder: Page, slug: string, proposalId: string, ledger: { total: string; investors: string }) {
  await e2e.goto(founder, investorsPath(slug, proposalId))
  expect((await founder.locator('[data-figure="total"]').innerText()).replace(/\D/g, '')).toBe(ledger.total)
  expect(await founder.locator('[data-figure="investors"]').innerText()).toBe(ledger.investors)
}

/** The investor's conversations list shows `count` unread message(s) in a conversation. */
export async function expectUnread(e2e: E2E, investor: Page, count: number) {
  await e2e.goto(investor, '/conversations')
  const label = count === 1 ? enInterests.conversations.unread_one : enInterests.conversations.unread_other
  await investor.getByText(label.replace('{{count}}', String(count)), { exact: true }).waitFor()
}
