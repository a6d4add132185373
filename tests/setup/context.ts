import os from 'node:os'
import path from 'node:path'
import type { AppLoadContext } from '@remix-run/node'
import { parseConfig } from '~/config.server'
import { drainJobs, type JobContext } from '~/modules/jobs/worker.server'
import type { Db } from '../../db/client'
import { createMailer, type Mailer } from '../../emails/mailer.server'
import { createSearch, type Search } from '../../search/engine.server'

export const TEST_APP_URL = 'http://ponte.test'

/** The load context a route receives, built for tests on a test database. */
/** Uploaded files of this test run go to a temporary folder, never to the project's data folder. */
export const TEST_UPLOADS_DIR = path.join(os.tmpdir(), `ponte-test-uploads-${process.pid}`)

/** One search engine per test database, as the server keeps one per process. */
const searches = new WeakMap<Db, Search>()

export function testLoadContext(db: Db, env: Record<string, string> = {}): AppLoadContext {
  const config = parseConfig({ NODE_ENV: 'test', APP_URL: TEST_APP_URL, UPLOADS_DIR: TEST_UPLOADS_DIR, ...env })
  let search = config.meilisearch ? undefined : searches.get(db)
  if (!search) {
    search = createSearch(config, db)
    if (!config.meilisearch) searches.set(db, search)
  }
  return { db, search, config: { ...config, sessionSecret: 'test-session-secret-of-at-least-32-chars' }, cspNonce: 'test-nonce' }
}

/** A job context (database, configuration, mailer) for draining the queue in tests. */
export function testJobContext(db: Db, options: { mailer?: Mailer; env?: Record<string, string> } = {}): JobContext {
  const { config, search } = testLoadContext(db, options.env)
  return { db, config, mailer: options.mailer ?? createMailer({ from: config.mailFrom }, db), search }
}

/** Runs every due job once, as the worker would. */
export function runJobs(db: Db, url: string, options: { mailer?: Mailer } = {}): Promise<void> {
  return drainJobs(testJobContext(db, options), url)
}

/** A request as a browser on Ponte would send it. */
export function makeRequest(
  path: string,
  init: { method?: string; form?: Record<string, string | string[]>; cookie?: string | null; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  let body: URLSearchParams | undefined
  if (init.form) {
    body = new URLSearchParams()
    for (const [key, value] of Object.entries(init.form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    }
  }
  return new Request(new URL(path, TEST_APP_URL), {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    headers,
    body,
  })
}

/** The cookie pairs of a response's Set-Cookie headers, ready to send back as a Cookie header. */
export function cookiesFrom(response: Response, previous = ''): string {
  const jar = new Map<string, string>()
  for (const pair of previous.split(/;\s*/).filter(Boolean)) {
    const [name, ...rest] = pair.split('=')
    jar.set(name!, rest.join('='))
  }
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';')
    const [name, ...rest] = pair!.split('=')
    const value = rest.join('=')
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === '') jar.delete(name!)
    else jar.set(name!, value)
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}
