import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getActor } from '~/modules/accounts/session.server'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { action as loginAction, loader as loginLoader } from '~/routes/login'
import { action as logoutAction, loader as logoutLoader } from '~/routes/logout'
import { sessions } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn, TEST_PASSWORD } from '../setup/factories'
import { callRoute, cookiesOf } from '../setup/routes'

const t = useTestDatabase()

let ipCounter = 0
const freshIp = () => `192.0.2.${++ipCounter}`

function login(form: Record<string, string>, ip = freshIp(), query = '') {
  return callRoute(loginAction, makeRequest(`/login${query}`, { form, headers: { 'x-forwarded-for': ip } }), testLoadContext(t.db))
}

describe('log in', () => {
  it('signs in with the right password, goes back where asked and switches to the account language', async () => {
    const user = await createUser(t.db, { email: 'rosa@example.test', locale: 'pt' })
    const reply = await login({ email: '  ROSA@example.test', password: TEST_PASSWORD, redirectTo: '/organisations/acme?tab=members' })
    expect(reply.status).toBe(302)
    expect(reply.location).toBe('/organisations/acme?tab=members')
    const cookies = reply.headers.getSetCookie()
    expect(cookies.some((c) => c.startsWith('ponte_session='))).toBe(true)
    expect(cookies.some((c) => c.startsWith('ponte_lng='))).toBe(true)
    const actor = await getActor(makeRequest('/', { cookie: cookiesOf(reply) }), testLoadContext(t.db))
    expect(actor?.userId).toBe(user.id)
    expect(actor?.locale).toBe('pt')

    const offsite = await login({ email: 'rosa@example.test', password: TEST_PASSWORD, redirectTo: 'https://evil.example/' })
    expect(offsite.location).toBe('/dashboard')
  })

  it('gives the same answer for an unknown email, a wrong password and a disabled account', async () => {
    await createUser(t.db, { email: 'known@example.test' })
    await createUser(t.db, { email: 'disabled@example.test', disabledAt: new Date() })
    const unknown = await login({ email: 'nobody@example.test', password: TEST_PASSWORD })
    const wrong = await login({ email: 'known@example.test', password: 'not the right password' })
    const disabled = await login({ email: 'disabled@example.test', password: TEST_PASSWORD })
    for (const reply of [unknown, wrong, disabled]) {
      expect(reply.status).toBe(400)
      expect(reply.data.error).toEqual({ '': ['accounts.login.invalid'] })
      expect(reply.headers.getSetCookie()).toEqual([])
    }
    // The typed email comes back, never the password.
    expect(wrong.data.initialValue).toEqual({ email: 'known@example.test' })
    expect(getFixedT('en')('accounts.login.invalid')).toBe('The email address or password is incorrect.')
  })

  it('refuses with 429 after 5 failures for one email from one address, even with the right password', async () => {
    await createUser(t.db, { email: 'target@example.test' })
    const ip = freshIp()
    for (let i = 0; i < 5; i++) expect((await login({ email: 'target@example.test', password: `guess number ${i}` }, ip)).status).toBe(400)
    const blocked = await login({ email: 'target@example.test', password: TEST_PASSWORD }, ip)
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(blocked.data.error).toEqual({ '': ['accounts.login.tooMany'] })
    expect(blocked.data.retryAfterMinutes).toBe(15)
    expect(getFixedT('en')('accounts.login.tooMany', { count: blocked.data.retryAfterMinutes })).toBe(
      'Too many attempts. Please try again in 15 minutes.',
    )
    expect(getFixedT('es')('accounts.login.tooMany', { count: 15 })).toBe('Demasiados intentos. Vuelve a intentarlo dentro de 15 minutos.')
    // The owner, from another address, is not locked out.
    expect((await login({ email: 'target@example.test', password: TEST_PASSWORD })).status).toBe(302)
  })

  it('refuses with 429 after 20 failures from one address across emails', async () => {
    const ip = freshIp()
    for (let i = 0; i < 20; i++) expect((await login({ email: `spray-${i}@example.test`, password: 'password123456' }, ip)).status).toBe(400)
    const blocked = await login({ email: 'someone-else@example.test', password: 'password123456' }, ip)
    expect(blocked.status).toBe(429)
  })

  it('forgets earlier failures once the owner signs in', async () => {
    await createUser(t.db, { email: 'forgetful@example.test' })
    const ip = freshIp()
    for (let i = 0; i < 4; i++) await login({ email: 'forgetful@example.test', password: 'wrong password!' }, ip)
    expect((await login({ email: 'forgetful@example.test', password: TEST_PASSWORD }, ip)).status).toBe(302)
    for (let i = 0; i < 4; i++) expect((await login({ email: 'forgetful@example.test', password: 'wrong password!' }, ip)).status).toBe(400)
  })

  it('refuses invalid input with 400 and field errors', async () => {
    const empty = await login({})
    expect(empty.status).toBe(400)
    expect(empty.data.error).toEqual({ email: ['accounts.errors.emailRequired'], password: ['accounts.errors.passwordRequired'] })
    const bad = await login({ email: 'nope', password: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.data.error.email).toEqual(['accounts.errors.emailInvalid'])
  })

  it('sends signed-in people away from the login page', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db)
    const reply = await callRoute(loginLoader, makeRequest('/login', { cookie: await signIn(context, user.id) }), context)
    expect(reply.status).toBe(302)
    expect((await callRoute(loginLoader, makeRequest('/login'), context)).data.title).toBe('Log in · Ponte')
  })
})

describe('log out', () => {
  it('revokes the session: the old cookie no longer signs anyone in', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db)
    const cookie = await signIn(context, user.id)
    const other = await signIn(context, user.id)
    expect(await getActor(makeRequest('/', { cookie }), context)).not.toBeNull()
    const reply = await callRoute(logoutAction, makeRequest('/logout', { form: {}, cookie }), context)
    expect(reply.status).toBe(302)
    expect(reply.location).toBe('/')
    expect(reply.headers.getSetCookie().find((c) => c.startsWith('ponte_session='))).toMatch(/Max-Age=0/i)
    expect(await getActor(makeRequest('/', { cookie }), testLoadContext(t.db))).toBeNull()
    const revoked = await t.db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(revoked.filter((s) => s.revokedReason === 'logout')).toHaveLength(1)
    // Only this browser is signed out.
    expect(await getActor(makeRequest('/', { cookie: other }), testLoadContext(t.db))).not.toBeNull()
  })

  it('ignores GET (a link cannot sign anyone out)', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db)
    const cookie = await signIn(context, user.id)
    const reply = await callRoute(logoutLoader, makeRequest('/logout', { cookie }), context)
    expect(reply.location).toBe('/')
    expect(await getActor(makeRequest('/', { cookie }), testLoadContext(t.db))).not.toBeNull()
  })
})
