/**
 * Unsubscribing from alerts without signing in: a link in every digest carries a token signed
 * with the session secret (HMAC-SHA256) that names the person and one saved search, or all of
 * the person's alerts. Nothing is stored: the token is checked, never looked up. A token whose
 * signature does not match, or that names a saved search which is not the person's, is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { and, eq, ne } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { savedSearches } from '../../../db/schema'

const PURPOSE = 'ponte.alerts.unsubscribe.v1'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface UnsubscribeTarget {
  userId: string
  /** One saved search, or null for all of the person's alerts. */
  savedSearchId: string | null
}

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}:${payload}`).digest()
}

/** `<userId>.<savedSearchId or "all">.<signature>`, URL-safe. */
export function createUnsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const payload = `${target.userId}.${target.savedSearchId ?? 'all'}`
  return `${payload}.${signature(secret, payload).toString('base64url')}`
}

/** The target a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(secret: string, token: string | undefined): UnsubscribeTarget | null {
  const parts = (token ?? '').split('.')
  if (parts.length !== 3) return null
  const [userId, scope, mac] = parts as [string, string, string]
  if (!UUID.test(userId) || (scope !== 'all' && !UUID.test(scope))) return null
  const expected = signature(secret, `${userId}.${scope}`)
  const given = Buffer.from(mac, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return { userId, savedSearchId: scope === 'all' ? null : scope }
}

export interface UnsubscribeSubject {
  /** The saved search's name; null when the token names all of the person's alerts. */
  name: string | null
  /** Whether alerts are already off for everything the token names. */
  alreadyOff: boolean
}

/** What a valid token names, as it stands now; null when the saved search is gone or is not the person's. */
export async function describeUnsubscribe(db: DbOrTx, target: UnsubscribeTarget): Promise<UnsubscribeSubject | null> {
  const rows = await db
    .select({ name: savedSearches.name, frequency: savedSearches.frequency })
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, target.userId), target.savedSearchId ? eq(savedSearches.id, target.savedSearchId) : undefined))
  if (target.savedSearchId) {
    const [row] = rows
    return row ? { name: row.name, alreadyOff: row.frequency === 'off' } : null
  }
  return { name: null, alreadyOff: rows.every((row) => row.frequency === 'off') }
}

/** Sets the alerts the token names to 'off'. Returns how many saved searches changed. */
export async function unsubscribe(db: DbOrTx, target: UnsubscribeTarget): Promise<number> {
  const rows = await db
    .update(savedSearches)
    .set({ frequency: 'off' })
    .where(
      and(eq(savedSearches.userId, target.userId), target.savedSearchId ? eq(savedSearches.id, target.savedSearchId) : undefined, ne(savedSearches.frequency, 'off')),
    )
    .returning({ id: savedSearches.id })
  return rows.length
}
