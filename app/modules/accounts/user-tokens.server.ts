import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { userTokens } from '../../../db/schema'
import { createToken, hashToken } from './tokens.server'

export type TokenPurpose = (typeof userTokens.$inferSelect)['purpose']

/** How long each kind of emailed link stays valid. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  email_verification: 48 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
}

/** Creates a one-time token for `userId`; returns the secret to put in a link (only its hash is kept). */
export async function mintUserToken(db: DbOrTx, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = createToken()
  await db.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  })
  return token
}

function usable(token: string, purpose: TokenPurpose) {
  return and(
    eq(userTokens.tokenHash, hashToken(token)),
    eq(userTokens.purpose, purpose),
    isNull(userTokens.usedAt),
    gt(userTokens.expiresAt, sql`now()`),
  )
}

/** The user a token belongs to when it is still usable (unused, unexpired), without using it. */
export async function findUsableToken(db: DbOrTx, token: string, purpose: TokenPurpose): Promise<{ id: string; userId: string } | null> {
  if (!token || token.length > 200) return null
  const [row] = await db.select({ id: userTokens.id, userId: userTokens.userId }).from(userTokens).where(usable(token, purpose))
  return row ?? null
}

/**
 * Uses a token: marks it used in one statement, so of two simultaneous clicks only one wins.
 * Returns the user it belongs to, or null when it is unknown, used or expired.
 */
export async function consumeUserToken(db: DbOrTx, token: string, purpose: TokenPurpose): Promise<{ id: string; userId: string } | null> {
  if (!token || token.length > 200) return null
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(usable(token, purpose))
    .returning({ id: userTokens.id, userId: userTokens.userId })
  return row ?? null
}

/** Retires every other open token of the same purpose (once a reset is done, older links stop working). */
export async function retireUserTokens(db: DbOrTx, userId: string, purpose: TokenPurpose, exceptId?: string): Promise<void> {
  await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        exceptId ? ne(userTokens.id, exceptId) : undefined,
      ),
    )
}
