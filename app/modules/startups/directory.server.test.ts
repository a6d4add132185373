import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as profileLoader } from '~/routes/startups.$slug'
import { loader as directoryLoader } from '~/routes/startups._index/route'
import { organisations, startupProfiles } from '../../../db/schema'
import { seedDemoData } from '../../../db/seed'
import { makeRequest, testLoadContext } from '../../../tests/setup/context'
import { useTestDatabase } from '../../../tests/setup/database'
import { createOrganisation } from '../../../tests/setup/factories'
import { DIRECTORY_PAGE_SIZE, parseDirectoryQuery } from './directory-query'
import { getPublicStartupProfile, listStartups } from './directory.server'
import { thrownResponse } from '../../../tests/setup/routes'

const t = useTestDatabase()
const query = (search: string) => parseDirectoryQuery(new URLSearchParams(search))


beforeAll(async () => {
  await seedDemoData(t.db)
})

describe('the public startup directory', () => {
  it('lists every startup, 24 to a page, sorted by name, and stays on the last page past the end', async () => {
    const first = await listStartups(t.db, query(''))
    expect(first.total).toBeGreaterThanOrEqual(64)
    expect(first.startups).toHaveLength(DIRECTORY_PAGE_SIZE)
    expect(first.pageCount).toBe(Math.ceil(first.total / DIRECTORY_PAGE_SIZE))
    const names = first.startups.map((s) => s.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })))

    const pages = await Promise.all(Array.from({ length: first.pageCount }, (_, i) => listStartups(t.db, query(`page=${i + 1}`))))
    const slugs = pages.flatMap((p) => p.startups.map((s) => s.slug))
    expect(slugs).toHaveLength(first.total)
    expect(new Set(slugs).size).toBe(first.total)

    const beyond = await listStartups(t.db, query('page=999'))
    expect(beyond.page).toBe(first.pageCount)
    expect(beyond.startups.map((s) => s.slug)).toEqual(pages.at(-1)!.startups.map((s) => s.slug))
  })

  it('filters by cluster region and by "elsewhere"', async () => {
    const galicia = await listStartups(t.db, query('region=ES11'))
    expect(galicia.total).toBeGreaterThan(10)
    expect(galicia.startups.every((s) => s.region === 'ES11')).toBe(true)
    const elsewhere = await listStartups(t.db, query('region=other'))
    expect(elsewhere.total).toBeGreaterThanOrEqual(5)
    expect(elsewhere.startups.every((s) => !['ES11', 'PT11', 'ES41'].includes(s.region))).toBe(true)
    const [norte, cyl, all] = await Promise.all(['region=PT11', 'region=ES41', ''].map((q) => listStartups(t.db, query(q))))
    expect(galicia.total + norte!.total + cyl!.total + elsewhere.total).toBe(all!.total)
  })

  it('filters by subsector and combines it with the region', async () => {
    const marine = await listStartups(t.db, query('subsector=marine'))
    expect(marine.total).toBeGreaterThan(3)
    expect(marine.startups.every((s) => s.subsectors.includes('marine'))).toBe(true)
    const marineNorte = await listStartups(t.db, query('subsector=marine&region=PT11'))
    expect(marineNorte.total).toBeGreaterThan(0)
    expect(marineNorte.total).toBeLessThan(marine.total)
    expect(marineNorte.startups.every((s) => s.region === 'PT11' && s.subsectors.includes('marine'))).toBe(true)
  })

  it('searches names and cities, ignoring case and accents, and takes % and _ literally', async () => {
    const byName = await listStartups(t.db, query('q=colaxe'))
    expect(byName.startups.map((s) => s.name)).toEqual(['Colaxe Marine Bio'])
    const byCity = await listStartups(t.db, query('q=CORUNA'))
    expect(byCity.total).toBeGreaterThan(1)
    expect(byCity.startups.every((s) => s.city === 'A Coruña')).toBe(true)
    const guimaraes = await listStartups(t.db, query('q=guimaraes&region=PT11'))
    expect(guimaraes.startups.every((s) => s.city === 'Guimarães')).toBe(true)
    expect(guimaraes.total).toBeGreaterThan(0)
    expect((await listStartups(t.db, query('q=%25'))).total).toBe(0)
    expect((await listStartups(t.db, query('q=_'))).total).toBe(0)
  })

  it('hides suspended startups from the list and their profile', async () => {
    const [row] = await t.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'dermagal'))
    await t.db.update(organisations).set({ suspendedAt: new Date() }).where(eq(organisations.id, row!.id))
    try {
      expect((await listStartups(t.db, query('q=dermagal'))).total).toBe(0)
      expect(await getPublicStartupProfile(t.db, 'dermagal', 'en')).toBeNull()
    } finally {
      await t.db.update(organisations).set({ suspendedAt: null }).where(eq(organisations.id, row!.id))
    }
  })

  it('ignores garbage in the URL instead of failing', async () => {
    const context = testLoadContext(t.db)
    for (const search of ['page=-3', 'page=abc', 'page=1e99', 'page=2.5', 'region=XX99', 'subsector=<script>', `q=${'x'.repeat(5000)}`, 'q=%27%3B--', 'region=ES11&region=PT11']) {
      const data = await directoryLoader({ request: makeRequest(`/startups?${search}`), params: {}, context })
      expect(data.page, search).toBeGreaterThanOrEqual(1)
      expect(data.query.q.length).toBeLessThanOrEqual(100)
    }
    const repeated = await directoryLoader({ request: makeRequest('/startups?region=XX99&subsector=nope&page=zz'), params: {}, context })
    expect(repeated.query).toEqual({ q: '', region: undefined, subsector: undefined, page: 1 })
    expect(repeated.total).toBeGreaterThanOrEqual(64)
  })

  it('serves the directory to anonymous visitors through its route', async () => {
    const context = testLoadContext(t.db)
    const data = await directoryLoader({ request: makeRequest('/startups?region=ES41&page=1'), params: {}, context })
    expect(data.query.region).toBe('ES41')
    expect(data.startups.length).toBeGreaterThan(0)
    expect(data.title).toContain('Ponte')
  })
})

