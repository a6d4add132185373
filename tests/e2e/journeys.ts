/**
 * Steps that several end-to-end journeys share, done as a person would do them: through the
 * forms (found by their labels, in the page's language), the links and the development mailbox.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Locale } from '../../app/modules/i18n/locales'
import type { E2E } from './harness'

import enAccounts from '../../app/locales/en/accounts.json'
import enCommon from '../../app/locales/en/common.json'
import enOrganisations from '../../app/locales/en/organisations.json'
import enStartups from '../../app/locales/en/startups.json'
import esAccounts from '../../app/locales/es/accounts.json'
import esCommon from '../../app/locales/es/common.json'
import esOrganisations from '../../app/locales/es/organisations.json'
import esStartups from '../../app/locales/es/startups.json'
import glAccounts from '../../app/locales/gl/accounts.json'
import glCommon from '../../app/locales/gl/common.json'
import glOrganisations from '../../app/locales/gl/organisations.json'
import glStartups from '../../app/locales/gl/startups.json'
import ptAccounts from '../../app/locales/pt/accounts.json'
import ptCommon from '../../app/locales/pt/common.json'
import ptOrganisations from '../../app/locales/pt/organisations.json'
import ptStartups from '../../app/locales/pt/startups.json'

/** Every translation area, by language, as the code addresses them (`accounts.login.title`). */
export const messages = {
  en: { accounts: enAccounts, common: enCommon, organisations: enOrganisations, startups: enStartups },
  es: { accounts: esAccounts, common: esCommon, organisations: esOrganisations, startups: esStartups },
  gl: { accounts: glAccounts, common: glCommon, organisations: glOrganisations, startups: glStartups },
  pt: { accounts: ptAccounts, common: ptCommon, organisations: ptOrganisations, startups: ptStartups },
} satisfies Record<Locale, unknown>

/** Chromium's console error for a page the server answered with 400 on purpose (a refused form, a used link). */
export const answered400 = /Failed to load resource: the server responded with a status of 400/

/** A strong password nobody else uses. */
export function newPassword(): string {
  return `e2e horse battery ${Math.random().toString(36).slice(2, 8)}`
}

/** Waits until the Remix router of the current document has hydrated (after a full page load). */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter
    return router?.state.initialized === true
  })
}

/** The text of the toast (role=status in the shell) once it shows. */
export async function toastText(page: Page, text: string) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor()
  return text
}

export async function heading(page: Page): Promise<string> {
  return ((await page.locator('h1').first().textContent()) ?? '').trim()
}

/** Waits until the page's h1 reads `text` (a client-side navigation renders just after the URL changes). */
export async function expectHeading(page: Page, text: string | undefined) {
  await expect.poll(() => heading(page), { timeout: 10_000 }).toBe(text)
}

/** Fills and submits the sign-up form (already open); lands on "check your inbox". */
export async function submitSignup(page: Page, person: { name: string; email: string; password: string }, locale: Locale = 'en') {
  const { accounts } = messages[locale]
  await page.getByLabel(accounts.fields.name, { exact: true }).fill(person.name)
  await page.getByLabel(accounts.fields.email, { exact: true }).fill(person.email)
  await page.getByLabel(accounts.fields.password, { exact: true }).fill(person.password)
  await page.getByLabel(accounts.fields.confirmPassword, { exact: true }).fill(person.password)
  await Promise.all([page.waitForURL('**/verify-email'), page.getByRole('button', { name: accounts.signup.submit }).click()])
  await hydrated(page)
}

/**
 * From anywhere: opens the development mailbox filtered on `to`, opens the newest message whose
 * subject matches and follows its first link to `linkPath` (a full page load, as from an email).
 */
