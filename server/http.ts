import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

/** Paths that take cross-site POSTs by design (signed webhooks); none yet. */
const CSRF_EXEMPT = [/^\/webhooks\//]

function originOf(value: string | undefined): string | null {
  if (!value) return null
  try {
    return new URL(value).origin
  } catch {
    return null
  }
}

/**
 * Cross-site request forgery guard for every state-changing request: the browser's Origin
 * (or, failing that, Referer) must be this site. Browsers always send one of them on a
 * cross-site form post, so a forged post is refused before any action runs.
 */
export function csrfGuard(allowedOrigins: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || CSRF_EXEMPT.some((re) => re.test(req.path))) return next()
    const hostOrigin = `${req.protocol}://${req.get('host')}`
    const allowed = new Set([...allowedOrigins, hostOrigin])
    const origin = req.get('origin')
    const claimed = origin && origin !== 'null' ? originOf(origin) : originOf(req.get('referer'))
    const fetchSite = req.get('sec-fetch-site')
    const crossSite = claimed ? !allowed.has(claimed) : origin === 'null' || (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')
    if (crossSite) {
      res.status(403).type('text/plain').send('Cross-site form submission refused.')
      return
    }
    next()
  }
}

/** Security headers, with a Content-Security-Policy nonce per response for Remix's inline scripts. */
export function securityHeaders(options: { dev: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    const scriptSrc = options.dev ? `'self' 'unsafe-inline'` : `'self' 'nonce-${nonce}'`
    const policy = [
      `default-src 'self'`,
      `script-src ${scriptSrc}`,
      `style-src 'self'${options.dev ? ` 'unsafe-inline'` : ''}`,
      `img-src 'self' data:`,
      `font-src 'self'`,
      `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
      `object-src 'none'`,
      `base-uri 'self'`,
      `form-action 'self'`,
      `frame-ancestors 'none'`,
    ].join('; ')
    res.setHeader('Content-Security-Policy', policy)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    next()
  }
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/**
 * Pages take form posts only. Any other body (JSON, XML, plain text) sent to a page's action is
 * refused with 415 before Remix parses it, so a malformed body can never surface as a 500.
 */
export function formBodyGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || CSRF_EXEMPT.some((re) => re.test(req.path))) return next()
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined
    if (hasBody && !FORM_TYPES.includes(type)) {
      res.status(415).type('text/plain').send('Forms are sent as application/x-www-form-urlencoded or multipart/form-data.')
      return
    }
    next()
  }
}
