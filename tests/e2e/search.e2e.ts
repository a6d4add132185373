import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import enCatalogue from '../../app/locales/en/catalogue.json'
import { regionName } from '../../app/modules/organisations/regions'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, useE2E, type E2E } from './harness'
import { hydrated, logIn, messages } from './journeys'

const search = enCatalogue.search
const { en } = messages

/**
 * The demo data's Spanish summaries speak of an "ensayo" (a trial); typed with its last two
 * letters swapped, the typo tolerance still finds them. Castilla y León (ES41) from TRL 6 leaves
 * a few of them. The word is in titles and teasers, so the public scope finds the same.
 */
const typo = 'ensaoy'
const region = 'ES41'
const trlMin = '6'
const narrowedQuery = `?q=${typo}&region=${region}&trlMin=${trlMin}`

/** Long enough for a search on a busy machine. */
const eventually = { timeout: 10_000, interval: 100 }

/** Screenshots of this journey, to look at after a run (not kept in the repository). */
const screenshotsDir = path.join(tmpdir(), 'ponte-e2e-search')

async function snap(page: Page, name: string) {
  await mkdir(screenshotsDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true })
}

interface ApiHit {
  originalLocale: string
  trl: number
  startup: { region: string }
  texts: Record<string, { title: string }>
}

/**
 * What the JSON API answers for the same search to the same person (the page's cookies): the
 * titles an English reader sees, in the engine's order.
 */
async function apiAnswer(e2e: E2E, page: Page, query: string): Promise<{ total: number; titles: string[]; hits: ApiHit[] }> {
  const response = await page.request.get(e2e.url(`/api/v1/proposals${query}`))
  expect(response.status()).toBe(200)
  const body = (await response.json()) as { total: number; hits: ApiHit[] }
  return { total: body.total, hits: body.hits, titles: body.hits.map((hit) => (hit.texts.en ?? hit.texts[hit.originalLocale]!).title) }
}

const resultsOf = (page: Page) => page.getByRole('region', { name: search.resultsHeading })
const searchForm = (page: Page) => page.getByRole('search', { name: search.label })
const regionBox = (page: Page) =>
  searchForm(page)
    .getByRole('group', { name: search.facets.region })
    .getByRole('checkbox', { name: new RegExp(`^${regionName(region)} \\(${region}\\)`) })
const trlFrom = (page: Page) => searchForm(page).getByRole('group', { name: search.facets.trl }).getByLabel(new RegExp(`^${search.from}`))

/** The result cards' titles, in order, once the page is not loading. */
async function shownTitles(page: Page): Promise<string[]> {
  await expect.poll(() => resultsOf(page).getAttribute('aria-busy'), eventually).toBe('false')
  return resultsOf(page).getByRole('article').getByRole('heading', { level: 2 }).allInnerTexts()
}

const statusText = (page: Page) => resultsOf(page).getByRole('status').innerText()
const matchCount = (count: number) => (count === 1 ? search.results_one : search.results_other).replace('{{count}}', String(count))

/** The controls show the narrowed search: the words, the region ticked, TRL from 6. */
async function expectControlsShowSearch(page: Page) {
  expect(await searchForm(page).getByLabel(search.label, { exact: true }).inputValue()).toBe(typo)
  expect(await regionBox(page).isChecked()).toBe(true)
  expect(await trlFrom(page).inputValue()).toBe(trlMin)
}

