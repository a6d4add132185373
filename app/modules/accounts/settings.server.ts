import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { users } from '../../../db/schema'
import type { Locale } from '../i18n/locales'
import { hitRateLimit, peekRateLimit, resetRateLimit } from '../security/rate-limit.server'
import type { Actor } from './actor'
import { hashPassword, verifyPassword } from './password.server'
import { sameAsEmail } from './schemas'
import { revokeSessions } from './session.server'

/** Wrong current passwords allowed per person per window on the settings page. */
export const PASSWORD_CHANGE_FAILURES = { limit: 5, windowSeconds: 15 * 60 }

export type ChangePasswordResult =
  | { status: 'done'; otherSessionsEnded: number }
  | { status: 'wrong_current' }
  | { status: 'password_is_email' }
  | { status: 'rate_limited'; retryAfterSeconds: number }

/**
 * Changes the signed-in person's password after checking the current one. Every other session
 * of the account ends (a stolen session stops working); the one in use stays open.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; password: string },
): Promise<ChangePasswordResult> {
  const rule = { key: `password-change:user:${actor.userId}`, ...PASSWORD_CHANGE_FAILURES }
  const state = await peekRateLimit(db, rule)
  if (state.exhausted) return { status: 'rate_limited', retryAfterSeconds: state.retryAfterSeconds }
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId))
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await hitRateLimit(db, rule)
    return { status: 'wrong_current' }
  }
  await resetRateLimit(db, rule.key)
  if (sameAsEmail(input.password, actor.email)) return { status: 'password_is_email' }
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const now = new Date()
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, actor.userId))
    const ended = await revokeSessions(tx, { userId: actor.userId, exceptSessionId: actor.sessionId }, 'password_changed')
    return { status: 'done', otherSessionsEnded: ended }
  })
}

/** Changes the signed-in person's name and preferred language (pages and emails). */
export async function updateProfile(db: Db, actor: Actor, input: { name: string; locale: Locale }): Promise<void> {
  await db.update(users).set({ name: input.name, locale: input.locale, updatedAt: new Date() }).where(eq(users.id, actor.userId))
}
