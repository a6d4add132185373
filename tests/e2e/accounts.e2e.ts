import type { Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { describeE2E, uniqueEmail, useE2E } from './harness'
import {
  answered400,
  expectTranslated,
  followEmailLink,
  expectHeading,
  hydrated,
  logOut,
  messages,
  newPassword,
  submitLogin,
  submitSignup,
  switchLanguage,
  toastText,
} from './journeys'

const { en, gl } = messages

/**
 * One new person, start to finish: sign up, confirm the address from the mailbox, log out and
 * in (after a wrong password), use Ponte in Galician, forget the password and choose a new one.
 * The steps run in order on one browser tab, as the person would do them.
 */
describeE2E('an account, from sign-up to a forgotten password', () => {
  const e2e = useE2E()
  const person = { name: 'Uxía Mariño', email: uniqueEmail('accounts'), password: newPassword() }
  let page: Page

  beforeAll(async () => {
    page = await e2e.newPage()
  })

  it('signs up with the form and lands on "check your inbox"', async () => {
    await e2e.goto(page, '/')
    await Promise.all([page.waitForURL('**/signup'), page.getByRole('banner').getByRole('link', { name: en.common.nav.signup }).click()])
    await expectHeading(page, en.accounts.signup.title)
    await e2e.screenshot(page, 'accounts-01-signup')

    await submitSignup(page, person)
    await expectHeading(page, en.accounts.verify.title)
    await toastText(page, en.accounts.signup.checkInbox)
    expect(await page.getByText(person.email).count()).toBeGreaterThan(0)
    await e2e.screenshot(page, 'accounts-02-check-inbox')
    await expectTranslated(page, 'en')
    e2e.expectNoProblems(page)
  })

  it('confirms the address with the link in the development mailbox', async () => {
    // The way a person would go: the link on the "check your inbox" page.
    await e2e.waitForEmail(person.email, { subject: en.accounts.email.verify.subject })
    await Promise.all([page.waitForURL('**/dev/mailbox?to=*'), page.getByRole('link', { name: en.accounts.verify.devMailboxLink }).click()])
    await expectHeading(page, en.accounts.mailbox.title)
    await e2e.screenshot(page, 'accounts-03-mailbox')

    const email = await followEmailLink(e2e, page, person.email, en.accounts.email.verify.subject, '/verify-email/')
    expect(email.text).toContain(person.name)
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await toastText(page, en.accounts.verify.done)
    await expectHeading(page, en.common.dashboard.title.replace('{{name}}', person.name))
    // No "please confirm your address" banner any more.
    expect(await page.getByText(en.common.verifyBanner).count()).toBe(0)
    await e2e.screenshot(page, 'accounts-04-verified-dashboard')
    e2e.expectNoProblems(page)
  })

  it('logs out, is refused with a wrong password (one generic message), then logs in', async () => {
    await logOut(page)
    // Signed out: the dashboard sends to the log-in page.
    await e2e.goto(page, '/dashboard')
    expect(new URL(page.url()).pathname).toBe('/login')

    await submitLogin(page, person.email, `${person.password}-wrong`)
    expect(new URL(page.url()).pathname).toBe('/login')
    const alert = page.getByRole('alert').filter({ hasText: en.accounts.login.invalid })
    await alert.waitFor()
    // The email stays typed in; the password does not.
    expect(await page.getByLabel(en.accounts.fields.email, { exact: true }).inputValue()).toBe(person.email)
    expect(await page.getByLabel(en.accounts.fields.password, { exact: true }).inputValue()).toBe('')
    await e2e.screenshot(page, 'accounts-05-login-wrong-password')

    await submitLogin(page, person.email, person.password)
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await expectHeading(page, en.common.dashboard.title.replace('{{name}}', person.name))
    e2e.expectNoProblems(page, [answered400])
  })

  it('switches to Galician while signed in, and stays in Galician after a reload', async () => {
    await switchLanguage(page, 'gl')
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await expectHeading(page, gl.common.dashboard.title.replace('{{name}}', person.name))
    const nav = page.getByRole('navigation', { name: gl.common.nav.label })
    expect(await nav.getByRole('link', { name: gl.common.nav.dashboard }).count()).toBe(1)
    expect(await page.getByRole('banner').getByRole('button', { name: gl.common.nav.logout }).count()).toBe(1)
    await expectTranslated(page, 'gl')
    await e2e.screenshot(page, 'accounts-06-dashboard-gl')

    await page.reload()
    await hydrated(page)
    expect(await page.locator('html').getAttribute('lang')).toBe('gl')
    await expectHeading(page, gl.common.dashboard.title.replace('{{name}}', person.name))
    expect(await page.getByLabel(gl.common.language.label, { exact: true }).inputValue()).toBe('gl')

    // The account remembers it too: its settings page (from the main navigation) shows it as the preference.
    await Promise.all([page.waitForURL('**/settings'), nav.getByRole('link', { name: gl.common.nav.settings }).click()])
    await expectHeading(page, gl.accounts.settings.title)
    expect(await page.getByLabel(gl.accounts.fields.locale, { exact: true }).inputValue()).toBe('gl')
    await expectTranslated(page, 'gl')
    await e2e.screenshot(page, 'accounts-07-settings-gl')
    e2e.expectNoProblems(page, [answered400])
  })

  it('resets a forgotten password (in Galician) from the emailed link; the old password stops working', async () => {
    await logOut(page)
    expect(await page.locator('html').getAttribute('lang')).toBe('gl')

    await e2e.goto(page, '/login')
    await Promise.all([page.waitForURL('**/forgot-password'), page.getByRole('link', { name: gl.accounts.login.forgotLink }).click()])
    await expectHeading(page, gl.accounts.forgot.title)
    const requested = new Date(Date.now() - 1000)
    await page.getByLabel(gl.accounts.fields.email, { exact: true }).fill(person.email)
    await page.getByRole('button', { name: gl.accounts.forgot.submit }).click()
    await page.getByText(gl.accounts.forgot.sent).waitFor()
    await expectTranslated(page, 'gl')
    await e2e.screenshot(page, 'accounts-08-forgot-sent-gl')

    // The email is in the account's language (Galician, chosen above).
    const email = await followEmailLink(e2e, page, person.email, gl.accounts.email.reset.subject, '/reset-password/', {
      since: requested,
      screenshot: 'accounts-09-mailbox-message-gl',
    })
    expect(email.text).toContain(gl.accounts.email.reset.intro)
    await expectHeading(page, gl.accounts.reset.title)
    await expectTranslated(page, 'gl')
    await e2e.screenshot(page, 'accounts-10-reset-form-gl')

    const changed = newPassword()
    await page.getByLabel(gl.accounts.fields.newPassword, { exact: true }).fill(changed)
    await page.getByLabel(gl.accounts.fields.confirmPassword, { exact: true }).fill(changed)
    await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: gl.accounts.reset.submit }).click()])
    await toastText(page, gl.accounts.reset.done)

    // The old password no longer opens the account...
    await submitLogin(page, person.email, person.password)
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.getByRole('alert').filter({ hasText: gl.accounts.login.invalid }).waitFor()
    await expectTranslated(page, 'gl')
    await e2e.screenshot(page, 'accounts-11-old-password-refused-gl')

    // ...the new one does.
    await submitLogin(page, person.email, changed)
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await expectHeading(page, gl.common.dashboard.title.replace('{{name}}', person.name))

    // The reset link works only once.
    await e2e.goto(page, new URL(email.linkTo('/reset-password/')).pathname)
    await expectHeading(page, gl.accounts.reset.invalidTitle)
    e2e.expectNoProblems(page, [answered400])
  })
})
