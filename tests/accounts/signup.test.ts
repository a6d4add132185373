import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getActor } from '~/modules/accounts/session.server'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { action as signupAction, loader as signupLoader } from '~/routes/signup'
import { action as resendAction, loader as verifyPageLoader } from '~/routes/verify-email._index'
import { loader as verifyTokenLoader } from '~/routes/verify-email.$token'
import { sessions, userTokens, users } from '../../db/schema'
import { makeRequest, runJobs, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn } from '../setup/factories'
import { mailTo, tokenFromLink } from '../setup/mailbox'
import { callRoute, cookiesOf, queuedJobs } from '../setup/routes'

const t = useTestDatabase()
const PASSWORD = 'a long and unguessable password'

function signupForm(overrides: Record<string, string> = {}) {
  return { name: 'Uxía Castro', email: 'uxia@example.test', password: PASSWORD, confirmPassword: PASSWORD, locale: 'gl', ...overrides }
}

let ipCounter = 0
/** A fresh address per request, so the sign-up limit per IP only shows where a test wants it. */
const freshIp = () => ({ 'x-forwarded-for': `198.51.100.${++ipCounter}` })

describe('sign-up and email verification', () => {
  it('creates the account, signs in, queues and delivers the verification email in the chosen language', async () => {
    const context = testLoadContext(t.db)
    const form = signupForm({ email: '  Uxia.Castro@Example.TEST ' })
    const reply = await callRoute(signupAction, makeRequest('/signup', { form, headers: freshIp() }), context)
    expect(reply.status).toBe(302)
    expect(reply.location).toBe('/verify-email')

    const [user] = await t.db.select().from(users).where(eq(users.email, 'uxia.castro@example.test'))
    expect(user).toMatchObject({ name: 'Uxía Castro', locale: 'gl', emailVerifiedAt: null })
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1)
    expect(await queuedJobs(t.db)).toEqual([{ task: 'email.verification', payload: { userId: user!.id }, key: `verify:${user!.id}` }])

    // The new session authenticates, and the interface follows the chosen language.
    const cookie = cookiesOf(reply)
    expect(cookie).toContain('ponte_lng=')
    const actor = await getActor(makeRequest('/', { cookie }), context)
    expect(actor).toMatchObject({ email: 'uxia.castro@example.test', emailVerified: false })

    await runJobs(t.db, t.url)
    const [mail] = await mailTo(t.db, 'uxia.castro@example.test')
    expect(mail!.subject).toBe(getFixedT('gl')('accounts.email.verify.subject'))
    expect(mail!.subject).toBe('Confirma o teu enderezo de correo electrónico en Ponte')
    expect(mail!.text).toContain('Ola, Uxía Castro:')
    expect(mail!.html).toContain('lang="gl"')
    const token = tokenFromLink(mail!.text, '/verify-email')
    // Only the token's hash is stored, valid for 48 hours.
    const [stored] = await t.db.select().from(userTokens).where(eq(userTokens.userId, user!.id))
    expect(stored!.tokenHash).not.toBe(token)
    expect(stored!.purpose).toBe('email_verification')
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(47 * 60 * 60 * 1000)
    expect(await queuedJobs(t.db)).toEqual([])

    // The link works once.
    const verified = await callRoute(verifyTokenLoader, makeRequest(`/verify-email/${token}`, { cookie }), context, { token })
    expect(verified.status).toBe(302)
    expect(verified.location).toBe('/dashboard')
    const [after] = await t.db.select().from(users).where(eq(users.id, user!.id))
    expect(after!.emailVerifiedAt).toBeInstanceOf(Date)
    const again = await callRoute(verifyTokenLoader, makeRequest(`/verify-email/${token}`), context, { token })
    expect(again.status).toBe(400)
    expect(again.data).toMatchObject({ signedIn: false })
  })

  it('answers a sign-up with a taken address exactly like a new one, and sends nothing', async () => {
    const context = testLoadContext(t.db)
    const existing = await createUser(t.db, { email: 'taken@example.test', verified: false })
    const before = await queuedJobs(t.db)
    const fresh = await callRoute(signupAction, makeRequest('/signup', { form: signupForm({ email: 'brand-new@example.test' }), headers: freshIp() }), context)
    const taken = await callRoute(signupAction, makeRequest('/signup', { form: signupForm({ email: 'TAKEN@example.test' }), headers: freshIp() }), context)
    expect(taken.status).toBe(fresh.status)
    expect(taken.location).toBe(fresh.location)
    expect(taken.data).toEqual(fresh.data)
    const toast = (reply: typeof fresh) => reply.headers.getSetCookie().find((c) => c.startsWith('ponte_toast='))
    expect(toast(taken)).toBe(toast(fresh))
    // Nothing new for the existing account: no session, no job, no email, and its password is untouched.
    expect(taken.headers.getSetCookie().some((c) => c.startsWith('ponte_session='))).toBe(false)
    expect((await queuedJobs(t.db)).filter((job) => job.payload.userId === existing.id)).toEqual(before.filter((job) => job.payload.userId === existing.id))
    expect(await t.db.select().from(users).where(eq(users.email, 'taken@example.test'))).toEqual([existing])
    await runJobs(t.db, t.url)
    expect(await mailTo(t.db, 'taken@example.test')).toEqual([])
    // The page it lands on says "check your inbox" without naming any account.
    const page = await callRoute(verifyPageLoader, makeRequest('/verify-email'), context)
    expect(page.data).toMatchObject({ state: 'anonymous', email: null })
  })

  it('refuses invalid input with 400 and an error next to each field', async () => {
    const context = testLoadContext(t.db)
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ name: '', email: 'not-an-email', password: 'short', confirmPassword: 'short', locale: 'xx' }, {
        name: ['accounts.errors.nameRequired'],
        email: ['accounts.errors.emailInvalid'],
        password: ['accounts.errors.passwordTooShort'],
        locale: ['accounts.errors.localeInvalid'],
      }],
      [signupForm({ confirmPassword: 'something else entirely' }), { confirmPassword: ['accounts.errors.passwordsDiffer'] }],
      [signupForm({ email: 'longname.person@example.test', password: 'LongName.Person@example.test', confirmPassword: 'LongName.Person@example.test' }), {
        password: ['accounts.errors.passwordIsEmail'],
      }],
      [signupForm({ password: 'x'.repeat(129), confirmPassword: 'x'.repeat(129) }), { password: ['accounts.errors.passwordTooLong'] }],
    ]
    for (const [form, errors] of cases) {
      const reply = await callRoute(signupAction, makeRequest('/signup', { form, headers: freshIp() }), context)
      expect(reply.status).toBe(400)
      expect(reply.data.error).toEqual(errors)
      // Typed values come back (except passwords).
      expect(reply.data.initialValue?.password).toBeUndefined()
    }
    expect(await t.db.select().from(users).where(eq(users.email, 'longname.person@example.test'))).toEqual([])
  })

  it('limits sign-ups per IP address', async () => {
    const context = testLoadContext(t.db)
    const headers = { 'x-forwarded-for': '203.0.113.50' }
    for (let i = 0; i < 10; i++) {
      const reply = await callRoute(signupAction, makeRequest('/signup', { form: signupForm({ email: `many-${i}@example.test` }), headers }), context)
      expect(reply.status).toBe(302)
    }
    const refused = await callRoute(signupAction, makeRequest('/signup', { form: signupForm({ email: 'one-more@example.test' }), headers }), context)
    expect(refused.status).toBe(429)
    expect(refused.data.error['']).toEqual(['accounts.signup.tooMany'])
    expect(refused.data.retryAfterMinutes).toBeGreaterThan(0)
    expect(await t.db.select().from(users).where(eq(users.email, 'one-more@example.test'))).toEqual([])
  })

  it('defaults the language of the form to the interface language and keeps signed-in people out', async () => {
    const context = testLoadContext(t.db)
    const page = await callRoute(signupLoader, makeRequest('/signup', { headers: { 'Accept-Language': 'pt-PT,pt;q=0.9' } }), context)
    expect(page.data.locale).toBe('pt')
    const user = await createUser(t.db)
    const signedIn = await callRoute(signupLoader, makeRequest('/signup', { cookie: await signIn(context, user.id) }), context)
    expect(signedIn.status).toBe(302)
  })

  it('resends the verification email on request, coalesced and rate limited', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db, { verified: false, locale: 'es' })
    const cookie = await signIn(context, user.id)
    const page = await callRoute(verifyPageLoader, makeRequest('/verify-email', { cookie }), context)
    expect(page.data).toMatchObject({ state: 'pending', email: user.email, mailbox: `/dev/mailbox?to=${encodeURIComponent(user.email)}` })

    for (let i = 0; i < 3; i++) {
      const reply = await callRoute(resendAction, makeRequest('/verify-email', { form: {}, cookie }), context)
      expect(reply.status).toBe(302)
    }
    // Three clicks, one pending job.
    expect((await queuedJobs(t.db)).filter((job) => job.key === `verify:${user.id}`)).toHaveLength(1)
    const limited = await callRoute(resendAction, makeRequest('/verify-email', { form: {}, cookie }), context)
    expect(limited.status).toBe(429)
    expect(getFixedT('en')(limited.data.error, { count: limited.data.minutes })).toMatch(/try again in \d+ minutes?\./)

    await runJobs(t.db, t.url)
    const mails = await mailTo(t.db, user.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Confirma tu correo electrónico en Ponte')

    // An anonymous visitor cannot ask for a resend.
    const anonymous = await callRoute(resendAction, makeRequest('/verify-email', { form: {} }), context)
    expect(anonymous.location).toMatch(/^\/login/)
  })

  it('brings a person who signed up from an invitation link back to it after verifying', async () => {
    const context = testLoadContext(t.db)
    const form = signupForm({ email: 'invited@example.test', redirectTo: '/invitations/some-token' })
    const reply = await callRoute(signupAction, makeRequest('/signup', { form, headers: freshIp() }), context)
    expect(reply.status).toBe(302)
    const cookie = cookiesOf(reply)
    await runJobs(t.db, t.url)
    const [mail] = await mailTo(t.db, 'invited@example.test')
    const token = tokenFromLink(mail!.text, '/verify-email')
    const verified = await callRoute(verifyTokenLoader, makeRequest(`/verify-email/${token}`, { cookie }), context, { token })
    expect(verified.location).toBe('/invitations/some-token')
    // A foreign address is never a destination.
    const evil = await callRoute(signupAction, makeRequest('/signup', { form: signupForm({ email: 'x@example.test', redirectTo: '//evil.example' }), headers: freshIp() }), context)
    expect(evil.headers.getSetCookie().some((c) => c.startsWith('ponte_return='))).toBe(false)
  })
})
