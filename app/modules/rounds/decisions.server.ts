/**
 * The organiser's side of the review: the ranking board (raw and normalised, every review and
 * who is excluded from what), a decision per application (shortlist or decline, with written
 * feedback and the juror comments chosen to share with the applicant), and sending the
 * outcomes: the round moves from under review to shortlisted and every applicant is emailed,
 * once. The applicant then reads the same on its round page (applications.server.ts).
 */
import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { notFound } from '~/modules/accounts/guards.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { Locale } from '~/modules/i18n/locales'
import { memberIdsOf } from '~/modules/interests/parties.server'
import { enqueue } from '~/modules/jobs/queue.server'
import type { Db, DbOrTx } from '../../../db/client'
import { applications, organisations, reviews, reviewScores, roundCriteria, roundJurors, rounds } from '../../../db/schema'
import { requireRoundOrganiser } from './access.server'
import type { AutomaticConflict } from './conflicts.server'
import { publishedTitles } from './commitments.server'
import { RoundRuleError } from './round-rule-error'
import { transitionRound } from './lifecycle.server'
import { commentKey, type DecisionInput } from './jury-schemas'
import { rankApplications, weightedScore, type JurorStatistics } from './ranking'
import { roundReviews } from './ranking.server'
import { jurorNumbers, roundSummary, UNSCORED } from './reviews.server'

export interface BoardScore {
  criterionId: string
  score: number
  comment: string
  shared: boolean
}

export interface BoardReview {
  id: string
  juror: number
  jurorName: string
  weighted: number | null
  /** The review's z-score against its juror; null when not counted. */
  z: number | null
  /** False when the juror is now excluded from the application (a conflict): not in the ranking. */
  counted: boolean
  scores: BoardScore[]
}

export interface BoardApplication {
  id: string
  startup: string
  proposal: string
  status: 'submitted' | 'shortlisted' | 'declined'
  feedback: string | null
  decidedAt: Date | null
  outcomeSentAt: Date | null
  raw: number | null
  normalised: number | null
  rawRank: number | null
  normalisedRank: number | null
  reviews: BoardReview[]
  /** Reviews started and not submitted yet. */
  drafts: number
  excluded: { juror: number; name: string; automatic: AutomaticConflict[]; declared: string | null }[]
}

export interface BoardJuror extends Omit<JurorStatistics, 'jurorId'> {
  id: string
  number: number
  name: string
  kind: 'investor' | 'independent'
  organisation: string | null
}

/** The review page of a round for its organisers (a 404 for anyone else). */
export async function reviewBoard(db: DbOrTx, actor: Actor, slug: string, locale: Locale) {
  const round = await requireRoundOrganiser(db, actor, slug)
  const data = await roundReviews(db, round, locale)
  const ranking = rankApplications(
    data.applications.map((a) => a.id),
    data.criteria,
    data.scored,
  )
  const [startups, titles, investorNames] = await Promise.all([
    data.applications.length
      ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, data.applications.map((a) => a.startupOrganisationId)))
      : Promise.resolve([]),
    publishedTitles(db, data.applications.map((a) => a.proposalId), locale),
    organisationNames(db, data.seats.map((s) => s.investorOrganisationId)),
  ])
  const seatOf = new Map(data.seats.map((seat) => [seat.id, seat]))
  const boardApplications = data.applications.map((application, index): BoardApplication => {
    const ranked = ranking.applications[index]!
    return {
      id: application.id,
      startup: startups.find((s) => s.id === application.startupOrganisationId)?.name ?? '',
      proposal: titles.get(application.proposalId) ?? '',
      status: application.status as BoardApplication['status'],
      feedback: application.feedback,
      decidedAt: application.decidedAt,
      outcomeSentAt: application.outcomeSentAt,
      raw: ranked.raw,
      normalised: ranked.normalised,
      rawRank: ranked.rawRank,
      normalisedRank: ranked.normalisedRank,
      reviews: data.submitted
        .filter((review) => review.applicationId === application.id)
        .map((review) => {
          const seat = seatOf.get(review.jurorId)!
          const figures = ranked.reviews.find((f) => f.jurorId === review.jurorId)
          return {
            id: review.id,
            juror: seat.number,
            jurorName: seat.name,
            weighted: review.counted ? weightedScore(Object.fromEntries(review.scores.map((s) => [s.criterionId, s.score])), data.criteria) : null,
            z: figures?.z ?? null,
            counted: review.counted,
            scores: review.scores.map((s) => ({ criterionId: s.criterionId, score: s.score, comment: s.comment, shared: s.sharedWithApplicant })),
          }
        }),
      drafts: data.drafts.get(application.id) ?? 0,
      excluded: data.seats
        .map((seat) => ({ seat, conflict: data.conflicts.of(seat.id, application.id) }))
        .filter(({ conflict }) => conflict.excluded)
        .map(({ seat, conflict }) => ({
          juror: seat.number,
          name: seat.name,
          automatic: conflict.automatic,
          declared: conflict.declaration?.conflicted ? (conflict.declaration.reason ?? '') : null,
        })),
    }
  })
  const jurors = data.seats.map((seat): BoardJuror => {
    const stats = ranking.jurors.find((j) => j.jurorId === seat.id)
    return {
      id: seat.id,
      number: seat.number,
      name: seat.name,
      kind: seat.kind,
      organisation: seat.investorOrganisationId ? (investorNames.get(seat.investorOrganisationId) ?? null) : null,
      reviews: stats?.reviews ?? 0,
      mean: stats?.mean ?? 0,
      sd: stats?.sd ?? 0,
      neutral: stats?.neutral ?? true,
    }
  })
  const undecided = boardApplications.filter((a) => a.status === 'submitted').length
  return {
    round: roundSummary(round, locale),
    criteria: data.criteria,
    applications: boardApplications,
    jurors,
    undecided,
    canDecide: round.status === 'under_review',
  }
}

