/**
 * End-to-end harness: real Chromium (playwright-core) against the real Ponte server.
 *
 * Run: `apt-get install -y chromium` once, then `npm run build && npm run test:e2e`.
 * tests/e2e/global-setup.ts starts ONE production server for the whole run (`node --import tsx
 * server/main.ts`, free port, fresh temporary DATA_DIR: embedded PostgreSQL, demo data, the job
 * worker in the web process, email kept in the development mailbox) and stops it at the end,
 * failing the run if it does not exit cleanly. Without Chromium the suites are skipped with a
 * notice, except in CI (CI=true), where that is an error.
 *
 * Writing a test file `tests/e2e/<journey>.e2e.ts`:
 *
 *   import { describeE2E, useE2E, DEMO_PASSWORD, uniqueEmail } from './harness'
 *
 *   describeE2E('signing up', () => {
 *     const e2e = useE2E()                      // a browser for this file, closed afterwards
 *
 *     it('verifies the address through the emailed link', async () => {
 *       const page = await e2e.newPage()        // fresh context: no cookies, English, desktop size
 *       await e2e.goto(page, '/signup')         // navigates and waits until React has hydrated
 *       const email = uniqueEmail('signup')     // never collides with other tests or runs
 *       // ... fill the form with page.getByLabel(...), submit ...
 *       const message = await e2e.waitForEmail(email, { subject: /confirm/i })
 *       await page.goto(message.linkTo('/verify-email'))  // the first link to that path
 *       e2e.expectNoProblems(page)              // no console errors, page errors, CSP violations or 5xx
 *     })
 *   })
 *
 * The API (all on the object `useE2E()` returns):
 *   baseUrl                      the server's origin, e.g. http://localhost:41234
 *   url(path)                    absolute URL of a path
 *   newPage(options?)            a Page in a new browser context ({ locale, viewport, timezoneId } to change them);
 *                                console errors, uncaught page errors, CSP violations and HTTP 5xx
 *                                responses are recorded for it
 *   goto(page, path)             page.goto + wait for hydration (forms with JS behaviour work after it)
 *   problems(page)               what was recorded for that page so far (strings)
 *   expectNoProblems(page, allow?)  fails the test listing them (but those matching a RegExp of allow)
 *   readMailbox(to)              the development mailbox's messages to an address, newest first
 *   waitForEmail(to, { subject?, since?, timeoutMs? })  polls until a matching message arrives
 *                                (the worker runs jobs about once a second)
 *   screenshot(page, name)       full-page PNG in tests/e2e/screenshots/<name>.png (gitignored)
 *   databaseUrl()                connection URL of the server's embedded database, for assertions
 * and, exported directly: describeE2E, uniqueEmail(prefix), DEMO_PASSWORD, DEMO_LOGINS.
 *
 * Rules for journeys: the server and its database are shared by every e2e file of a run, so a
 * test never changes a demo account (its password, its email, its organisations); sign up a
 * fresh account with uniqueEmail() for journeys that change an account (reset password, ...).
 * Demo accounts are for reading and logging in. Use labels and roles (page.getByLabel,
 * page.getByRole) rather than CSS classes, so the tests also check accessibility.
 */
import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject } from 'vitest'
import { embeddedPostgresOf, projectRoot } from '../setup/ponte-server'
import { chromiumArgs } from './chromium'

/** The demo password of every demo account (db/seed). */
export const DEMO_PASSWORD = 'ponte-demo-2026'

/** The demo accounts the embedded default seeds on first start. */
export const DEMO_LOGINS = {
  admin: 'admin@ponte.demo',
  organiser: 'organiser@ponte.demo',
  founder: 'founder@ponte.demo',
  founderPortugal: 'founder.pt@ponte.demo',
  investor: 'investor@ponte.demo',
  angel: 'angel@ponte.demo',
} as const

const chromiumPath = inject('e2eChromiumPath')

/** `describe` when Chromium is available, otherwise `describe.skip` (global-setup printed why). */
export const describeE2E: typeof describe = chromiumPath ? describe : (describe.skip as typeof describe)

