/**
 * The warning before a verification lapses: a daily job tells the members of every verified
 * investor organisation whose verification ends within LAPSE_WARNING_DAYS (in the app, and by
 * email per their settings), linking to the verification page where an owner or admin asks to
 * renew. Each person is told once per expiry: the notification's data (organisation and expiry
 * day) is the record, so a renewal's new expiry is warned about again, two years later.
 *
 * Not warned: organisations that already asked again (a pending request; warned if it is
 * declined before the lapse), suspended ones, and verifications already lapsed or revoked.
 * The lapse itself needs no job: verificationHolds compares the expiry with the time of each read.
 */
import { and, eq, gt, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { investorProfiles, investorVerificationRequests, memberships, notifications, organisations } from '../../../db/schema'
import type { JobHandler } from '../jobs/worker.server'
import { notify } from '../notifications/notify.server'

/** Days before the expiry at which members are warned. */
export const LAPSE_WARNING_DAYS = 30

/** The expiry's calendar day (UTC), as the verification page shows it. */
const expiryDay = sql<string>`to_char(${investorProfiles.verificationExpiresAt} at time zone 'UTC', 'YYYY-MM-DD')`

/** Warns the members of organisations whose verification lapses within LAPSE_WARNING_DAYS of `now`; returns how many people. */
export async function warnOfLapsingVerifications(db: Db, now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + LAPSE_WARNING_DAYS * 86_400_000)
  return db.transaction(async (tx) => {
    // One run at a time, so two workers never warn the same person twice.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('investors.lapse-warning'))`)
    const due = await tx
      .select({ organisationId: organisations.id, name: organisations.name, slug: organisations.slug, expiresDate: expiryDay, userId: memberships.userId })
      .from(investorProfiles)
      .innerJoin(organisations, eq(organisations.id, investorProfiles.organisationId))
      .innerJoin(memberships, eq(memberships.organisationId, organisations.id))
      .where(
        and(
          eq(organisations.kind, 'investor'),
          isNull(organisations.suspendedAt),
          isNotNull(investorProfiles.verifiedAt),
          gt(investorProfiles.verificationExpiresAt, now),
          lte(investorProfiles.verificationExpiresAt, until),
          sql`not exists (select 1 from ${investorVerificationRequests} r where r.organisation_id = ${organisations.id} and r.status = 'pending')`,
          sql`not exists (select 1 from ${notifications} n where n.user_id = ${memberships.userId} and n.kind = 'verification.decided'
                and n.data ->> 'context' = 'expiring' and n.data ->> 'organisationId' = ${organisations.id}::text and n.data ->> 'expiresDate' = ${expiryDay})`,
        ),
      )
    const byOrganisation = new Map<string, { name: string; slug: string; expiresDate: string; userIds: string[] }>()
    for (const row of due) {
      const entry = byOrganisation.get(row.organisationId) ?? { name: row.name, slug: row.slug, expiresDate: row.expiresDate, userIds: [] }
      entry.userIds.push(row.userId)
      byOrganisation.set(row.organisationId, entry)
    }
    for (const [organisationId, { name, slug, expiresDate, userIds }] of byOrganisation) {
      await notify(tx, {
        userIds,
        kind: 'verification.decided',
        // `context` picks the warning's texts (title_expiring, ...); `expiresDate` is shown in each reader's way.
        data: { context: 'expiring', organisation: name, organisationId, expiresDate },
        link: `/organisations/${slug}/verification`,
      })
    }
    return due.length
  })
}

/** Daily cron job 'investors.lapse-warning'. */
export const lapseWarningJob: JobHandler<'investors.lapse-warning'> = async (ctx) => {
  await warnOfLapsingVerifications(ctx.db)
}
