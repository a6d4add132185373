/**
 * The jury's side of a round: the rounds a person reviews for, the applications with where the
 * juror stands on each, one application to read and score, and saving a review.
 *
 * Rules, all decided here on the server:
 * - a juror sees the round's applications that are not withdrawn; for one they are excluded
 *   from (conflicts.server.ts) they see the startup, the proposal's title and why, nothing else:
 *   no answers, no scores (not even their own);
 * - scoring needs a "no conflict" declaration first, and the round under review;
 * - a draft may leave scores out; submitting needs a score 1..scale for every criterion, and a
 *   submitted review is final;
 * - the other jurors' submitted scores of an application are shown once the juror submitted
 *   their own, leaving out jurors excluded from it.
 *
 * A draft keeps a criterion that has a comment but no score yet with score 0 (UNSCORED):
 * review_scores.score is required, and a comment typed before a score must not be lost.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { Locale } from '~/modules/i18n/locales'
import { publishedTitles } from './commitments.server'
import { publishedSourceOf, verifiedTier } from '~/modules/proposals/disclosure.server'
import { verifiedPageProposal, type VerifiedPageProposal } from '~/modules/proposals/proposal-page.server'
import type { Db, DbOrTx } from '../../../db/client'
import {
  applicationAnswers,
  applications,
  organisations,
  reviews,
  reviewScores,
  roundCriteria,
  roundJurors,
  roundQuestions,
  rounds,
} from '../../../db/schema'
import { requireJuryApplication, requireJurorSeat, type Round } from './access.server'
import { conflictOf, conflictTable, type ConflictState } from './conflicts.server'
import { RoundRuleError } from './round-rule-error'
import type { ReviewInput } from './jury-schemas'
import { weightedScore } from './ranking'
import type { QuestionKind, RoundStatus } from './taxonomy'

/** The score a draft keeps for a criterion commented on but not scored yet. */
export const UNSCORED = 0

export type JurorState = 'to_declare' | 'excluded' | 'to_score' | 'draft' | 'submitted'

export interface RoundSummary {
  slug: string
  name: string
  status: RoundStatus
  scoreScale: number
  closesAt: Date
  timeZone: string
}

export interface CriterionView {
  id: string
  name: string
  description: string
  weight: number
}

export interface ScoreView {
  criterionId: string
  /** null: not scored yet (drafts only). */
  score: number | null
  comment: string
}

export function roundSummary(round: Round, locale: Locale): RoundSummary {
  return {
    slug: round.slug,
    name: pickLocalizedText(round.name, locale)?.text ?? round.slug,
    status: round.status,
    scoreScale: round.scoreScale,
    closesAt: round.closesAt,
    timeZone: round.timeZone,
  }
}

/** The round's criteria in order, named in `locale`. */
export async function criteriaOf(db: DbOrTx, roundId: string, locale: Locale): Promise<CriterionView[]> {
  const rows = await db.select().from(roundCriteria).where(eq(roundCriteria.roundId, roundId)).orderBy(asc(roundCriteria.position))
  return rows.map((row) => ({
    id: row.id,
    name: pickLocalizedText(row.name, locale)?.text ?? '',
    description: pickLocalizedText(row.description, locale)?.text ?? '',
    weight: row.weight,
  }))
}

/**
 * "Juror 1", "Juror 2"…: each seat's number in the round, in the order the jurors were invited
 * (removed seats keep theirs, so numbers never shift). Used wherever jurors are anonymised.
 */
export async function jurorNumbers(db: DbOrTx, roundId: string): Promise<Map<string, number>> {
  const rows = await db.select({ id: roundJurors.id }).from(roundJurors).where(eq(roundJurors.roundId, roundId)).orderBy(asc(roundJurors.invitedAt), asc(roundJurors.id))
  return new Map(rows.map((row, index) => [row.id, index + 1]))
}

