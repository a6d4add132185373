import { expect, it } from 'vitest'
import en from '../../app/locales/en/common.json'
import es from '../../app/locales/es/common.json'
import gl from '../../app/locales/gl/common.json'
import pt from '../../app/locales/pt/common.json'
import { describeE2E, useE2E } from './harness'

describeE2E('the home page in Chromium', () => {
  const e2e = useE2E()

  it('renders and hydrates without console errors or CSP violations', async () => {
    const page = await e2e.newPage()
    const response = await e2e.goto(page, '/')
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await expect.poll(() => page.locator('h1').textContent()).toBe(en.home.title)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.getByRole('navigation', { name: en.nav.label }).count()).toBeGreaterThan(0)
    expect(await page.getByRole('main').count()).toBe(1)
    await e2e.screenshot(page, 'home-en')
    e2e.expectNoProblems(page)
  })

  it('switches language with the header select and remembers the choice after a reload', async () => {
    const page = await e2e.newPage()
    await e2e.goto(page, '/')
    for (const [locale, messages] of [
      ['es', es],
      ['pt', pt],
      ['gl', gl],
    ] as const) {
      await Promise.all([page.waitForURL(e2e.url('/')), page.waitForEvent('load'), page.selectOption('#language-switcher', locale)])
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale)
      expect(await page.locator('h1').textContent()).toBe(messages.home.title)
      expect(await page.locator('#language-switcher').inputValue()).toBe(locale)

      await page.reload()
      expect(await page.locator('html').getAttribute('lang')).toBe(locale)
      expect(await page.locator('h1').textContent()).toBe(messages.home.title)
      await page.waitForFunction(() => (window as unknown as { __remixRouter?: object }).__remixRouter !== undefined)
    }
    await e2e.screenshot(page, 'home-gl')
    e2e.expectNoProblems(page)

    // A new visitor (no cookie) with an English browser still gets English.
    const stranger = await e2e.newPage()
    await e2e.goto(stranger, '/')
    expect(await stranger.locator('html').getAttribute('lang')).toBe('en')
  })

  it('follows the browser language for a first visit', async () => {
    const page = await e2e.newPage({ locale: 'pt-PT' })
    await e2e.goto(page, '/')
    expect(await page.locator('html').getAttribute('lang')).toBe('pt')
    expect(await page.locator('h1').textContent()).toBe(pt.home.title)
    e2e.expectNoProblems(page)
  })

  it('lets keyboard users skip to the content with the first Tab', async () => {
    const page = await e2e.newPage()
    await e2e.goto(page, '/')
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    expect(await focused.getAttribute('href')).toBe('#main')
    expect(await focused.textContent()).toBe(en.skipToContent)
    const box = await focused.boundingBox()
    expect(box && box.width > 10 && box.height > 10, 'the skip link is visible once focused').toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')
    e2e.expectNoProblems(page)
  })

  it('shows an unknown address as a 404 page in the visitor\'s language, and hydrates it', async () => {
    const page = await e2e.newPage({ locale: 'gl-ES' })
    const response = await e2e.goto(page, '/no-such-page')
    expect(response?.status()).toBe(404)
    expect(await page.locator('html').getAttribute('lang')).toBe('gl')
    expect(await page.locator('h1').textContent()).toBe(gl.errors.notFound.title)
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: object }).__remixRouter !== undefined)
    e2e.expectNoProblems(page, [/status of 404/])
  })
})

