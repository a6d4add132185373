import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { disableUser, enableUser } from '~/modules/accounts/admin.server'
import { getActor } from '~/modules/accounts/session.server'
import { action as loginAction } from '~/routes/login'
import { action as settingsAction, loader as settingsLoader } from '~/routes/settings'
import { sessions, users } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn, TEST_PASSWORD } from '../setup/factories'
import { callRoute } from '../setup/routes'

const t = useTestDatabase()
const NEW_PASSWORD = 'my second long passphrase'

function settings(cookie: string, form: Record<string, string>) {
  return callRoute(settingsAction, makeRequest('/settings', { form, cookie }), testLoadContext(t.db))
}

const actorOf = (cookie: string) => getActor(makeRequest('/', { cookie }), testLoadContext(t.db))

describe('account settings', () => {
  it('changes the password with the current one and signs out every other session', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db)
    const here = await signIn(context, user.id)
    const elsewhere = await signIn(context, user.id)
    const reply = await settings(here, { intent: 'password', currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(reply.status).toBe(302)
    expect(reply.location).toBe('/settings')
    expect(await actorOf(here)).not.toBeNull()
    expect(await actorOf(elsewhere)).toBeNull()
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(rows.filter((s) => s.revokedAt).map((s) => s.revokedReason)).toEqual(['password_changed'])
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id))
    expect(after!.passwordChangedAt).toBeInstanceOf(Date)
    const login = await callRoute(loginAction, makeRequest('/login', { form: { email: user.email, password: NEW_PASSWORD } }), context)
    expect(login.status).toBe(302)
  })

  it('refuses a wrong current password with a field error, and many of them with 429', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db)
    const cookie = await signIn(context, user.id)
    const other = await signIn(context, user.id)
    const form = { intent: 'password', currentPassword: 'not my password at all', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }
    for (let i = 0; i < 5; i++) {
      const reply = await settings(cookie, form)
      expect(reply.status).toBe(400)
      expect(reply.data.result.error).toEqual({ currentPassword: ['accounts.errors.currentPasswordWrong'] })
    }
    const limited = await settings(cookie, { ...form, currentPassword: TEST_PASSWORD })
    expect(limited.status).toBe(429)
    expect(limited.data.result.error).toEqual({ '': ['accounts.settings.tooMany'] })
    expect(await actorOf(other)).not.toBeNull()
  })

  it('changes the name and the preferred language (and the interface language with it)', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db, { locale: 'en' })
    const cookie = await signIn(context, user.id)
    const reply = await settings(cookie, { intent: 'profile', name: '  Xoán Pérez  ', locale: 'gl' })
    expect(reply.status).toBe(302)
    expect(reply.headers.getSetCookie().some((c) => c.startsWith('ponte_lng='))).toBe(true)
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id))
    expect(after).toMatchObject({ name: 'Xoán Pérez', locale: 'gl' })
    const page = await callRoute(settingsLoader, makeRequest('/settings', { cookie }), testLoadContext(t.db))
    expect(page.data.account).toMatchObject({ name: 'Xoán Pérez', locale: 'gl' })
    expect(page.data.title).toBe('Axustes da conta · Ponte')
  })

  it('refuses invalid input with 400 and field errors, for both forms', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db)
    const cookie = await signIn(context, user.id)
    const profile = await settings(cookie, { intent: 'profile', name: '', locale: 'fr' })
    expect(profile.status).toBe(400)
    expect(profile.data).toMatchObject({ intent: 'profile', result: { error: { name: ['accounts.errors.nameRequired'], locale: ['accounts.errors.localeInvalid'] } } })
    const password = await settings(cookie, { intent: 'password', currentPassword: '', password: 'short', confirmPassword: 'other' })
    expect(password.status).toBe(400)
    expect(password.data.result.error).toMatchObject({ currentPassword: ['accounts.errors.passwordRequired'], password: ['accounts.errors.passwordTooShort'] })
    const isEmail = await settings(cookie, { intent: 'password', currentPassword: TEST_PASSWORD, password: user.email, confirmPassword: user.email })
    expect(isEmail.status).toBe(400)
    expect(isEmail.data.result.error).toEqual({ password: ['accounts.errors.passwordIsEmail'] })
    const unknownIntent = await settings(cookie, { intent: 'nonsense' })
    expect(unknownIntent.status).toBe(400)
  })

  it('is only for signed-in people', async () => {
    const context = testLoadContext(t.db)
    const reply = await callRoute(settingsLoader, makeRequest('/settings'), context)
    expect(reply.location).toBe('/login?redirectTo=%2Fsettings')
    const post = await callRoute(settingsAction, makeRequest('/settings', { form: { intent: 'profile', name: 'X', locale: 'en' } }), context)
    expect(post.location).toMatch(/^\/login/)
  })
})

describe('disableUser', () => {
  it('ends every session of the account and keeps it from signing in', async () => {
    const context = testLoadContext(t.db)
    const admin = await createUser(t.db, { isAdmin: true })
    const user = await createUser(t.db)
    const first = await signIn(context, user.id)
    const second = await signIn(context, user.id)
    const adminActor = (await actorOf(await signIn(context, admin.id)))!
    await disableUser(t.db, adminActor, user.id)
    expect(await actorOf(first)).toBeNull()
    expect(await actorOf(second)).toBeNull()
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(rows.map((s) => s.revokedReason)).toEqual(['disabled', 'disabled'])
    const login = await callRoute(loginAction, makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD } }), context)
    expect(login.status).toBe(400)
    expect(login.data.error).toEqual({ '': ['accounts.login.invalid'] })

    await enableUser(t.db, adminActor, user.id)
    const again = await callRoute(loginAction, makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD } }), context)
    expect(again.status).toBe(302)
  })

  it('is for admins only, not on oneself, and 404 for unknown accounts', async () => {
    const context = testLoadContext(t.db)
    const admin = await createUser(t.db, { isAdmin: true })
    const plain = await createUser(t.db)
    const target = await createUser(t.db)
    const adminActor = (await actorOf(await signIn(context, admin.id)))!
    const plainActor = (await actorOf(await signIn(context, plain.id)))!
    const statusOf = async (promise: Promise<unknown>) => {
      try {
        await promise
        return 200
      } catch (error) {
        if (error instanceof Response) return error.status
        throw error
      }
    }
    expect(await statusOf(disableUser(t.db, plainActor, target.id))).toBe(403)
    expect(await statusOf(disableUser(t.db, adminActor, admin.id))).toBe(403)
    expect(await statusOf(disableUser(t.db, adminActor, '00000000-0000-4000-8000-000000000000'))).toBe(404)
    expect(await statusOf(disableUser(t.db, adminActor, 'not-a-uuid'))).toBe(404)
    const [untouched] = await t.db.select().from(users).where(eq(users.id, target.id))
    expect(untouched!.disabledAt).toBeNull()
  })
})