describe('a public startup profile', () => {
  it("shows the public facts and the description in the reader's language", async () => {
    const context = testLoadContext(t.db)
    const galician = await profileLoader({
      request: makeRequest('/startups/colaxe-marine-bio', { headers: { 'Accept-Language': 'gl-ES,gl;q=0.9' } }),
      params: { slug: 'colaxe-marine-bio' },
      context,
    })
    expect(galician.startup).toMatchObject({ name: 'Colaxe Marine Bio', region: 'ES11', city: 'Vigo', website: 'https://colaxe-marine-bio.example/' })
    expect(galician.startup.description).toMatchObject({ lang: 'gl' })
    expect(galician.startup.description!.text).toContain('coláxeno')

    // No Portuguese text for a Galician startup: English, marked as English.
    const portuguese = await getPublicStartupProfile(t.db, 'colaxe-marine-bio', 'pt')
    expect(portuguese!.description).toMatchObject({ lang: 'en' })
  })

  it('falls back to whatever language there is', async () => {
    const startup = await createOrganisation(t.db, 'startup', { name: 'Only Portuguese Lda' })
    await t.db.insert(startupProfiles).values({ organisationId: startup.id, region: 'PT11', city: 'Porto', description: { pt: 'Só em português.' } })
    expect((await getPublicStartupProfile(t.db, startup.slug, 'es'))!.description).toEqual({ text: 'Só em português.', lang: 'pt' })
    await t.db.update(startupProfiles).set({ description: {} }).where(eq(startupProfiles.organisationId, startup.id))
    expect((await getPublicStartupProfile(t.db, startup.slug, 'es'))!.description).toBeNull()
  })

  it('answers 404 for an unknown slug, garbage, and organisations that are not startups', async () => {
    const context = testLoadContext(t.db)
    for (const slug of ['no-such-startup', 'x'.repeat(500), "'; drop table organisations;--", 'ponte-biocluster', 'noroeste-life-sciences-ventures']) {
      const response = await thrownResponse(profileLoader({ request: makeRequest(`/startups/${encodeURIComponent(slug)}`), params: { slug }, context }))
      expect(response.status, slug).toBe(404)
    }
  })
})
