import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getActor } from '~/modules/accounts/session.server'
import { action as forgotAction } from '~/routes/forgot-password'
import { action as loginAction } from '~/routes/login'
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password.$token'
import { sessions, userTokens, users } from '../../db/schema'
import { makeRequest, runJobs, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn, TEST_PASSWORD } from '../setup/factories'
import { mailTo, tokenFromLink } from '../setup/mailbox'
import { callRoute, queuedJobs } from '../setup/routes'

const t = useTestDatabase()
const NEW_PASSWORD = 'a brand new passphrase for Ponte'

let ipCounter = 0
const freshIp = () => ({ 'x-forwarded-for': `100.64.0.${++ipCounter}` })

function forgot(email: string, headers: Record<string, string> = freshIp()) {
  return callRoute(forgotAction, makeRequest('/forgot-password', { form: { email }, headers }), testLoadContext(t.db))
}

function reset(token: string, form: Record<string, string>) {
  return callRoute(resetAction, makeRequest(`/reset-password/${token}`, { form }), testLoadContext(t.db), { token })
}

describe('password reset', () => {
  it('emails a link that sets a new password, ends every session and confirms the address', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db, { email: 'lost@example.test', verified: false, locale: 'en' })
    const laptop = await signIn(context, user.id)
    const phone = await signIn(context, user.id)

    const reply = await forgot('LOST@example.test')
    expect(reply.status).toBe(200)
    expect(reply.data.sent).toBe(true)
    expect(await queuedJobs(t.db)).toEqual([{ task: 'email.password-reset', payload: { userId: user.id }, key: `reset:${user.id}` }])

    await runJobs(t.db, t.url)
    const [mail] = await mailTo(t.db, 'lost@example.test')
    expect(mail!.subject).toBe('Reset your Ponte password')
    const token = tokenFromLink(mail!.text, '/reset-password')
    const [stored] = await t.db.select().from(userTokens).where(eq(userTokens.userId, user.id))
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000)
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000)

    const page = await callRoute(resetLoader, makeRequest(`/reset-password/${token}`), context, { token })
    expect(page.data).toMatchObject({ usable: true })

    const done = await reset(token, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(done.status).toBe(302)
    expect(done.location).toBe('/login')
    expect(done.headers.getSetCookie().some((c) => c.startsWith('ponte_toast='))).toBe(true)

    const [after] = await t.db.select().from(users).where(eq(users.id, user.id))
    expect(after!.passwordChangedAt).toBeInstanceOf(Date)
    expect(after!.emailVerifiedAt).toBeInstanceOf(Date)
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(rows.map((s) => s.revokedReason)).toEqual(['password_reset', 'password_reset'])
    expect(await getActor(makeRequest('/', { cookie: laptop }), context)).toBeNull()
    expect(await getActor(makeRequest('/', { cookie: phone }), testLoadContext(t.db))).toBeNull()

    // The new password works, the old one does not, and the link works only once.
    const login = (password: string) =>
      callRoute(loginAction, makeRequest('/login', { form: { email: 'lost@example.test', password }, headers: freshIp() }), testLoadContext(t.db))
    expect((await login(NEW_PASSWORD)).status).toBe(302)
    expect((await login(TEST_PASSWORD)).status).toBe(400)
    const reused = await reset(token, { password: 'yet another passphrase!', confirmPassword: 'yet another passphrase!' })
    expect(reused.status).toBe(400)
    expect(reused.data.invalid).toBe(true)
    expect((await callRoute(resetLoader, makeRequest(`/reset-password/${token}`), context, { token })).status).toBe(400)
  })

  it('answers the same for an unknown address and sends nothing', async () => {
    await createUser(t.db, { email: 'exists@example.test' })
    await createUser(t.db, { email: 'off@example.test', disabledAt: new Date() })
    const before = (await queuedJobs(t.db)).length
    const known = await forgot('exists@example.test')
    const unknown = await forgot('ghost@example.test')
    const disabled = await forgot('off@example.test')
    expect(unknown.status).toBe(known.status)
    expect(unknown.data).toEqual(known.data)
    expect(disabled.data).toEqual(known.data)
    expect((await queuedJobs(t.db)).length).toBe(before + 1)
    await runJobs(t.db, t.url)
    expect(await mailTo(t.db, 'ghost@example.test')).toEqual([])
    expect(await mailTo(t.db, 'off@example.test')).toEqual([])
    expect(await mailTo(t.db, 'exists@example.test')).toHaveLength(1)
  })

  it('shows a clear page for an expired or unknown link', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db, { email: 'slow@example.test' })
    await forgot('slow@example.test')
    await runJobs(t.db, t.url)
    const token = tokenFromLink((await mailTo(t.db, 'slow@example.test'))[0]!.text, '/reset-password')
    await t.db.update(userTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(userTokens.userId, user.id))
    const expired = await callRoute(resetLoader, makeRequest(`/reset-password/${token}`), context, { token })
    expect(expired.status).toBe(400)
    expect(expired.data).toMatchObject({ usable: false, title: 'This reset link no longer works · Ponte' })
    const attempt = await reset(token, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(attempt.data.invalid).toBe(true)
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordChangedAt).toBeNull()
    expect((await callRoute(resetLoader, makeRequest('/reset-password/garbage'), context, { token: 'garbage' })).status).toBe(400)
  })

  it('refuses invalid input with 400 and field errors, without using the link', async () => {
    const user = await createUser(t.db, { email: 'careful@example.test' })
    await forgot('careful@example.test')
    await runJobs(t.db, t.url)
    const token = tokenFromLink((await mailTo(t.db, 'careful@example.test'))[0]!.text, '/reset-password')
    const short = await reset(token, { password: 'short', confirmPassword: 'short' })
    expect(short.status).toBe(400)
    expect(short.data.error).toEqual({ password: ['accounts.errors.passwordTooShort'] })
    const differ = await reset(token, { password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` })
    expect(differ.data.error).toEqual({ confirmPassword: ['accounts.errors.passwordsDiffer'] })
    const isEmail = await reset(token, { password: 'Careful@Example.test', confirmPassword: 'Careful@Example.test' })
    expect(isEmail.status).toBe(400)
    expect(isEmail.data.error).toEqual({ password: ['accounts.errors.passwordIsEmail'] })
    expect((await callRoute(forgotAction, makeRequest('/forgot-password', { form: { email: 'nope' } }), testLoadContext(t.db))).status).toBe(400)
    // Still usable after the refusals.
    expect((await reset(token, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBe(302)
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordChangedAt).toBeInstanceOf(Date)
  })

  it('limits requests per email and per address', async () => {
    for (let i = 0; i < 3; i++) expect((await forgot('popular@example.test')).status).toBe(200)
    const perEmail = await forgot('popular@example.test')
    expect(perEmail.status).toBe(429)
    expect(perEmail.data.error).toEqual({ '': ['accounts.forgot.tooMany'] })
    const headers = { 'x-forwarded-for': '100.64.9.9' }
    for (let i = 0; i < 10; i++) expect((await forgot(`many-${i}@example.test`, headers)).status).toBe(200)
    expect((await forgot('one-more@example.test', headers)).status).toBe(429)
  })
})