/** The scores of reviews, by review id, in criterion order. */
export async function scoresOf(db: DbOrTx, reviewIds: string[]): Promise<Map<string, (typeof reviewScores.$inferSelect)[]>> {
  const rows = reviewIds.length
    ? await db
        .select({ score: reviewScores })
        .from(reviewScores)
        .innerJoin(roundCriteria, eq(roundCriteria.id, reviewScores.criterionId))
        .where(inArray(reviewScores.reviewId, reviewIds))
        .orderBy(asc(roundCriteria.position))
    : []
  const byReview = new Map<string, (typeof reviewScores.$inferSelect)[]>()
  for (const { score } of rows) byReview.set(score.reviewId, [...(byReview.get(score.reviewId) ?? []), score])
  return byReview
}

function stateOf(conflict: ConflictState, review: { submittedAt: Date | null } | undefined): JurorState {
  if (conflict.excluded) return 'excluded'
  if (!conflict.declaration) return 'to_declare'
  if (!review) return 'to_score'
  return review.submittedAt ? 'submitted' : 'draft'
}

export interface JuryRoundEntry extends RoundSummary {
  applications: number
  submitted: number
}

/** The rounds where the actor has an accepted seat, the latest deadline first, with their progress. */
export async function juryRoundsOf(db: DbOrTx, actor: Actor, locale: Locale): Promise<JuryRoundEntry[]> {
  const seats = await db
    .select({ seatId: roundJurors.id, round: rounds })
    .from(roundJurors)
    .innerJoin(rounds, eq(rounds.id, roundJurors.roundId))
    .where(and(eq(roundJurors.userId, actor.userId), isNotNull(roundJurors.acceptedAt), isNull(roundJurors.removedAt)))
    .orderBy(desc(rounds.closesAt))
  if (seats.length === 0) return []
  const [applicationCounts, submittedCounts] = await Promise.all([
    db
      .select({ roundId: applications.roundId, n: count() })
      .from(applications)
      .where(and(inArray(applications.roundId, seats.map((s) => s.round.id)), ne(applications.status, 'withdrawn')))
      .groupBy(applications.roundId),
    db
      .select({ jurorId: reviews.jurorId, n: count() })
      .from(reviews)
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .where(and(inArray(reviews.jurorId, seats.map((s) => s.seatId)), isNotNull(reviews.submittedAt), ne(applications.status, 'withdrawn')))
      .groupBy(reviews.jurorId),
  ])
  return seats.map(({ seatId, round }) => ({
    ...roundSummary(round, locale),
    applications: applicationCounts.find((row) => row.roundId === round.id)?.n ?? 0,
    submitted: submittedCounts.find((row) => row.jurorId === seatId)?.n ?? 0,
  }))
}

export interface JuryApplicationEntry {
  id: string
  startup: string
  proposal: string
  submittedAt: Date
  state: JurorState
  conflict: ConflictState
}

/** A round for one of its jurors: the applications (not withdrawn) and where the juror stands on each. */
export async function juryRound(db: DbOrTx, actor: Actor, slug: string, locale: Locale) {
  const { round, seat } = await requireJurorSeat(db, actor, slug)
  const rows = await db
    .select({ id: applications.id, startupOrganisationId: applications.startupOrganisationId, proposalId: applications.proposalId, submittedAt: applications.submittedAt, startup: organisations.name })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.startupOrganisationId))
    .where(and(eq(applications.roundId, round.id), ne(applications.status, 'withdrawn')))
    .orderBy(asc(applications.submittedAt), asc(applications.id))
  const [titles, conflicts, own] = await Promise.all([
    publishedTitles(db, rows.map((row) => row.proposalId), locale),
    conflictTable(db, [seat], rows, locale),
    rows.length
      ? db.select({ applicationId: reviews.applicationId, submittedAt: reviews.submittedAt }).from(reviews).where(and(eq(reviews.jurorId, seat.id), inArray(reviews.applicationId, rows.map((row) => row.id))))
      : Promise.resolve([]),
  ])
  const entries = rows.map((row): JuryApplicationEntry => {
    const conflict = conflicts.of(seat.id, row.id)
    return {
      id: row.id,
      startup: row.startup,
      proposal: titles.get(row.proposalId) ?? '',
      submittedAt: row.submittedAt,
      state: stateOf(conflict, own.find((review) => review.applicationId === row.id)),
      conflict,
    }
  })
  return { round: roundSummary(round, locale), applications: entries }
}

