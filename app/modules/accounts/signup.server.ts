import type { AppLoadContext } from '@remix-run/node'
import type { Db } from '../../../db/client'
import { users } from '../../../db/schema'
import { enqueue } from '../jobs/queue.server'
import { consumeRateLimit } from '../security/rate-limit.server'
import { hashPassword } from './password.server'
import type { SignupInput } from './schemas'
import { startSession, type SessionMeta } from './session.server'

/** Sign-ups allowed from one address per hour. */
export const SIGNUPS_PER_IP = { limit: 10, windowSeconds: 60 * 60 }

export type SignUpResult =
  | { status: 'rate_limited'; retryAfterSeconds: number }
  /** `cookie` is the new session's Set-Cookie header, or null when the address already had an account. */
  | { status: 'done'; cookie: string | null }

export const verificationJobKey = (userId: string) => `verify:${userId}`

/**
 * Creates an account, opens its session and queues the verification email, all in one
 * transaction (no account without its email, no email for an account that was rolled back).
 *
 * An address that already has an account is not revealed: the person sees the same
 * "check your inbox" page as for a new account, after the same slow password hash, and
 * nothing is queued. We chose to send nothing to the existing account (rather than a
 * "someone tried to sign up with your address" email) so that a stranger typing an address
 * cannot make Ponte email its owner; the owner who forgot they have an account finds "Forgot
 * your password?" on the login page. What differs is only that no session is opened, which
 * the person who submitted sees; sign-ups are rate limited per IP to keep that from being used
 * to test addresses in bulk.
 */
export async function signUp(
  db: Db,
  context: AppLoadContext,
  input: SignupInput,
  request: { ip: string; meta: SessionMeta },
): Promise<SignUpResult> {
  const limit = await consumeRateLimit(db, { key: `signup:ip:${request.ip}`, ...SIGNUPS_PER_IP })
  if (!limit.allowed) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds }
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale: input.locale })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id })
    if (!user) return { status: 'done', cookie: null }
    const cookie = await startSession(tx, context, user.id, request.meta)
    await enqueue(tx, 'email.verification', { userId: user.id }, { jobKey: verificationJobKey(user.id) })
    return { status: 'done', cookie }
  })
}