describeE2E('searching the catalogue and sharing the search', () => {
  const e2e = useE2E()
  const ownContexts: BrowserContext[] = []
  let sharedUrl = ''
  let narrowedTitles: string[] = []

  afterAll(async () => {
    await Promise.all(ownContexts.map((context) => context.close().catch(() => {})))
  })

  it('a verified investor types a misspelt Spanish word, sees results as they type, and narrows by region and TRL', async () => {
    const page = await e2e.newPage()
    await logIn(e2e, page, DEMO_LOGINS.investor, DEMO_PASSWORD)
    await Promise.all([
      page.waitForURL('**/proposals'),
      page.getByRole('navigation', { name: en.common.nav.label }).getByRole('link', { name: en.common.nav.proposals, exact: true }).click(),
    ])
    await expect.poll(() => page.locator('h1').innerText(), eventually).toBe(enCatalogue.list.title)
    // Verified investors search the descriptions too, and the page says so.
    await expect.poll(() => page.locator('#proposal-search-hint').innerText(), eventually).toBe(search.hintVerified)
    const everything = await apiAnswer(e2e, page, '')
    expect(await statusText(page)).toContain(enCatalogue.list.results_other.replace('{{count}}', String(everything.total)))
    await snap(page, '01-catalogue')

    // Typed key by key, no Enter: the results follow after a short pause, in the same document.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
    await searchForm(page).getByLabel(search.label, { exact: true }).pressSequentially(typo, { delay: 60 })
    await page.waitForURL((url) => url.search === `?q=${typo}`)
    const typed = await apiAnswer(e2e, page, `?q=${typo}`)
    expect(typed.total).toBeGreaterThan(3)
    await expect.poll(() => statusText(page), eventually).toBe(matchCount(typed.total))
    expect(await shownTitles(page)).toEqual(typed.titles)
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    // The corrected word is marked where it shows ("… para el ensayo de …").
    const marked = await resultsOf(page).locator('mark').allInnerTexts()
    expect(marked.length).toBeGreaterThan(0)
    expect(marked.map((word) => word.toLowerCase())).toContain('ensayo')
    expect(await page.title()).toContain(typo)
    await snap(page, '02-typed')

    // A region, then a TRL minimum: each narrows at once.
    await regionBox(page).check()
    await page.waitForURL((url) => url.search === `?q=${typo}&region=${region}`)
    await expect.poll(() => resultsOf(page).getAttribute('aria-busy'), eventually).toBe('false')
    await trlFrom(page).selectOption(trlMin)
    await page.waitForURL((url) => url.search === narrowedQuery)
    const narrowed = await apiAnswer(e2e, page, narrowedQuery)
    expect(narrowed.total).toBeGreaterThan(0)
    expect(narrowed.total).toBeLessThan(typed.total)
    for (const hit of narrowed.hits) {
      expect(hit.startup.region).toBe(region)
      expect(hit.trl).toBeGreaterThanOrEqual(Number(trlMin))
    }
    await expect.poll(() => statusText(page), eventually).toBe(matchCount(narrowed.total))
    narrowedTitles = await shownTitles(page)
    expect(narrowedTitles).toEqual(narrowed.titles)
    await expectControlsShowSearch(page)
    const chips = page.getByRole('group', { name: search.chips.label })
    const chipNames = await chips.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? link.textContent))
    const remove = (label: string) => search.chips.remove.replace('{{label}}', label)
    expect(chipNames).toEqual([remove(`“${typo}”`), remove(regionName(region)), remove(search.chips.trlFrom.replace('{{from}}', trlMin)), search.clearAll])
    sharedUrl = page.url()
    const url = new URL(sharedUrl)
    expect(url.pathname).toBe('/proposals')
    expect(url.searchParams.get('q')).toBe(typo)
    expect(url.searchParams.getAll('region')).toEqual([region])
    expect(url.searchParams.get('trlMin')).toBe(trlMin)
    await snap(page, '03-narrowed')
    e2e.expectNoProblems(page)
  })

  it('the copied URL shows the same results, in the same order, with the filters ticked, to the same investor in a fresh session', async () => {
    expect(sharedUrl).not.toBe('')
    const page = await e2e.newPage()
    await logIn(e2e, page, DEMO_LOGINS.investor, DEMO_PASSWORD)
    await e2e.goto(page, sharedUrl.replace(e2e.baseUrl, ''))
    expect(await shownTitles(page)).toEqual(narrowedTitles)
    await expectControlsShowSearch(page)
    expect(await page.locator('#proposal-search-hint').innerText()).toBe(search.hintVerified)
    e2e.expectNoProblems(page)
  })

  it('and to an anonymous visitor, since the words are in the public fields', async () => {
    const page = await e2e.newPage()
    await e2e.goto(page, sharedUrl.replace(e2e.baseUrl, ''))
    expect(await page.locator('#proposal-search-hint').innerText()).toBe(search.hintPublic)
    expect(await shownTitles(page)).toEqual(narrowedTitles)
    await expectControlsShowSearch(page)
    // The therapeutic-area facet is the verified tier's.
    expect(await searchForm(page).getByRole('group', { name: search.facets.therapeuticArea }).count()).toBe(0)
    await snap(page, '04-anonymous')
    e2e.expectNoProblems(page)
  })

  it('works without JavaScript: the URL as it is, and the form sent with its Apply button', async () => {
    const harnessPage = await e2e.newPage()
    const browser = harnessPage.context().browser()!
    const context = await browser.newContext({ baseURL: e2e.baseUrl, locale: 'en-GB', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })
    ownContexts.push(context)
    const page = await context.newPage()
    const serverErrors: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`HTTP ${response.status()} for ${response.url()}`)
    })

    await page.goto(sharedUrl)
    expect(await shownTitles(page)).toEqual(narrowedTitles)
    await expectControlsShowSearch(page)

    await page.goto(e2e.url('/proposals'))
    await searchForm(page).getByLabel(search.label, { exact: true }).fill(typo)
    await regionBox(page).check()
    await trlFrom(page).selectOption(trlMin)
    await Promise.all([page.waitForURL((url) => url.searchParams.has('q')), searchForm(page).getByRole('button', { name: search.apply }).click()])
    const url = new URL(page.url())
    expect(url.searchParams.get('q')).toBe(typo)
    expect(url.searchParams.getAll('region')).toEqual([region])
    expect(url.searchParams.get('trlMin')).toBe(trlMin)
    expect(await shownTitles(page)).toEqual(narrowedTitles)
    await expectControlsShowSearch(page)
    await snap(page, '05-no-javascript')
    expect(serverErrors).toEqual([])
  })

  it('removing a filter chip widens the results and unticks its control', async () => {
    const page = await e2e.newPage()
    await e2e.goto(page, sharedUrl.replace(e2e.baseUrl, ''))
    expect(await shownTitles(page)).toEqual(narrowedTitles)
    const chips = page.getByRole('group', { name: search.chips.label })
    await chips.getByRole('link', { name: search.chips.remove.replace('{{label}}', regionName(region)), exact: true }).click()
    const withoutRegion = `?q=${typo}&trlMin=${trlMin}`
    await page.waitForURL((url) => url.search === withoutRegion)
    const wider = await apiAnswer(e2e, page, withoutRegion)
    expect(wider.total).toBeGreaterThan(narrowedTitles.length)
    await expect.poll(() => statusText(page), eventually).toBe(matchCount(wider.total))
    expect(await shownTitles(page)).toEqual(wider.titles)
    expect(await regionBox(page).isChecked()).toBe(false)
    expect(await trlFrom(page).inputValue()).toBe(trlMin)
    await hydrated(page)
    await snap(page, '06-chip-removed')
    e2e.expectNoProblems(page)
  })
})
