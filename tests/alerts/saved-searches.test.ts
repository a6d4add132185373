/**
 * Saving searches from the search page and managing them on /saved-searches, as Remix calls the
 * loaders and actions: who may save, the limits, and that only the owner sees or changes one.
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { action as searchAction, loader as searchLoader } from '~/routes/proposals._index/route'
import { action as savedAction, loader as savedLoader } from '~/routes/saved-searches/route'
import { MAX_SAVED_SEARCHES } from '~/modules/alerts/schemas'
import { savedSearches } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'

const t = useTestDatabase()

async function person(options: { verified?: boolean } = {}) {
  const user = await createUser(t.db, { verified: options.verified ?? true })
  return { user, cookie: await signIn(testLoadContext(t.db), user.id) }
}

function save(cookie: string | null, form: Record<string, string>, path = '/proposals?index&q=oncology&stage=seed') {
  return callRoute(searchAction, makeRequest(path, { cookie, form: { intent: 'save-search', ...form } }), testLoadContext(t.db))
}

const rowsOf = (userId: string) => t.db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(savedSearches.createdAt)

describe('saving a search from the search page', () => {
  it('offers a login link to anonymous visitors that comes back to the same search', async () => {
    const page = await callRoute(searchLoader, makeRequest('/proposals?q=oncology&stage=seed&page=2'), testLoadContext(t.db))
    expect(page.data.saveSearch).toEqual({ kind: 'anonymous', loginHref: `/login?redirectTo=${encodeURIComponent('/proposals?q=oncology&stage=seed')}` })
    const refused = await save(null, { name: 'Oncology', frequency: 'daily', query: 'q=oncology' })
    expect(refused.status).toBe(302)
    expect(refused.location).toMatch(/^\/login\?redirectTo=/)
    expect(await t.db.select().from(savedSearches)).toEqual([])
  })

  it('asks people with an unconfirmed email to confirm it first', async () => {
    const { user, cookie } = await person({ verified: false })
    const page = await callRoute(searchLoader, makeRequest('/proposals', { cookie }), testLoadContext(t.db))
    expect(page.data.saveSearch).toEqual({ kind: 'unverified' })
    expect((await save(cookie, { name: 'Oncology', frequency: 'daily', query: 'q=oncology' })).location).toBe('/verify-email')
    expect(await rowsOf(user.id)).toEqual([])
  })

  it('saves the canonical search URL with a name and a frequency, and goes back to the search', async () => {
    const { user, cookie } = await person()
    const page = await callRoute(searchLoader, makeRequest('/proposals?stage=seed&q=oncology&page=3', { cookie }), testLoadContext(t.db))
    expect(page.data.saveSearch).toMatchObject({ kind: 'ready', query: 'q=oncology&stage=seed' })
    expect(page.data.saveSearch.suggestedName).toBe('“oncology” · Seed')

    const saved = await save(cookie, { name: '  Oncology seed  ', frequency: 'weekly', query: 'stage=seed&q=oncology&page=3&bogus=1' })
    expect(saved.status).toBe(302)
    expect(saved.location).toBe('/proposals?q=oncology&stage=seed')
    expect(await rowsOf(user.id)).toMatchObject([{ name: 'Oncology seed', frequency: 'weekly', query: 'q=oncology&stage=seed', lastAlertSentAt: null }])
  })

  it('refuses a missing or too long name, an unknown frequency, and more than the limit', async () => {
    const { user, cookie } = await person()
    const missing = await save(cookie, { name: '  ', frequency: 'daily', query: '' })
    expect(missing.status).toBe(400)
    expect(missing.data.result.error.name).toEqual(['alerts.errors.nameRequired'])
    const long = await save(cookie, { name: 'x'.repeat(81), frequency: 'daily', query: '' })
    expect(long.data.result.error.name).toEqual(['alerts.errors.nameTooLong'])
    const frequency = await save(cookie, { name: 'Fine', frequency: 'hourly', query: '' })
    expect(frequency.data.result.error.frequency).toEqual(['alerts.errors.frequencyInvalid'])
    expect(await rowsOf(user.id)).toEqual([])

    await t.db.insert(savedSearches).values(Array.from({ length: MAX_SAVED_SEARCHES }, (_, i) => ({ userId: user.id, name: `Search ${i}`, query: '', frequency: 'off' as const })))
    const tooMany = await save(cookie, { name: 'One more', frequency: 'daily', query: '' })
    expect(tooMany.status).toBe(400)
    expect(tooMany.data.result.error['']).toEqual(['alerts.errors.tooMany'])
    expect(await rowsOf(user.id)).toHaveLength(MAX_SAVED_SEARCHES)
    const page = await callRoute(searchLoader, makeRequest('/proposals', { cookie }), testLoadContext(t.db))
    expect(page.data.saveSearch).toEqual({ kind: 'full' })
  })
})

describe('/saved-searches', () => {
  it('is for signed-in people with a confirmed email', async () => {
    const anonymous = await callRoute(savedLoader, makeRequest('/saved-searches'), testLoadContext(t.db))
    expect(anonymous.location).toBe('/login?redirectTo=%2Fsaved-searches')
    const { cookie } = await person({ verified: false })
    expect((await callRoute(savedLoader, makeRequest('/saved-searches', { cookie }), testLoadContext(t.db))).location).toBe('/verify-email')
  })

  it('lists only one’s own searches, in words, and lets only the owner rename, change or delete them', async () => {
    const owner = await person()
    const other = await person()
    await save(owner.cookie, { name: 'Oncology seed', frequency: 'daily', query: 'q=oncology&stage=seed&trlMin=4&trlMax=6' })
    await save(other.cookie, { name: 'Theirs', frequency: 'weekly', query: '' })
    const [mine] = await rowsOf(owner.user.id)
    const [theirs] = await rowsOf(other.user.id)

    const list = await callRoute(savedLoader, makeRequest('/saved-searches', { cookie: owner.cookie }), testLoadContext(t.db))
    expect(list.data.searches).toEqual([
      { id: mine!.id, name: 'Oncology seed', frequency: 'daily', url: '/proposals?q=oncology&stage=seed&trlMin=4&trlMax=6', summary: ['“oncology”', 'Seed', 'TRL 4 to 6'], lastAlert: null },
    ])

    const act = (cookie: string, form: Record<string, string>) => callRoute(savedAction, makeRequest('/saved-searches', { cookie, form }), testLoadContext(t.db))
    // Another person's id is a 404 for every change, and changes nothing.
    for (const form of <Record<string, string>[]>[
      { intent: 'rename', id: theirs!.id, name: 'Mine now' },
      { intent: 'frequency', id: theirs!.id, frequency: 'off' },
      { intent: 'delete', id: theirs!.id },
    ]) {
      expect((await act(owner.cookie, form)).status, form.intent).toBe(404)
    }
    expect(await rowsOf(other.user.id)).toMatchObject([{ name: 'Theirs', frequency: 'weekly' }])

    expect((await act(owner.cookie, { intent: 'rename', id: mine!.id, name: '' })).status).toBe(400)
    expect((await act(owner.cookie, { intent: 'rename', id: mine!.id, name: 'Oncology, seed, TRL 4–6' })).location).toBe('/saved-searches')
    // Turning alerts back on starts from now: nothing published while they were off is sent.
    await act(owner.cookie, { intent: 'frequency', id: mine!.id, frequency: 'off' })
    const before = new Date()
    await act(owner.cookie, { intent: 'frequency', id: mine!.id, frequency: 'instant' })
    const [changed] = await rowsOf(owner.user.id)
    expect(changed).toMatchObject({ name: 'Oncology, seed, TRL 4–6', frequency: 'instant' })
    expect(changed!.alertedThrough.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000)

    expect((await act(owner.cookie, { intent: 'delete', id: mine!.id })).location).toBe('/saved-searches')
    expect(await rowsOf(owner.user.id)).toEqual([])
    expect(await rowsOf(other.user.id)).toHaveLength(1)
  })
})
