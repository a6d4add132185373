import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../../db/client'
import { users } from '../../../db/schema'
import { enqueue } from '../jobs/queue.server'
import { consumeRateLimit } from '../security/rate-limit.server'
import { hashPassword } from './password.server'
import { sameAsEmail } from './schemas'
import { revokeSessions } from './session.server'
import { hashToken } from './tokens.server'
import { consumeUserToken, findUsableToken, retireUserTokens } from './user-tokens.server'

/** Reset requests allowed per window: for one email address, and from one IP address. */
export const RESETS_PER_EMAIL = { limit: 3, windowSeconds: 60 * 60 }
export const RESETS_PER_IP = { limit: 10, windowSeconds: 15 * 60 }

export const resetJobKey = (userId: string) => `reset:${userId}`

/**
 * Asks for a password reset link. The answer is the same whether or not an account exists
 * (the page always says "if an account exists, we sent a link"): the email is queued only for
 * an existing, enabled account, and the only extra work then is one insert in the same
 * round of queries, so the timing tells nothing either. Limits count requests per email
 * typed (not per account), so they reveal nothing either.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  ip: string,
): Promise<{ status: 'sent' } | { status: 'rate_limited'; retryAfterSeconds: number }> {
  for (const rule of [
    { key: `reset:ip:${ip}`, ...RESETS_PER_IP },
    { key: `reset:email:${hashToken(email).slice(0, 32)}`, ...RESETS_PER_EMAIL },
  ]) {
    const limit = await consumeRateLimit(db, rule)
    if (!limit.allowed) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds }
  }
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt)))
    if (user) await enqueue(tx, 'email.password-reset', { userId: user.id }, { jobKey: resetJobKey(user.id) })
  })
  return { status: 'sent' }
}

async function accountOfToken(db: DbOrTx, token: string) {
  const found = await findUsableToken(db, token, 'password_reset')
  if (!found) return null
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.id, found.userId), isNull(users.disabledAt)))
  return user ?? null
}

/** Whether a reset link still works (unused, unexpired, account enabled): the page shows the form or says why not. */
export async function isResetTokenUsable(db: Db, token: string): Promise<boolean> {
  return (await accountOfToken(db, token)) !== null
}

export type ResetResult = { status: 'done'; userId: string } | { status: 'invalid' } | { status: 'password_is_email' }

/**
 * Sets a new password with a reset link's token. The token works once and any other reset
 * links stop working; every session of the account ends (whoever knew the old password is
 * signed out); the email address counts as verified, since its owner just proved they read it.
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<ResetResult> {
  const account = await accountOfToken(db, token)
  if (!account) return { status: 'invalid' }
  if (sameAsEmail(password, account.email)) return { status: 'password_is_email' }
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, 'password_reset')
    if (!used || used.userId !== account.id) return { status: 'invalid' }
    const now = new Date()
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, account.id))
    await retireUserTokens(tx, account.id, 'password_reset')
    await revokeSessions(tx, { userId: account.id }, 'password_reset')
    return { status: 'done', userId: account.id }
  })
}
