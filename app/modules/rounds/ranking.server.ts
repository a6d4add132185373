/**
 * The reviews of a round as the ranking counts them, read from the database: submitted reviews
 * of jurors still on the jury (an accepted seat, not removed) who are not excluded from the
 * application by a conflict as things stand now. The arithmetic is in ranking.ts.
 */
import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm'
import type { Locale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { applications, reviews, roundJurors, type reviewScores } from '../../../db/schema'
import type { Round } from './access.server'
import { conflictTable, type ConflictTable } from './conflicts.server'
import type { ScoredReview } from './ranking'
import { criteriaOf, jurorNumbers, scoresOf, type CriterionView } from './reviews.server'

export interface SubmittedReview {
  id: string
  applicationId: string
  jurorId: string
  submittedAt: Date
  scores: (typeof reviewScores.$inferSelect)[]
  /** False when the juror is now excluded from the application: shown to organisers, never counted. */
  counted: boolean
}

export interface RoundReviews {
  criteria: CriterionView[]
  /** The round's applications that are not withdrawn, oldest first. */
  applications: (typeof applications.$inferSelect)[]
  /** Accepted seats not removed, in juror-number order. */
  seats: (typeof roundJurors.$inferSelect & { number: number })[]
  conflicts: ConflictTable
  submitted: SubmittedReview[]
  /** Drafts (started, not submitted) per application id. */
  drafts: Map<string, number>
  /** The submitted, counted reviews in the ranking's shape. */
  scored: ScoredReview[]
}

export async function roundReviews(db: DbOrTx, round: Round, locale: Locale): Promise<RoundReviews> {
  const [criteria, applicationRows, seatRows, numbers] = await Promise.all([
    criteriaOf(db, round.id, locale),
    db
      .select()
      .from(applications)
      .where(and(eq(applications.roundId, round.id), ne(applications.status, 'withdrawn')))
      .orderBy(asc(applications.submittedAt), asc(applications.id)),
    db
      .select()
      .from(roundJurors)
      .where(and(eq(roundJurors.roundId, round.id), isNotNull(roundJurors.acceptedAt), isNull(roundJurors.removedAt))),
    jurorNumbers(db, round.id),
  ])
  const seats = seatRows.map((seat) => ({ ...seat, number: numbers.get(seat.id) ?? 0 })).sort((a, b) => a.number - b.number)
  const reviewRows =
    applicationRows.length && seats.length
      ? await db
          .select()
          .from(reviews)
          .where(and(inArray(reviews.applicationId, applicationRows.map((a) => a.id)), inArray(reviews.jurorId, seats.map((s) => s.id))))
      : []
  const [conflicts, scores] = await Promise.all([
    conflictTable(db, seats, applicationRows, locale),
    scoresOf(db, reviewRows.filter((r) => r.submittedAt).map((r) => r.id)),
  ])
  const drafts = new Map<string, number>()
  for (const review of reviewRows.filter((r) => !r.submittedAt)) drafts.set(review.applicationId, (drafts.get(review.applicationId) ?? 0) + 1)
  const submitted = reviewRows
    .filter((review) => review.submittedAt)
    .map((review) => {
      const list = scores.get(review.id) ?? []
      const complete = criteria.every((criterion) => list.some((s) => s.criterionId === criterion.id))
      return {
        id: review.id,
        applicationId: review.applicationId,
        jurorId: review.jurorId,
        submittedAt: review.submittedAt!,
        scores: list,
        counted: complete && !conflicts.of(review.jurorId, review.applicationId).excluded,
      }
    })
    .sort((a, b) => seats.findIndex((s) => s.id === a.jurorId) - seats.findIndex((s) => s.id === b.jurorId))
  const scored = submitted
    .filter((review) => review.counted)
    .map((review) => ({ applicationId: review.applicationId, jurorId: review.jurorId, scores: Object.fromEntries(review.scores.map((s) => [s.criterionId, s.score])) }))
  return { criteria, applications: applicationRows, seats, conflicts, submitted, drafts, scored }
}
