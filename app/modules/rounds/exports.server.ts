/**
 * CSV exports of a round for its organisers (the caller has checked that the actor organises the
 * round): its applications with their answers, the jurors' submitted scores, and the round
 * commitments. Same format as the catalogue export: UTF-8 with a byte order mark, amounts in euros,
 * times in UTC (ISO 8601), codes rather than labels, titles and names in English where there are
 * several languages.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { euros, timestamp, toCsv } from '~/modules/imports/export.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { DbOrTx } from '../../../db/client'
import {
  applicationAnswers,
  applications,
  organisations,
  poolPledges,
  reviews,
  reviewScores,
  roundCommitments,
  roundCriteria,
  roundJurors,
  roundQuestions,
  startupProfiles,
} from '../../../db/schema'
import type { Round } from './access.server'
import { publishedTitles } from './commitments.server'
import type { RoundExport } from './exports'

const investorOrg = alias(organisations, 'investor_org')

export const applicationColumns = [
  'application_id',
  'status',
  'startup_key',
  'startup_name',
  'startup_country',
  'startup_region',
  'proposal_id',
  'proposal_title',
  'eligible',
  'failed_rules',
  'submitted_at',
  'updated_at',
  'withdrawn_at',
  'decided_at',
  'outcome_sent_at',
  'feedback',
] as const

/** Every application, in the order received, with one `answer_N` column per question (N its position from 1). */
async function applicationsCsv(db: DbOrTx, round: Round): Promise<string> {
  const [rows, questions] = await Promise.all([
    db
      .select({ application: applications, slug: organisations.slug, name: organisations.name, country: organisations.country, region: startupProfiles.region })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.startupOrganisationId))
      .leftJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
      .where(eq(applications.roundId, round.id))
      .orderBy(asc(applications.submittedAt), asc(applications.id)),
    db.select({ id: roundQuestions.id }).from(roundQuestions).where(eq(roundQuestions.roundId, round.id)).orderBy(asc(roundQuestions.position)),
  ])
  const ids = rows.map((row) => row.application.id)
  const [answers, titles] = await Promise.all([
    ids.length === 0 ? [] : db.select().from(applicationAnswers).where(inArray(applicationAnswers.applicationId, ids)),
    publishedTitles(
      db,
      rows.map((row) => row.application.proposalId),
      'en',
    ),
  ])
  const answerOf = (applicationId: string, questionId: string) => {
    const answer = answers.find((a) => a.applicationId === applicationId && a.questionId === questionId)
    return answer ? (answer.text ?? answer.number ?? answer.fileName) : null
  }
  return toCsv(
    [...applicationColumns, ...questions.map((_, index) => `answer_${index + 1}`)],
    rows.map(({ application: a, slug, name, country, region }) => [
      a.id,
      a.status,
      slug,
      name,
      country,
      region,
      a.proposalId,
      titles.get(a.proposalId),
      a.eligibility.eligible ? 'yes' : 'no',
      a.eligibility.verdicts
        .filter((verdict) => !verdict.passed)
        .map((verdict) => verdict.rule)
        .join(';'),
      timestamp(a.submittedAt),
      timestamp(a.updatedAt),
      timestamp(a.withdrawnAt),
      timestamp(a.decidedAt),
      timestamp(a.outcomeSentAt),
      a.feedback,
      ...questions.map((question) => answerOf(a.id, question.id)),
    ]),
  )
}

export const scoreColumns = [
  'application_id',
  'startup_name',
  'juror_name',
  'juror_email',
  'juror_kind',
  'criterion',
  'criterion_weight',
  'score',
  'score_scale',
  'comment',
  'shared_with_applicant',
  'submitted_at',
] as const

/** Every criterion score of every submitted review: by application, juror, then criterion. */
async function scoresCsv(db: DbOrTx, round: Round): Promise<string> {
  const rows = await db
    .select({
      applicationId: applications.id,
      startup: organisations.name,
      juror: roundJurors.name,
      email: roundJurors.email,
      kind: roundJurors.kind,
      criterion: roundCriteria.name,
      weight: roundCriteria.weight,
      score: reviewScores.score,
      comment: reviewScores.comment,
      shared: reviewScores.sharedWithApplicant,
      submittedAt: reviews.submittedAt,
    })
    .from(reviewScores)
    .innerJoin(reviews, eq(reviews.id, reviewScores.reviewId))
    .innerJoin(roundJurors, eq(roundJurors.id, reviews.jurorId))
    .innerJoin(roundCriteria, eq(roundCriteria.id, reviewScores.criterionId))
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.startupOrganisationId))
    .where(and(eq(applications.roundId, round.id), isNotNull(reviews.submittedAt)))
    .orderBy(asc(applications.submittedAt), asc(applications.id), asc(roundJurors.name), asc(roundJurors.id), asc(roundCriteria.position))
  return toCsv(
    scoreColumns,
    rows.map((row) => [
      row.applicationId,
      row.startup,
      row.juror,
      row.email,
      row.kind,
      pickLocalizedText(row.criterion, 'en')?.text,
      row.weight,
      row.score,
      round.scoreScale,
      row.comment,
      row.shared ? 'yes' : 'no',
      timestamp(row.submittedAt),
    ]),
  )
}

export const commitmentColumns = [
  'application_id',
  'startup_name',
  'startup_country',
  'investor_name',
  'investor_country',
  'matching_fund',
  'amount_eur',
  'status',
  'recorded_at',
  'changed_at',
  'withdrawn_at',
] as const

/** Every round commitment, withdrawn ones included, in the order recorded. */
async function commitmentsCsv(db: DbOrTx, round: Round): Promise<string> {
  const rows = await db
    .select({
      commitment: roundCommitments,
      startup: organisations.name,
      startupCountry: organisations.country,
      investor: investorOrg.name,
      investorCountry: investorOrg.country,
      fund: poolPledges.matchesCommitments,
    })
    .from(roundCommitments)
    .innerJoin(applications, eq(applications.id, roundCommitments.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.startupOrganisationId))
    .innerJoin(investorOrg, eq(investorOrg.id, roundCommitments.investorOrganisationId))
    .leftJoin(poolPledges, and(eq(poolPledges.roundId, applications.roundId), eq(poolPledges.investorOrganisationId, roundCommitments.investorOrganisationId)))
    .where(eq(applications.roundId, round.id))
    .orderBy(asc(roundCommitments.createdAt), asc(roundCommitments.id))
  return toCsv(
    commitmentColumns,
    rows.map(({ commitment: c, startup, startupCountry, investor, investorCountry, fund }) => [
      c.applicationId,
      startup,
      startupCountry,
      investor,
      investorCountry,
      fund ? 'yes' : 'no',
      euros(c.amountCents),
      c.withdrawnAt ? 'withdrawn' : 'active',
      timestamp(c.createdAt),
      timestamp(c.updatedAt),
      timestamp(c.withdrawnAt),
    ]),
  )
}

const writers: Record<RoundExport, (db: DbOrTx, round: Round) => Promise<string>> = {
  applications: applicationsCsv,
  scores: scoresCsv,
  commitments: commitmentsCsv,
}

/** One of the round's CSV files. */
export function exportRoundCsv(db: DbOrTx, round: Round, which: RoundExport): Promise<string> {
  return writers[which](db, round)
}
