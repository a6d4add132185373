import type { AppLoadContext } from '@remix-run/node'

/**
 * The address a request came from, for per-IP rate limits. The web server hands Express's
 * `req.ip` through the load context (it trusts X-Forwarded-For only from a proxy on loopback,
 * see server/main.ts), so a client cannot pick a fresh address per request by sending the
 * header itself. Without the server (tests, scripts) the header is read instead.
 */
export function clientAddress(request: Request, context: AppLoadContext): string {
  if (context.clientIp) return context.clientIp
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown'
}
