import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { users } from '../../../db/schema'
import { enqueue } from '../jobs/queue.server'
import { consumeRateLimit } from '../security/rate-limit.server'
import type { Actor } from './actor'
import { verificationJobKey } from './signup.server'
import { consumeUserToken, retireUserTokens } from './user-tokens.server'

/** "Send the link again" requests allowed per person per window. */
export const VERIFICATION_RESENDS = { limit: 3, windowSeconds: 15 * 60 }

/**
 * Confirms an email address with the token of a verification link. The token works once;
 * any other verification links of the same person stop working too.
 */
export async function verifyEmail(db: Db, token: string): Promise<{ status: 'verified'; userId: string } | { status: 'invalid' }> {
  return db.transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, 'email_verification')
    if (!used) return { status: 'invalid' }
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, used.userId), isNull(users.emailVerifiedAt)))
    await retireUserTokens(tx, used.userId, 'email_verification')
    return { status: 'verified', userId: used.userId }
  })
}

export type ResendResult = { status: 'queued' } | { status: 'already_verified' } | { status: 'rate_limited'; retryAfterSeconds: number }

/**
 * Queues a new verification email for a signed-in person. Repeated clicks coalesce into one
 * pending job (job key `verify:<userId>`), and are rate limited.
 */
export async function resendVerificationEmail(db: Db, actor: Actor): Promise<ResendResult> {
  if (actor.emailVerified) return { status: 'already_verified' }
  const limit = await consumeRateLimit(db, { key: `verify-resend:user:${actor.userId}`, ...VERIFICATION_RESENDS })
  if (!limit.allowed) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds }
  await enqueue(db, 'email.verification', { userId: actor.userId }, { jobKey: verificationJobKey(actor.userId) })
  return { status: 'queued' }
}