export interface AnswerView {
  questionId: string
  label: string
  kind: QuestionKind
  /** Text, number, or the chosen option's label, as shown. */
  value: string | null
  file: { name: string } | null
}

async function answersOf(db: DbOrTx, roundId: string, applicationId: string, locale: Locale): Promise<AnswerView[]> {
  const rows = await db
    .select({ question: roundQuestions, answer: applicationAnswers })
    .from(roundQuestions)
    .leftJoin(applicationAnswers, and(eq(applicationAnswers.questionId, roundQuestions.id), eq(applicationAnswers.applicationId, applicationId)))
    .where(eq(roundQuestions.roundId, roundId))
    .orderBy(asc(roundQuestions.position))
  return rows.map(({ question, answer }) => {
    let value: string | null = null
    if (question.kind === 'number') value = answer?.number?.toString() ?? null
    else if (question.kind === 'choice') {
      const choice = question.choices.find((c) => c.value === answer?.text)
      value = choice ? (pickLocalizedText(choice.label, locale)?.text ?? choice.value) : (answer?.text ?? null)
    } else if (question.kind !== 'file') value = answer?.text ?? null
    return {
      questionId: question.id,
      label: pickLocalizedText(question.label, locale)?.text ?? '',
      kind: question.kind,
      value,
      file: question.kind === 'file' && answer?.storedFile ? { name: answer.fileName ?? answer.storedFile } : null,
    }
  })
}

export interface OtherReview {
  juror: number
  weighted: number
  scores: ScoreView[]
}

/** Everything of one application a juror who is not excluded may read. */
export interface JuryApplicationDetails {
  proposal: VerifiedPageProposal | null
  answers: AnswerView[]
  criteria: CriterionView[]
  review: { submittedAt: Date | null; scores: ScoreView[] } | null
  /** The other jurors' submitted reviews; null until the juror submitted their own. */
  others: OtherReview[] | null
}

const scoreView = (row: typeof reviewScores.$inferSelect): ScoreView => ({ criterionId: row.criterionId, score: row.score === UNSCORED ? null : row.score, comment: row.comment })

/** One application for one of the round's jurors; `details` is null when the juror is excluded. */
export async function juryApplication(db: DbOrTx, actor: Actor, slug: string, applicationId: string | undefined, locale: Locale) {
  const { round, seat, application } = await requireJuryApplication(db, actor, slug, applicationId)
  const [startup] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, application.startupOrganisationId))
  const titles = await publishedTitles(db, [application.proposalId], locale)
  const conflict = await conflictOf(db, seat, application, locale)
  const [own] = await db.select().from(reviews).where(and(eq(reviews.applicationId, application.id), eq(reviews.jurorId, seat.id)))
  const base = {
    round: roundSummary(round, locale),
    application: { id: application.id, startup: startup?.name ?? '', proposal: titles.get(application.proposalId) ?? '', submittedAt: application.submittedAt },
    state: stateOf(conflict, own),
    conflict,
    canDeclare: round.status === 'open' || round.status === 'under_review',
    canScore: round.status === 'under_review' && conflict.declaration?.conflicted === false && !conflict.excluded && !own?.submittedAt,
  }
  if (conflict.excluded) return { ...base, details: null }

  const source = await publishedSourceOf(db, application.proposalId)
  const [answers, criteria] = await Promise.all([answersOf(db, round.id, application.id, locale), criteriaOf(db, round.id, locale)])
  const ownScores = own ? ((await scoresOf(db, [own.id])).get(own.id) ?? []) : []
  const details: JuryApplicationDetails = {
    proposal: source ? verifiedPageProposal(verifiedTier(source), locale) : null,
    answers,
    criteria,
    review: own ? { submittedAt: own.submittedAt, scores: ownScores.map(scoreView) } : null,
    others: own?.submittedAt ? await otherReviews(db, round, seat.id, application, criteria, locale) : null,
  }
  return { ...base, details }
}

