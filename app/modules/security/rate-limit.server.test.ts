import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../../tests/setup/database'
import { rateLimits } from '../../../db/schema'
import { consumeRateLimit, hitRateLimit, peekRateLimit, pruneRateLimits, resetRateLimit } from './rate-limit.server'

const t = useTestDatabase()

describe('database rate limiter', () => {
  it('allows `limit` events per window, then refuses with the time left', async () => {
    const rule = { key: 'test:consume', limit: 3, windowSeconds: 600 }
    for (let i = 0; i < 3; i++) expect((await consumeRateLimit(t.db, rule)).allowed).toBe(true)
    const refused = await consumeRateLimit(t.db, rule)
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfterSeconds).toBeGreaterThan(590)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600)
    // Refused events are not counted on top.
    expect((await peekRateLimit(t.db, rule)).count).toBe(3)
  })

  it('counts concurrent hits exactly once each', async () => {
    const rule = { key: 'test:concurrent', limit: 100, windowSeconds: 60 }
    const states = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(t.db, rule)))
    expect(states.map((s) => s.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })

  it('starts a new window once the old one has ended', async () => {
    const rule = { key: 'test:window', limit: 2, windowSeconds: 60 }
    await hitRateLimit(t.db, rule)
    expect((await hitRateLimit(t.db, rule)).exhausted).toBe(true)
    await t.db
      .update(rateLimits)
      .set({ windowEndsAt: sql`now() - interval '1 second'` })
      .where(eq(rateLimits.key, rule.key))
    expect(await peekRateLimit(t.db, rule)).toEqual({ count: 0, exhausted: false, retryAfterSeconds: 0 })
    const fresh = await hitRateLimit(t.db, rule)
    expect(fresh.count).toBe(1)
    expect(fresh.retryAfterSeconds).toBeGreaterThan(50)
    expect(await pruneRateLimits(t.db)).toBe(0)
  })

  it('forgets a counter on reset and prunes ended windows', async () => {
    const rule = { key: 'test:reset', limit: 1, windowSeconds: 60 }
    await hitRateLimit(t.db, rule)
    await resetRateLimit(t.db, rule.key)
    expect((await peekRateLimit(t.db, rule)).count).toBe(0)
    await hitRateLimit(t.db, { ...rule, key: 'test:old' })
    await t.db.update(rateLimits).set({ windowEndsAt: sql`now() - interval '1 minute'` }).where(eq(rateLimits.key, 'test:old'))
    expect(await pruneRateLimits(t.db)).toBeGreaterThanOrEqual(1)
  })
})