export async function followEmailLink(
  e2e: E2E,
  page: Page,
  to: string,
  subject: string | RegExp,
  linkPath: string,
  options: { since?: Date; screenshot?: string } = {},
) {
  const { since } = options
  const email = await e2e.waitForEmail(to, { subject, since })
  await e2e.goto(page, `/dev/mailbox?to=${encodeURIComponent(to)}`)
  await Promise.all([page.waitForURL(`**/dev/mailbox/${email.id}`), page.getByRole('link', { name: email.subject }).first().click()])
  await expect.poll(() => heading(page)).toBe(email.subject)
  const link = email.linkTo(linkPath)
  if (options.screenshot) await e2e.screenshot(page, options.screenshot)
  const links = page.getByRole('region', { name: messages[await pageLocale(page)].accounts.mailbox.links })
  await links.getByRole('link', { name: link, exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/dev/mailbox'))
  await hydrated(page)
  return email
}

/** Signs up through the form and confirms the address from the mailbox; ends on the dashboard. */
export async function signUpVerified(e2e: E2E, page: Page, person: { name: string; email: string; password: string }) {
  await e2e.goto(page, '/signup')
  await submitSignup(page, person)
  await followEmailLink(e2e, page, person.email, messages.en.accounts.email.verify.subject, '/verify-email/')
  await page.waitForURL('**/dashboard')
  await toastText(page, messages.en.accounts.verify.done)
}

/** Fills and submits the log-in form (already open), without waiting for where it leads. */
export async function submitLogin(page: Page, email: string, password: string) {
  const { accounts } = messages[await pageLocale(page)]
  await page.getByLabel(accounts.fields.email, { exact: true }).fill(email)
  await page.getByLabel(accounts.fields.password, { exact: true }).fill(password)
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: accounts.login.submit, exact: true }).click()])
  await hydrated(page)
}

export async function logIn(e2e: E2E, page: Page, email: string, password: string) {
  await e2e.goto(page, '/login')
  await submitLogin(page, email, password)
  expect(new URL(page.url()).pathname).toBe('/dashboard')
}

/** The "Log out" button of the header. */
export async function logOut(page: Page) {
  const locale = await pageLocale(page)
  const button = page.getByRole('banner').getByRole('button', { name: messages[locale].common.nav.logout })
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), button.click()])
  await hydrated(page)
  await page.getByRole('banner').getByRole('link', { name: messages[locale].common.nav.login }).waitFor()
}

/** The language the page is in (`<html lang>`). */
export async function pageLocale(page: Page): Promise<Locale> {
  const lang = await page.locator('html').getAttribute('lang')
  if (!lang || !(lang in messages)) throw new Error(`The page has no supported lang attribute: ${lang}`)
  return lang as Locale
}

/** Switches the interface language with the header's select; the page reloads in that language. */
export async function switchLanguage(page: Page, locale: Locale) {
  const label = messages[await pageLocale(page)].common.language.label
  await Promise.all([page.waitForEvent('load'), page.getByLabel(label, { exact: true }).selectOption(locale)])
  await hydrated(page)
  expect(await pageLocale(page)).toBe(locale)
}

function flatten(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (value && typeof value === 'object') for (const child of Object.values(value)) flatten(child, into)
  return into
}

function translationKeys(value: unknown, prefix: string, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(prefix)
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) translationKeys(child, `${prefix}.${key}`, into)
  return into
}

const allKeys = Object.entries(messages.en).flatMap(([area, tree]) => translationKeys(tree, area))

/**
 * The page shows no translation key (`accounts.login.title`) and, in another language than
 * English, no English sentence of Ponte's own messages where that language has its own.
 * Returns the visible text that was checked.
 */
export async function expectTranslated(page: Page, locale: Locale): Promise<string> {
  const text = await page.locator('body').innerText()
  const title = await page.title()
  const visible = `${title}\n${text}`
  const rawKeys = allKeys.filter((key) => visible.includes(key) || visible.includes(key.replace(/_(one|other)$/, '')))
  expect(rawKeys, `raw translation keys on ${page.url()}`).toEqual([])
  if (locale !== 'en') {
    const own = new Set(Object.values(messages[locale]).flatMap((tree) => flatten(tree)))
    const english = Object.values(messages.en)
      .flatMap((tree) => flatten(tree))
      // Whole literal pieces around {{placeholders}}, long enough to be sentences or labels.
      .flatMap((message) => message.split(/\{\{[^}]+\}\}/))
      .map((piece) => piece.trim())
      .filter((piece) => piece.length >= 8 && !own.has(piece) && ![...own].some((mine) => mine.includes(piece)))
    const leftovers = [...new Set(english.filter((piece) => visible.includes(piece)))]
    expect(leftovers, `English text on a page in ${locale} (${page.url()})`).toEqual([])
  }
  return visible
}
