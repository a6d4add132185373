import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rateLimits, userTokens } from '../../../db/schema'
import { testJobContext } from '../../../tests/setup/context'
import { useTestDatabase } from '../../../tests/setup/database'
import { createUser } from '../../../tests/setup/factories'
import { pruneExpiredRecords } from './maintenance.server'

const t = useTestDatabase()
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)

describe('hourly housekeeping', () => {
  it('drops ended rate-limit windows and stale tokens, and keeps what is still live', async () => {
    const user = await createUser(t.db)
    await t.db.insert(rateLimits).values([
      { key: 'ended', count: 3, windowEndsAt: hoursAgo(1) },
      { key: 'open', count: 3, windowEndsAt: new Date(Date.now() + 600_000) },
    ])
    await t.db.insert(userTokens).values([
      { userId: user.id, purpose: 'password_reset', tokenHash: 'expired-long-ago', expiresAt: hoursAgo(30) },
      { userId: user.id, purpose: 'password_reset', tokenHash: 'used-long-ago', expiresAt: new Date(Date.now() + 3_600_000), usedAt: hoursAgo(48) },
      { userId: user.id, purpose: 'email_verification', tokenHash: 'live', expiresAt: new Date(Date.now() + 3_600_000) },
    ])
    await pruneExpiredRecords(testJobContext(t.db), {})
    expect((await t.db.select().from(rateLimits)).map((r) => r.key)).toEqual(['open'])
    const tokens = await t.db.select().from(userTokens).where(eq(userTokens.userId, user.id))
    expect(tokens.map((r) => r.tokenHash)).toEqual(['live'])
  })
})
