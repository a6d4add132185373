/**
 * The organiser dashboard of a round: applications received per day (in the viewer's time zone),
 * eligibility failures by rule (distinct startups turned away by each rule), the distribution of
 * each juror's scores in the reviews the ranking counts, the shortlist with its commitments and matched amounts, the pool
 * used and left, and the cross-border share of the commitments (euros from Spanish investors into
 * Portuguese startups, the other way, other cross-border, domestic). The caller has checked that
 * the actor organises the round.
 */
import { eq } from 'drizzle-orm'
import type { Locale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { applications, eligibilityChecks } from '../../../db/schema'
import type { Round } from './access.server'
import { roundPool, shortlistMatches, type PledgeView, type ShortlistMatch } from './commitments.server'
import type { PoolTotals } from './matching'
import { roundReviews } from './ranking.server'
import { eligibilityRules, type EligibilityRule, type JurorKind } from './taxonomy'

/** At most this many days on the applications chart (the latest ones). */
const MAX_DAYS = 366

export interface DayCount {
  /** YYYY-MM-DD in the viewer's time zone. */
  day: string
  count: number
}

export interface JurorScores {
  id: string
  name: string
  kind: JurorKind
  /** Reviews that count in the ranking. */
  reviews: number
  /** How many criterion scores of each value: counts[0] for 1, up to the round's scale. */
  counts: number[]
  mean: number | null
}

export interface CrossBorderShare {
  esToPtCents: number
  ptToEsCents: number
  otherCrossBorderCents: number
  domesticCents: number
  totalCents: number
}

/** A YYYY-MM-DD key of `date` in `timeZone`. */
export function dayIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/** Applications received per day, every day from the opening to the close (or today), zeros included. */
export function countPerDay(submitted: Date[], window: { opensAt: Date; closesAt: Date }, timeZone: string, now: Date): DayCount[] {
  const counts = new Map<string, number>()
  for (const date of submitted) {
    const day = dayIn(date, timeZone)
    counts.set(day, (counts.get(day) ?? 0) + 1)
  }
  const lastMoment = new Date(Math.min(window.closesAt.getTime() - 1, now.getTime()))
  const keys = [...counts.keys()].sort()
  let first = dayIn(window.opensAt, timeZone)
  let last = dayIn(lastMoment, timeZone)
  if (keys.length > 0) {
    if (keys[0]! < first) first = keys[0]!
    if (keys.at(-1)! > last) last = keys.at(-1)!
  }
  const days: DayCount[] = []
  for (let day = first; day <= last; day = nextDay(day)) days.push({ day, count: counts.get(day) ?? 0 })
  return days.slice(-MAX_DAYS)
}

async function applicationFigures(db: DbOrTx, round: Round, timeZone: string, now: Date) {
  const rows = await db
    .select({ status: applications.status, submittedAt: applications.submittedAt })
    .from(applications)
    .where(eq(applications.roundId, round.id))
  const count = (status: string) => rows.filter((row) => row.status === status).length
  return {
    total: rows.length,
    withdrawn: count('withdrawn'),
    shortlisted: count('shortlisted'),
    declined: count('declined'),
    perDay: countPerDay(
      rows.map((row) => row.submittedAt),
      round,
      timeZone,
      now,
    ),
  }
}

async function eligibilityFigures(db: DbOrTx, roundId: string) {
  const checks = await db
    .select({ startupId: eligibilityChecks.startupOrganisationId, eligible: eligibilityChecks.eligible, result: eligibilityChecks.result })
    .from(eligibilityChecks)
    .where(eq(eligibilityChecks.roundId, roundId))
  const failing = new Map<EligibilityRule, Set<string>>(eligibilityRules.map((rule) => [rule, new Set()]))
  for (const check of checks) {
    for (const verdict of check.result.verdicts) if (!verdict.passed) failing.get(verdict.rule)?.add(check.startupId)
  }
  return {
    checks: checks.length,
    startupsChecked: new Set(checks.map((check) => check.startupId)).size,
    startupsEligible: new Set(checks.filter((check) => check.eligible).map((check) => check.startupId)).size,
    failures: eligibilityRules.map((rule) => ({ rule, startups: failing.get(rule)!.size })),
  }
}

/**
 * Each juror's distribution of scores over the reviews the ranking counts (roundReviews: submitted,
 * complete, by a juror still on the jury and not excluded from the application now), so a conflict
 * declared or detected after a review takes that review out of the distribution as it does out of
 * the ranking. Jurors are the seats roundReviews keeps, by name.
 */
async function jurorFigures(db: DbOrTx, round: Round, locale: Locale): Promise<JurorScores[]> {
  const { seats, submitted } = await roundReviews(db, round, locale)
  const counted = submitted.filter((review) => review.counted)
  return [...seats]
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map((seat) => {
      const own = counted.filter((review) => review.jurorId === seat.id)
      const scores = own.flatMap((review) => review.scores.map((s) => s.score))
      const counts = Array.from({ length: round.scoreScale }, (_, index) => scores.filter((score) => score === index + 1).length)
      return {
        id: seat.id,
        name: seat.name,
        kind: seat.kind,
        reviews: own.length,
        counts,
        mean: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
      }
    })
}

function crossBorderShare(commitments: { investorCountry: string; startupCountry: string; amountCents: number }[]): CrossBorderShare {
  const share: CrossBorderShare = { esToPtCents: 0, ptToEsCents: 0, otherCrossBorderCents: 0, domesticCents: 0, totalCents: 0 }
  for (const { investorCountry, startupCountry, amountCents } of commitments) {
    share.totalCents += amountCents
    if (investorCountry === startupCountry) share.domesticCents += amountCents
    else if (investorCountry === 'ES' && startupCountry === 'PT') share.esToPtCents += amountCents
    else if (investorCountry === 'PT' && startupCountry === 'ES') share.ptToEsCents += amountCents
    else share.otherCrossBorderCents += amountCents
  }
  return share
}

export interface RoundDashboard {
  applications: Awaited<ReturnType<typeof applicationFigures>>
  eligibility: Awaited<ReturnType<typeof eligibilityFigures>>
  scoreScale: number
  jurors: JurorScores[]
  shortlist: ShortlistMatch[]
  pool: PoolTotals & { pledges: PledgeView[] }
  crossBorder: CrossBorderShare
}

export async function roundDashboard(db: DbOrTx, round: Round, options: { timeZone: string; locale: Locale; now?: Date }): Promise<RoundDashboard> {
  const now = options.now ?? new Date()
  const [applicationStats, eligibility, jurors, pool] = await Promise.all([
    applicationFigures(db, round, options.timeZone, now),
    eligibilityFigures(db, round.id),
    jurorFigures(db, round, options.locale),
    roundPool(db, round),
  ])
  const shortlist = await shortlistMatches(db, pool, options.locale)
  const countryOf = new Map(pool.shortlist.map((entry) => [entry.applicationId, entry.country]))
  return {
    applications: applicationStats,
    eligibility,
    scoreScale: round.scoreScale,
    jurors,
    shortlist,
    pool: { ...pool.matching.totals, pledges: pool.pledges },
    crossBorder: crossBorderShare(pool.commitments.map((c) => ({ investorCountry: c.investorCountry, startupCountry: countryOf.get(c.applicationId)!, amountCents: c.amountCents }))),
  }
}