/** An email address no other test or run uses. */
export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@example.test`
}

export interface MailboxMessage {
  id: string
  to: string
  from: string
  subject: string
  text: string
  html: string
  createdAt: Date
  /** Every http(s) link in the text part, in order. */
  links: string[]
  /** The first link whose path starts with `pathPrefix`; throws when there is none. */
  linkTo(pathPrefix: string): string
}

export interface NewPageOptions {
  /** Accept-Language of the browser. Default en-GB. */
  locale?: string
  viewport?: { width: number; height: number }
  /** The browser's time zone (it tells Ponte, which shows times in it). Default Europe/Madrid. */
  timezoneId?: string
}

const screenshotsDir = path.join(projectRoot, 'tests/e2e/screenshots')

/** Registers beforeAll/afterAll for a browser in the current file; see the comment at the top. */
export function useE2E() {
  const baseUrl = inject('e2eBaseUrl')
  const dataDir = inject('e2eDataDir')
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const recorded = new WeakMap<Page, string[]>()

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
  })

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})))
    await browser?.close()
  })

  const url = (pathname: string) => new URL(pathname, baseUrl).toString()

  function databaseUrl(): string {
    const pg = embeddedPostgresOf(dataDir)
    if (!pg) throw new Error('The e2e server’s embedded PostgreSQL is not running.')
    return `postgres://postgres:ponte-embedded@127.0.0.1:${pg.port}/ponte`
  }

  async function readMailbox(to: string): Promise<MailboxMessage[]> {
    const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} })
    try {
      const rows = await sql<{ id: string; to: string; from: string; subject: string; text: string; html: string; created_at: Date }[]>`
        select id, "to", "from", subject, text, html, created_at from mailbox_messages
        where lower("to") = lower(${to}) order by created_at desc, id desc`
      return rows.map((row) => {
        const links = [...row.text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)].map((match) => match[0])
        return {
          id: row.id,
          to: row.to,
          from: row.from,
          subject: row.subject,
          text: row.text,
          html: row.html,
          createdAt: row.created_at,
          links,
          linkTo(pathPrefix: string) {
            const link = links.find((candidate) => new URL(candidate).pathname.startsWith(pathPrefix))
            if (!link) throw new Error(`No link to ${pathPrefix} in the email "${row.subject}":\n${row.text}`)
            return link
          },
        }
      })
    } finally {
      await sql.end({ timeout: 5 })
    }
  }

  return {
    baseUrl,
    url,
    databaseUrl,
    readMailbox,

    async waitForEmail(to: string, options: { subject?: string | RegExp; since?: Date; timeoutMs?: number } = {}): Promise<MailboxMessage> {
      const deadline = Date.now() + (options.timeoutMs ?? 20_000)
      const matches = (message: MailboxMessage) =>
        (!options.since || message.createdAt >= options.since) &&
        (options.subject === undefined ||
          (typeof options.subject === 'string' ? message.subject.includes(options.subject) : options.subject.test(message.subject)))
      for (;;) {
        const found = (await readMailbox(to)).find(matches)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`No email to ${to}${options.subject ? ` matching ${String(options.subject)}` : ''} arrived in time.`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    },

    async newPage(options: NewPageOptions = {}): Promise<Page> {
      if (!browser) throw new Error('The browser is not running: call newPage() inside a test or hook.')
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: options.locale ?? 'en-GB',
        timezoneId: options.timezoneId ?? 'Europe/Madrid',
        viewport: options.viewport ?? { width: 1280, height: 900 },
      })
      contexts.push(context)
      // Reported as console errors, so CSP violations end up in problems() with their directive.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`)
        })
      })
      const page = await context.newPage()
      const problems: string[] = []
      recorded.set(page, problems)
      // The path of the page at the time, so a failure says which step of a journey it came from.
      const where = () => {
        const current = new URL(page.url(), baseUrl)
        return `${current.pathname}${current.search}`
      }
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error on ${where()}: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`page error on ${where()}: ${error.message}`))
      page.on('response', (response) => {
        if (response.status() >= 500) problems.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`)
      })
      return page
    },

    async goto(page: Page, pathname: string) {
      const response = await page.goto(url(pathname))
      await page.waitForFunction(() => {
        const router = (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter
        return router?.state.initialized === true
      })
      return response
    },

    problems(page: Page): string[] {
      return [...(recorded.get(page) ?? [])]
    },

    /**
     * `allow`: problems the test expects, e.g. Chromium's console error for a page answered with
     * 400 on purpose (a refused form): /status of 400/.
     */
    expectNoProblems(page: Page, allow: RegExp[] = []) {
      const problems = (recorded.get(page) ?? []).filter((problem) => !allow.some((pattern) => pattern.test(problem)))
      expect(problems, 'console errors, page errors, CSP violations or server errors').toEqual([])
    },

    async screenshot(page: Page, name: string): Promise<string> {
      await mkdir(screenshotsDir, { recursive: true })
      const file = path.join(screenshotsDir, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
  }
}

export type E2E = ReturnType<typeof useE2E>
