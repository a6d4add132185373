import { and, eq, gt, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { rateLimits } from '../../../db/schema'

/**
 * Fixed-window rate limits kept in PostgreSQL (the `rate_limits` table), so every web process
 * shares the same counters. A rule allows `limit` events per window of `windowSeconds`; the
 * window starts with the first event and the counter starts again once it has ended.
 */
export interface RateLimitRule {
  /** What is counted, e.g. `login:ip:203.0.113.7`. Keep personal data out (hash it). */
  key: string
  limit: number
  windowSeconds: number
}

export interface RateLimitState {
  /** Events counted in the current window (0 when no window is open). */
  count: number
  /** true once `count` has reached the rule's limit: the next event must be refused. */
  exhausted: boolean
  /** Seconds until the window ends (0 when no window is open). */
  retryAfterSeconds: number
}

function stateOf(rule: RateLimitRule, row: { count: number; windowEndsAt: Date } | undefined): RateLimitState {
  if (!row || row.windowEndsAt.getTime() <= Date.now()) return { count: 0, exhausted: false, retryAfterSeconds: 0 }
  return {
    count: row.count,
    exhausted: row.count >= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((row.windowEndsAt.getTime() - Date.now()) / 1000)),
  }
}

/** Reads a rule's counter without counting anything. */
export async function peekRateLimit(db: DbOrTx, rule: RateLimitRule): Promise<RateLimitState> {
  const [row] = await db
    .select({ count: rateLimits.count, windowEndsAt: rateLimits.windowEndsAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, rule.key), gt(rateLimits.windowEndsAt, sql`now()`)))
  return stateOf(rule, row)
}

/**
 * Counts one event and returns the counter after it, in one atomic statement (insert ... on
 * conflict do update ... returning), so concurrent requests can never both slip under the limit.
 */
export async function hitRateLimit(db: DbOrTx, rule: RateLimitRule): Promise<RateLimitState> {
  const windowEnd = sql`now() + make_interval(secs => ${rule.windowSeconds})`
  const expired = sql`${rateLimits.windowEndsAt} <= now()`
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rule.key, count: 1, windowEndsAt: windowEnd })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowEndsAt: sql`case when ${expired} then ${windowEnd} else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning({ count: rateLimits.count, windowEndsAt: rateLimits.windowEndsAt })
  return stateOf(rule, row)
}

/**
 * Counts one event if the rule still allows it. Returns `allowed: false` (and counts nothing
 * more) once the limit is reached, with the seconds until the window ends.
 */
export async function consumeRateLimit(
  db: DbOrTx,
  rule: RateLimitRule,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const before = await peekRateLimit(db, rule)
  if (before.exhausted) return { allowed: false, retryAfterSeconds: before.retryAfterSeconds }
  const after = await hitRateLimit(db, rule)
  return after.count > rule.limit
    ? { allowed: false, retryAfterSeconds: after.retryAfterSeconds }
    : { allowed: true, retryAfterSeconds: 0 }
}

/** Forgets a counter (e.g. the failed logins of an email once its owner has signed in). */
export async function resetRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key))
}

/** Deletes counters whose window has ended; any periodic job may call it. */
export async function pruneRateLimits(db: DbOrTx): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lte(rateLimits.windowEndsAt, sql`now()`)).returning({ key: rateLimits.key })
  return deleted.length
}

/** Minutes to tell a person to wait, rounded up ("try again in 15 minutes"). */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60))
}
