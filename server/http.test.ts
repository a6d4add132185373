/**
 * The CSRF guard and the security headers, in a tiny Express app fetched over real HTTP, the way
 * server/main.ts mounts them in front of Remix.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csrfGuard, formBodyGuard, securityHeaders } from './http'

const PUBLIC_ORIGIN = 'https://ponte.example.org'
let server: Server
let base: string
let actionsRun = 0

beforeAll(async () => {
  const app = express()
  app.use(securityHeaders({ dev: false }))
  app.use(csrfGuard([PUBLIC_ORIGIN]))
  app.use(formBodyGuard())
  app.get('/page', (_req, res) => {
    res.type('text/html').send(`<script nonce="${String(res.locals.cspNonce)}"></script>`)
  })
  app.all(['/form', '/webhooks/stripe'], (_req, res) => {
    actionsRun++
    res.type('text/plain').send('done')
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

async function post(path: string, headers: Record<string, string>) {
  const before = actionsRun
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: 'name=value',
  })
  return { status: response.status, text: await response.text(), ran: actionsRun > before }
}

describe('csrfGuard', () => {
  it('refuses a cross-origin form post with 403 before the action runs', async () => {
    const result = await post('/form', { origin: 'https://evil.example' })
    expect(result).toMatchObject({ status: 403, ran: false })
    expect(result.text).toContain('Cross-site')
  })

  it('refuses a cross-site post identified by Referer, a null Origin or Sec-Fetch-Site', async () => {
    expect(await post('/form', { referer: 'https://evil.example/page' })).toMatchObject({ status: 403, ran: false })
    expect(await post('/form', { origin: 'null' })).toMatchObject({ status: 403, ran: false })
    expect(await post('/form', { 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403, ran: false })
    expect(await post('/form', { origin: 'http://127.0.0.1.evil.example' })).toMatchObject({ status: 403, ran: false })
  })

  it('allows a same-origin post, and one from the public APP_URL origin (behind a proxy)', async () => {
    expect(await post('/form', { origin: base })).toMatchObject({ status: 200, ran: true })
    expect(await post('/form', { referer: `${base}/page`, 'sec-fetch-site': 'same-origin' })).toMatchObject({ status: 200, ran: true })
    expect(await post('/form', { origin: PUBLIC_ORIGIN })).toMatchObject({ status: 200, ran: true })
  })

  it('lets safe methods and exempt webhook paths through', async () => {
    const get = await fetch(`${base}/form`, { headers: { origin: 'https://evil.example' } })
    expect(get.status).toBe(200)
    expect(await post('/webhooks/stripe', { origin: 'https://evil.example' })).toMatchObject({ status: 200, ran: true })
  })
})

describe('securityHeaders', () => {
  it('sets a CSP that forbids framing and inline code except the per-response nonce', async () => {
    const first = await fetch(`${base}/page`)
    const csp = first.headers.get('content-security-policy') ?? ''
    const directives = Object.fromEntries(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name, values.join(' ')]
      }),
    )
    expect(directives['frame-ancestors']).toBe(`'none'`)
    expect(directives['object-src']).toBe(`'none'`)
    expect(directives['default-src']).toBe(`'self'`)
    expect(directives['form-action']).toBe(`'self'`)
    expect(directives['style-src']).toBe(`'self'`)
    expect(csp).not.toContain('unsafe-inline')
    const nonce = /'nonce-([^']+)'/.exec(directives['script-src'] ?? '')?.[1]
    expect(nonce).toBeTruthy()
    expect(await first.text()).toContain(`nonce="${nonce}"`)
    const second = await fetch(`${base}/page`)
    expect(second.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`)
  })

  it('sets nosniff, a referrer policy and refuses framing in older browsers', async () => {
    const response = await fetch(`${base}/page`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('formBodyGuard', () => {
  it('refuses a JSON or text body to a page action with 415 before the action runs', async () => {
    const origin = base
    for (const type of ['application/json', 'text/plain', 'application/xml']) {
      const before = actionsRun
      const response = await fetch(`${base}/form`, { method: 'POST', headers: { 'content-type': type, origin }, body: '{"name":"value"}' })
      expect(response.status).toBe(415)
      expect(actionsRun).toBe(before)
    }
  })

  it('lets form posts and multipart uploads through', async () => {
    expect(await post('/form', { origin: base })).toMatchObject({ status: 200, ran: true })
    const multipart = new FormData()
    multipart.append('name', 'value')
    const response = await fetch(`${base}/form`, { method: 'POST', body: multipart, headers: { origin: base } })
    expect(response.status).toBe(200)
  })
})