/** The submitted reviews of an application by the other jurors who are not excluded from it. */
async function otherReviews(
  db: DbOrTx,
  round: Round,
  seatId: string,
  application: { id: string; startupOrganisationId: string },
  criteria: CriterionView[],
  locale: Locale,
): Promise<OtherReview[]> {
  const rows = await db
    .select({ review: reviews, seat: roundJurors })
    .from(reviews)
    .innerJoin(roundJurors, eq(roundJurors.id, reviews.jurorId))
    .where(and(eq(reviews.applicationId, application.id), ne(reviews.jurorId, seatId), isNotNull(reviews.submittedAt), isNull(roundJurors.removedAt)))
  const conflicts = await conflictTable(db, rows.map((row) => row.seat), [application], locale)
  const counted = rows.filter((row) => !conflicts.of(row.seat.id, application.id).excluded)
  const [numbers, scores] = await Promise.all([jurorNumbers(db, round.id), scoresOf(db, counted.map((row) => row.review.id))])
  return counted
    .map(({ review, seat }) => {
      const list = scores.get(review.id) ?? []
      return {
        juror: numbers.get(seat.id) ?? 0,
        weighted: weightedScore(Object.fromEntries(list.map((s) => [s.criterionId, s.score])), criteria),
        scores: list.map(scoreView),
      }
    })
    .sort((a, b) => a.juror - b.juror)
}

/**
 * Saves the juror's review of an application as a draft, or submits it (final). Refused when
 * the round is not under review, the juror is excluded or has not declared, the review was
 * already submitted, or the form's criteria are not the round's.
 */
export async function saveReview(db: Db, actor: Actor, slug: string, applicationId: string | undefined, input: ReviewInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { round, seat, application } = await requireJuryApplication(tx, actor, slug, applicationId)
    if (round.status !== 'under_review') throw new RoundRuleError('jury.errors.notScoring', undefined, 409)
    const conflict = await conflictOf(tx, seat, application, actor.locale)
    if (conflict.excluded) throw new RoundRuleError('jury.errors.excluded', undefined, 403)
    if (!conflict.declaration) throw new RoundRuleError('jury.errors.declareFirst', undefined, 409)
    const criteria = await tx.select({ id: roundCriteria.id }).from(roundCriteria).where(eq(roundCriteria.roundId, round.id))
    const given = input.criteria.map((c) => c.id)
    if (given.length !== criteria.length || new Set(given).size !== given.length || !criteria.every((c) => given.includes(c.id))) {
      throw new RoundRuleError('jury.errors.criteriaChanged', undefined, 400)
    }
    // Inserting or touching the row locks it: two saves of one review run one after the other.
    const [review] = await tx
      .insert(reviews)
      .values({ applicationId: application.id, jurorId: seat.id, updatedAt: now })
      .onConflictDoUpdate({ target: [reviews.applicationId, reviews.jurorId], set: { updatedAt: now } })
      .returning()
    if (review!.submittedAt) throw new RoundRuleError('jury.errors.alreadySubmitted', undefined, 409)
    await tx.delete(reviewScores).where(eq(reviewScores.reviewId, review!.id))
    const rows = input.criteria
      .filter((c) => c.score !== undefined || c.comment)
      .map((c) => ({ reviewId: review!.id, criterionId: c.id, score: c.score ?? UNSCORED, comment: c.comment ?? '' }))
    if (rows.length) await tx.insert(reviewScores).values(rows)
    if (input.intent === 'submit') await tx.update(reviews).set({ submittedAt: now }).where(eq(reviews.id, review!.id))
  })
}
