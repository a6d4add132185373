import type { AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { users } from '../../../db/schema'
import { isLocale, type Locale } from '../i18n/locales'
import { hitRateLimit, peekRateLimit, resetRateLimit, type RateLimitRule } from '../security/rate-limit.server'
import { verifyDecoyPassword, verifyPassword } from './password.server'
import { startSession, type SessionMeta } from './session.server'
import { hashToken } from './tokens.server'

/** Failed logins allowed per window: for one email from one address, and from one address in all. */
export const LOGIN_FAILURES_PER_EMAIL = { limit: 5, windowSeconds: 15 * 60 }
export const LOGIN_FAILURES_PER_IP = { limit: 20, windowSeconds: 15 * 60 }

export function loginRules(email: string, ip: string): { perEmail: RateLimitRule; perIp: RateLimitRule } {
  // The email is hashed so the counters hold no personal data.
  const emailKey = hashToken(email).slice(0, 32)
  return {
    perEmail: { key: `login:email-ip:${emailKey}:${ip}`, ...LOGIN_FAILURES_PER_EMAIL },
    perIp: { key: `login:ip:${ip}`, ...LOGIN_FAILURES_PER_IP },
  }
}

export type LogInResult =
  | { status: 'ok'; userId: string; locale: Locale; cookie: string }
  /** Unknown email, wrong password and disabled account all look the same. */
  | { status: 'invalid' }
  | { status: 'rate_limited'; retryAfterSeconds: number }

/**
 * Checks an email and password and opens a session. Failures are counted per email and
 * address and per address; once either limit is reached, attempts are refused until the
 * window ends, without checking the password.
 */
export async function logIn(
  db: Db,
  context: AppLoadContext,
  input: { email: string; password: string },
  request: { ip: string; meta: SessionMeta },
): Promise<LogInResult> {
  const rules = loginRules(input.email, request.ip)
  const [perEmail, perIp] = await Promise.all([peekRateLimit(db, rules.perEmail), peekRateLimit(db, rules.perIp)])
  const blocked = [perEmail, perIp].filter((state) => state.exhausted)
  if (blocked.length) {
    return { status: 'rate_limited', retryAfterSeconds: Math.max(...blocked.map((state) => state.retryAfterSeconds)) }
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, locale: users.locale })
    .from(users)
    .where(eq(users.email, input.email))
  let valid = false
  if (user) valid = await verifyPassword(user.passwordHash, input.password)
  else await verifyDecoyPassword(input.password) // the same work, so timing reveals no accounts

  if (!user || !valid || user.disabledAt) {
    await Promise.all([hitRateLimit(db, rules.perEmail), hitRateLimit(db, rules.perIp)])
    return { status: 'invalid' }
  }
  await resetRateLimit(db, rules.perEmail.key)
  const cookie = await startSession(db, context, user.id, request.meta)
  return { status: 'ok', userId: user.id, locale: isLocale(user.locale) ? user.locale : 'en', cookie }
}
