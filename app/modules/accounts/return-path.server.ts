import { createCookie } from '@remix-run/node'
import { safeRedirectPath } from './guards.server'

/**
 * Where a person was going when they signed up (an invitation link, say): kept in a short-lived
 * cookie so that the verification link, opened in the same browser, takes them back there.
 */
const returnPathCookie = createCookie('ponte_return', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 2 * 24 * 60 * 60 })

/** The Set-Cookie header that remembers `path` (only a path on this site), or null when there is none. */
export async function rememberReturnPath(path: unknown): Promise<string | null> {
  const safe = safeRedirectPath(path, '')
  return safe ? returnPathCookie.serialize(safe) : null
}

/** The remembered path (or `fallback`) and the header that forgets it. */
export async function takeReturnPath(request: Request, fallback: string): Promise<{ path: string; setCookie: string }> {
  const value = await returnPathCookie.parse(request.headers.get('Cookie'))
  return { path: safeRedirectPath(value, fallback), setCookie: await returnPathCookie.serialize('', { maxAge: 0 }) }
}
