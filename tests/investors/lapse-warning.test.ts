/**
 * The warning before a verification lapses: 30 days before the expiry, every member of the
 * verified investor organisation is told once (in the app, and by email in their language per
 * their settings), with a link to the verification page; nobody is told twice for one expiry,
 * a renewal's new expiry is warned about again, and lapsed, revoked, suspended or already
 * renewing organisations are left alone. The clock is the one the test passes.
 */
import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { LAPSE_WARNING_DAYS, warnOfLapsingVerifications } from '~/modules/investors/lapse-warning.server'
import { taskHandlers } from '~/modules/jobs/tasks.server'
import { investorProfiles, investorVerificationRequests, memberships, notificationPreferences, notifications, organisations } from '../../db/schema'
import { runJobs, TEST_APP_URL, testJobContext, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser } from '../setup/factories'
import { mailTo } from '../setup/mailbox'
import { createInvestorOrganisation } from './helpers'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

const now = new Date('2031-03-10T06:45:00Z')
const DAY = 86_400_000
const at = (days: number, from = now) => new Date(from.getTime() + days * DAY)

/** A verified investor organisation expiring at `expiresAt`, its owner reading `locale`. */
async function verifiedUntil(expiresAt: Date, options: { name?: string; locale?: 'en' | 'es' | 'pt' | 'gl' } = {}) {
  return createInvestorOrganisation(t.db, context(), {
    name: options.name,
    locale: options.locale,
    profile: { verifiedAt: at(-700, expiresAt), verificationExpiresAt: expiresAt, investorCategory: 'sophisticated' },
  })
}

async function warnings(organisationId: string) {
  return t.db
    .select({ userId: notifications.userId, data: notifications.data, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.kind, 'verification.decided'), sql`${notifications.data} ->> 'organisationId' = ${organisationId}`))
}

let due: Awaited<ReturnType<typeof verifiedUntil>>
let spanish: Awaited<ReturnType<typeof createUser>>
let quiet: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  due = await verifiedUntil(at(20), { name: 'Ría Capital' })
  spanish = await createUser(t.db, { name: 'Andrés Lago', locale: 'es' })
  quiet = await createUser(t.db, { name: 'Paula Sousa', locale: 'pt' })
  await t.db.insert(memberships).values([
    { organisationId: due.organisation.id, userId: spanish.id, role: 'member' },
    { organisationId: due.organisation.id, userId: quiet.id, role: 'member' },
  ])
  // This member wants verification news in the app only.
  await t.db.insert(notificationPreferences).values({ userId: quiet.id, kind: 'verification.decided', email: false })
})

describe('the warning before a verification lapses', () => {
  it('tells every member once, 30 days ahead, with a link to ask again', async () => {
    const edge = await verifiedUntil(at(LAPSE_WARNING_DAYS))
    const later = await verifiedUntil(at(LAPSE_WARNING_DAYS, at(0, new Date(now.getTime() + 60_000))))
    expect(await warnOfLapsingVerifications(t.db, now)).toBe(4)

    const told = await warnings(due.organisation.id)
    expect(told.map((row) => row.userId).sort()).toEqual([due.owner.id, spanish.id, quiet.id].sort())
    expect(told[0]).toMatchObject({
      link: `/organisations/${due.organisation.slug}/verification`,
      data: { context: 'expiring', organisation: 'Ría Capital', expiresDate: '2031-03-30' },
    })
    expect(await warnings(edge.organisation.id)).toHaveLength(1)
    expect(await warnings(later.organisation.id)).toEqual([])

    // The next days' runs tell nobody again; the later organisation's turn comes.
    expect(await warnOfLapsingVerifications(t.db, at(1))).toBe(1)
    expect(await warnOfLapsingVerifications(t.db, at(2))).toBe(0)
    expect(await warnings(due.organisation.id)).toHaveLength(3)
    expect(await warnings(later.organisation.id)).toHaveLength(1)
  })

  it('emails each member in their language unless they chose the app only', async () => {
    await runJobs(t.db, t.url)
    const [english] = await mailTo(t.db, due.owner.email)
    expect(english!.subject).toBe('Your investor verification on Ponte lapses on 30 Mar 2031')
    expect(english!.text).toContain('The verification of Ría Capital lapses on 30 Mar 2031.')
    expect(english!.text).toContain(`${TEST_APP_URL}/organisations/${due.organisation.slug}/verification`)
    const [castilian] = await mailTo(t.db, spanish.email)
    expect(castilian!.subject).toBe('Vuestra verificación como inversor en Ponte caduca el 30 mar 2031')
    expect(await mailTo(t.db, quiet.email)).toEqual([])
  })

  it('tells a member who joins before the lapse, and warns again of a renewal’s new expiry', async () => {
    const newcomer = await createUser(t.db, { name: 'Nuno Novo' })
    await t.db.insert(memberships).values({ organisationId: due.organisation.id, userId: newcomer.id, role: 'member' })
    expect(await warnOfLapsingVerifications(t.db, at(5))).toBe(1)
    expect((await warnings(due.organisation.id)).filter((row) => row.userId === newcomer.id)).toHaveLength(1)

    // Renewed for two more years: nothing until 30 days before the new expiry, then everyone once more.
    const renewedUntil = at(19 + 730)
    await t.db.update(investorProfiles).set({ verifiedAt: at(19), verificationExpiresAt: renewedUntil }).where(eq(investorProfiles.organisationId, due.organisation.id))
    expect(await warnOfLapsingVerifications(t.db, at(-31, renewedUntil))).toBe(0)
    expect(await warnOfLapsingVerifications(t.db, at(-29, renewedUntil))).toBe(4)
    const told = await warnings(due.organisation.id)
    expect(told.filter((row) => row.data.expiresDate === renewedUntil.toISOString().slice(0, 10))).toHaveLength(4)
  })

  it('leaves alone lapsed, revoked and suspended organisations, and those that already asked again', async () => {
    const lapsed = await verifiedUntil(at(-1))
    const revoked = await verifiedUntil(at(10))
    await t.db.update(investorProfiles).set({ verifiedAt: null }).where(eq(investorProfiles.organisationId, revoked.organisation.id))
    const suspended = await verifiedUntil(at(10))
    await t.db.update(organisations).set({ suspendedAt: now }).where(eq(organisations.id, suspended.organisation.id))
    const renewing = await verifiedUntil(at(10))
    const [request] = await t.db
      .insert(investorVerificationRequests)
      .values({ organisationId: renewing.organisation.id, category: 'sophisticated', riskAcknowledgedAt: now, requestedBy: renewing.owner.id })
      .returning()
    expect(await warnOfLapsingVerifications(t.db, now)).toBe(0)
    for (const organisation of [lapsed, revoked, suspended, renewing]) expect(await warnings(organisation.organisation.id)).toEqual([])

    // Should the renewal be declined, the warning follows on the next run.
    await t.db.update(investorVerificationRequests).set({ status: 'declined', decidedAt: now, reason: 'Missing documents' }).where(eq(investorVerificationRequests.id, request!.id))
    expect(await warnOfLapsingVerifications(t.db, at(1))).toBe(1)
    expect(await warnings(renewing.organisation.id)).toHaveLength(1)
  })

  it('runs as the daily job, on today’s date', async () => {
    const soon = await verifiedUntil(new Date(Date.now() + 10 * DAY))
    await taskHandlers['investors.lapse-warning'](testJobContext(t.db), {})
    expect(await warnings(soon.organisation.id)).toHaveLength(1)
  })
})