async function organisationNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, wanted))
  return new Map(rows.map((row) => [row.id, row.name]))
}

/**
 * Shortlists or declines an application with written feedback, and marks which juror comments
 * go to the applicant (only comments of counted, submitted reviews of this application). May be
 * changed until the outcomes are sent.
 */
export async function decideApplication(db: Db, actor: Actor, slug: string, input: DecisionInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await requireRoundOrganiser(tx, actor, slug)
    if (round.status !== 'under_review') throw new RoundRuleError('jury.errors.notDeciding', undefined, 409)
    const [application] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, input.applicationId), eq(applications.roundId, round.id), ne(applications.status, 'withdrawn')))
      .for('update')
    if (!application) throw notFound()
    if (application.outcomeSentAt) throw new RoundRuleError('jury.errors.alreadySent', undefined, 409)
    const data = await roundReviews(tx, round, actor.locale)
    const shareable = new Set(
      data.submitted
        .filter((review) => review.applicationId === application.id && review.counted)
        .flatMap((review) => review.scores.filter((s) => s.comment.trim() !== '').map((s) => commentKey(review.id, s.criterionId))),
    )
    const shared = new Set(input.shared)
    if ([...shared].some((key) => !shareable.has(key))) throw new RoundRuleError('jury.errors.unknownComment', undefined, 400)
    await tx
      .update(applications)
      .set({ status: input.decision, feedback: input.feedback, decidedBy: actor.userId, decidedAt: now, updatedAt: now })
      .where(eq(applications.id, application.id))
    const reviewIds = (await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.applicationId, application.id))).map((r) => r.id)
    if (reviewIds.length) await tx.update(reviewScores).set({ sharedWithApplicant: false }).where(inArray(reviewScores.reviewId, reviewIds))
    for (const key of shared) {
      const [reviewId, criterionId] = key.split(':') as [string, string]
      await tx
        .update(reviewScores)
        .set({ sharedWithApplicant: true })
        .where(and(eq(reviewScores.reviewId, reviewId), eq(reviewScores.criterionId, criterionId)))
    }
  })
}

/**
 * Sends the outcomes: every application still in the round must be decided. The round becomes
 * shortlisted, each application's outcome is marked sent, and one email per member of each
 * applicant startup is queued (in the member's language) — all in one transaction, so a second
 * click finds the round shortlisted and sends nothing. Returns how many applications were told.
 */
export async function sendOutcomes(db: Db, actor: Actor, slug: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const found = await requireRoundOrganiser(tx, actor, slug)
    const [round] = await tx.select().from(rounds).where(eq(rounds.id, found.id)).for('update')
    if (round!.status !== 'under_review') throw new RoundRuleError('jury.errors.notDeciding', undefined, 409)
    const rows = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.roundId, round!.id), ne(applications.status, 'withdrawn')))
      .for('update')
    const undecided = rows.filter((row) => row.status === 'submitted').length
    if (undecided > 0) throw new RoundRuleError('jury.errors.undecided', undefined, 409)
    await transitionRound(tx, actor, round!, 'shortlisted', now)
    const unsent = rows.filter((row) => !row.outcomeSentAt)
    for (const application of unsent) {
      await tx.update(applications).set({ outcomeSentAt: now }).where(eq(applications.id, application.id))
      for (const userId of await memberIdsOf(tx, application.startupOrganisationId)) {
        await enqueue(tx, 'email.round-outcome', { applicationId: application.id, userId }, { jobKey: `round-outcome:${application.id}:${userId}` })
      }
    }
    return unsent.length
  })
}

export interface SharedComment {
  /** The anonymised juror: "Juror {{number}}". */
  juror: number
  criterion: string
  comment: string
}

/** The juror comments shared with an application's applicant, by juror number then criterion. */
export async function sharedCommentsOf(db: DbOrTx, roundId: string, applicationId: string, locale: Locale): Promise<SharedComment[]> {
  const rows = await db
    .select({ jurorId: reviews.jurorId, criterion: roundCriteria.name, comment: reviewScores.comment, score: reviewScores.score })
    .from(reviewScores)
    .innerJoin(reviews, eq(reviews.id, reviewScores.reviewId))
    .innerJoin(roundCriteria, eq(roundCriteria.id, reviewScores.criterionId))
    .innerJoin(roundJurors, eq(roundJurors.id, reviews.jurorId))
    .where(and(eq(reviews.applicationId, applicationId), isNotNull(reviews.submittedAt), eq(reviewScores.sharedWithApplicant, true), isNull(roundJurors.removedAt)))
    .orderBy(asc(roundCriteria.position))
  const numbers = await jurorNumbers(db, roundId)
  return rows
    .filter((row) => row.score !== UNSCORED && row.comment.trim() !== '')
    .map((row) => ({ juror: numbers.get(row.jurorId) ?? 0, criterion: pickLocalizedText(row.criterion, locale)?.text ?? '', comment: row.comment }))
    .sort((a, b) => a.juror - b.juror)
}
