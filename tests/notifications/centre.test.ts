/**
 * The notification centre through its routes: one's own notifications only (another person's
 * id is a 404), newest first, paginated, translated; opening marks read; mark all as read; the
 * unread count in the app shell; the email settings in /settings.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { notify } from '~/modules/notifications/notify.server'
import { loader as rootLoader } from '~/root'
import { action as openAction } from '~/routes/notifications.$notificationId'
import { action as centreAction, loader as centreLoader } from '~/routes/notifications._index'
import { action as settingsAction, loader as settingsLoader } from '~/routes/settings'
import { notificationPreferences, notifications } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
let me: { id: string; cookie: string }
let other: { id: string; cookie: string }

async function tell(userId: string, data: Record<string, string | number>, link = '/proposals') {
  await t.db.transaction((tx) => notify(tx, { userIds: [userId], kind: 'bookmark.changed', data: { proposal: 'Fagos', ...data }, link }))
}

const centre = (cookie: string | null, search = '') => callRoute(centreLoader, makeRequest(`/notifications${search}`, { cookie }), context())
const open = (cookie: string, id: string) => callRoute(openAction, makeRequest(`/notifications/${id}`, { cookie, form: {} }), context(), { notificationId: id })
const unreadInShell = async (cookie: string) => (await callRoute(rootLoader, makeRequest('/', { cookie }), context())).data.user.unreadNotifications

beforeAll(async () => {
  const a = await createUser(t.db, { locale: 'es' })
  const b = await createUser(t.db)
  me = { id: a.id, cookie: await signIn(context(), a.id) }
  other = { id: b.id, cookie: await signIn(context(), b.id) }
  for (let i = 0; i < 23; i++) await tell(me.id, { context: 'closingSoon', closingDate: '2027-03-01', n: i }, `/proposals?n=${i}`)
  await tell(me.id, { context: 'amount', amountSoughtCents: 125_000_000 }, '/proposals/latest')
  await tell(other.id, { context: 'funded' }, '/watchlist?status=closed')
})

describe('the notification centre', () => {
  it('lists one’s own notifications newest first, in one’s language, twenty a page', async () => {
    const first = await centre(me.cookie)
    expect(first.status).toBe(200)
    expect(first.data).toMatchObject({ total: 24, unread: 24, page: 1, pageCount: 2 })
    expect(first.data.items).toHaveLength(20)
    expect(first.data.items[0]).toMatchObject({ title: '«Fagos» busca ahora 1.250.000\u00a0€', read: false })
    expect(first.data.items[1].title).toBe('«Fagos» cierra el 1 mar 2027, en menos de una semana')
    const second = await centre(me.cookie, '?page=2')
    expect(second.data.items).toHaveLength(4)
    expect(JSON.stringify([first.data, second.data])).not.toContain('cerrado')
  })

  it('needs a signed-in person', async () => {
    expect((await centre(null)).location).toMatch(/^\/login/)
  })

  it('opens a notification: marks it read and goes where it leads; the shell’s count follows', async () => {
    expect(await unreadInShell(me.cookie)).toBe(24)
    const latest = (await centre(me.cookie)).data.items[0]
    const reply = await open(me.cookie, latest.id)
    expect(reply.status).toBe(302)
    expect(reply.location).toBe('/proposals/latest')
    expect(await unreadInShell(me.cookie)).toBe(23)
    const after = await centre(me.cookie)
    expect(after.data).toMatchObject({ total: 24, unread: 23 })
    expect(after.data.items[0]).toMatchObject({ id: latest.id, read: true })
  })

  it('answers 404 for another person’s notification, and leaves it unread', async () => {
    const [theirs] = await t.db.select().from(notifications).where(eq(notifications.userId, other.id))
    expect((await open(me.cookie, theirs!.id)).status).toBe(404)
    expect((await open(me.cookie, 'not-a-uuid')).status).toBe(404)
    const [after] = await t.db.select().from(notifications).where(eq(notifications.id, theirs!.id))
    expect(after!.readAt).toBeNull()
    expect((await centre(other.cookie)).data.items.map((item: { title: string }) => item.title)).toEqual(['“Fagos” closed: it was funded'])
  })

  it('marks all of one’s notifications read, and nobody else’s', async () => {
    const reply = await callRoute(centreAction, makeRequest('/notifications?index', { cookie: me.cookie, form: {} }), context())
    expect(reply.location).toBe('/notifications')
    expect(await unreadInShell(me.cookie)).toBe(0)
    expect(await unreadInShell(other.cookie)).toBe(1)
  })
})

describe('email settings', () => {
  it('list every kind with its default, and keep the choice', async () => {
    const before = (await callRoute(settingsLoader, makeRequest('/settings', { cookie: other.cookie }), context())).data.emailPreferences
    expect(before).toContainEqual({ kind: 'bookmark.changed', email: true })
    expect(before.every((p: { email: boolean }) => p.email)).toBe(true)

    const kinds = before.map((p: { kind: string }) => p.kind).filter((kind: string) => kind !== 'bookmark.changed')
    const reply = await callRoute(settingsAction, makeRequest('/settings', { cookie: other.cookie, form: { intent: 'notifications', email: [...kinds, 'no.such.kind'] } }), context())
    expect(reply.location).toBe('/settings')
    const after = (await callRoute(settingsLoader, makeRequest('/settings', { cookie: other.cookie }), context())).data.emailPreferences
    expect(after).toContainEqual({ kind: 'bookmark.changed', email: false })
    expect(after.filter((p: { email: boolean }) => p.email)).toHaveLength(kinds.length)
    const stored = await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, other.id))
    expect(stored.map((row) => row.kind)).not.toContain('no.such.kind')
    // Someone else's settings are untouched.
    expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.id))).toEqual([])
  })
})
