/**
 * Cross-border joint funding rounds: a call run by an organiser organisation, with eligibility
 * rules, an application window, questions, weighted criteria, a jury, participating investors
 * pledging to a co-investment pool, applications, reviews, and round commitments that the
 * round's matching rule tops up.
 */
import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import {
  applicationStatuses,
  jurorKinds,
  questionKinds,
  roundStatuses,
  type EligibilityResult,
} from '../../app/modules/rounds/taxonomy'
import { users } from './accounts'
import { cents, createdAt, id, timestampTz } from './columns'
import { organisations } from './organisations'
import type { LocalizedText } from './profiles'
import { proposals } from './proposals'

export const roundStatusEnum = pgEnum('round_status', roundStatuses)
export const questionKindEnum = pgEnum('round_question_kind', questionKinds)
export const jurorKindEnum = pgEnum('juror_kind', jurorKinds)
export const applicationStatusEnum = pgEnum('application_status', applicationStatuses)

export const rounds = pgTable(
  'rounds',
  {
    id: id(),
    slug: text().notNull(),
    /** The organiser organisation that runs the round; its members manage it. */
    organiserOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    name: jsonb().$type<LocalizedText>().notNull(),
    description: jsonb().$type<LocalizedText>().notNull().default({}),
    status: roundStatusEnum().notNull().default('draft'),

    // Eligibility. An empty list means "any".
    /** NUTS-2 codes (ES11, PT11, ES41 ...). */
    eligibleRegions: text().array().notNull().default([]),
    /** ISO 3166-1 alpha-2 countries of the startup's seat. */
    eligibleCountries: text().array().notNull().default([]),
    eligibleSubsectors: text().array().notNull().default([]),
    eligibleStages: text().array().notNull().default([]),
    minTrl: integer(),
    amountMinCents: cents(),
    amountMaxCents: cents(),
    /** Company age in whole years at the deadline, from the startup's founding year. */
    maxCompanyAgeYears: integer(),

    /** The application window, in UTC: applications from opensAt up to (not including) closesAt. */
    opensAt: timestampTz().notNull(),
    closesAt: timestampTz().notNull(),
    /** The time zone the organiser wrote the window in (shown beside the viewer's own). */
    timeZone: text().notNull().default('Europe/Madrid'),

    /** Jurors score each criterion from 1 to scoreScale (5 or 10). */
    scoreScale: integer().notNull().default(5),

    // The co-investment pool's matching rule.
    /** Euros matched per euro committed, in percent (100 = 1:1, 50 = 1:2). */
    matchRatioPercent: integer().notNull().default(100),
    matchCapPerStartupCents: cents(),
    matchCapRoundCents: cents(),
    /** Matching applies once a startup has at least this much committed ... */
    matchMinCommittedCents: cents().notNull().default(0),
    /** ... from at least this many investors ... */
    matchMinInvestors: integer().notNull().default(1),
    /** ... with at least one investor from a country other than the startup's. */
    matchRequiresCrossBorder: boolean().notNull().default(true),

    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex('rounds_slug_key').on(t.slug), index('rounds_organiser_idx').on(t.organiserOrganisationId), index('rounds_status_idx').on(t.status)],
)

/** Every status change of a round: who and when. */
export const roundTransitions = pgTable(
  'round_transitions',
  {
    id: id(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    fromStatus: roundStatusEnum(),
    toStatus: roundStatusEnum().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('round_transitions_round_idx').on(t.roundId, t.createdAt)],
)

export interface QuestionChoice {
  /** Stable value stored in answers. */
  value: string
  label: LocalizedText
}

/** A round-specific question applicants answer. */
export const roundQuestions = pgTable(
  'round_questions',
  {
    id: id(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: questionKindEnum().notNull(),
    label: jsonb().$type<LocalizedText>().notNull(),
    help: jsonb().$type<LocalizedText>().notNull().default({}),
    required: boolean().notNull().default(true),
    /** For `choice` questions. */
    choices: jsonb().$type<QuestionChoice[]>().notNull().default([]),
  },
  (t) => [index('round_questions_round_idx').on(t.roundId, t.position)],
)

/** An evaluation criterion with its weight (relative; the ranking divides by the sum). */
export const roundCriteria = pgTable(
  'round_criteria',
  {
    id: id(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: jsonb().$type<LocalizedText>().notNull(),
    description: jsonb().$type<LocalizedText>().notNull().default({}),
    weight: integer().notNull(),
  },
  (t) => [index('round_criteria_round_idx').on(t.roundId, t.position)],
)

/**
 * A juror of a round: a person from an investor organisation or an independent expert, invited
 * by email. `userId` is set when the invitation is accepted.
 */
export const roundJurors = pgTable(
  'round_jurors',
  {
    id: id(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    kind: jurorKindEnum().notNull(),
    email: text().notNull(),
    name: text().notNull(),
    /** The investor organisation the juror sits for (kind `investor`). */
    investorOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text(),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    invitedAt: createdAt(),
    acceptedAt: timestampTz(),
    removedAt: timestampTz(),
  },
  (t) => [
    uniqueIndex('round_jurors_round_email_key').on(t.roundId, sql`lower(${t.email})`),
    uniqueIndex('round_jurors_token_hash_key').on(t.tokenHash),
    index('round_jurors_user_idx').on(t.userId),
  ],
)

/** An investor organisation taking part in a round, with the pool it pledges. */
export const poolPledges = pgTable(
  'pool_pledges',
  {
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    investorOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    pledgeCents: cents().notNull(),
    /** A public or pooled fund whose pledge matches private commitments under the round's rule. */
    matchesCommitments: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.investorOrganisationId] }), index('pool_pledges_investor_idx').on(t.investorOrganisationId)],
)

/**
 * Every eligibility check a startup ran when applying (passed or not), so the organiser sees
 * which rules turn applicants away.
 */
export const eligibilityChecks = pgTable(
  'eligibility_checks',
  {
    id: id(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    startupOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    proposalId: uuid().references(() => proposals.id, { onDelete: 'set null' }),
    result: jsonb().$type<EligibilityResult>().notNull(),
    eligible: boolean().notNull(),
    checkedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('eligibility_checks_round_idx').on(t.roundId, t.createdAt)],
)

/** A startup's application to a round with one of its proposals. */
export const applications = pgTable(
  'applications',
  {
    id: id(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    startupOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: applicationStatusEnum().notNull().default('submitted'),
    /** The eligibility check as it stood when the application was last submitted. */
    eligibility: jsonb().$type<EligibilityResult>().notNull(),
    submittedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    submittedAt: createdAt(),
    updatedAt: createdAt(),
    withdrawnAt: timestampTz(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestampTz(),
    /** The organiser's written feedback sent with the outcome. */
    feedback: text(),
    outcomeSentAt: timestampTz(),
  },
  (t) => [
    index('applications_round_idx').on(t.roundId, t.submittedAt),
    index('applications_startup_idx').on(t.startupOrganisationId),
    uniqueIndex('applications_one_active').on(t.roundId, t.startupOrganisationId).where(sql`status <> 'withdrawn'`),
  ],
)

/** An applicant's answer to one question: text, number or choice value, or an uploaded file. */
export const applicationAnswers = pgTable(
  'application_answers',
  {
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    questionId: uuid()
      .notNull()
      .references(() => roundQuestions.id, { onDelete: 'cascade' }),
    text: text(),
    number: integer(),
    /** Stored file name under the uploads folder, and the name the applicant gave it. */
    storedFile: text(),
    fileName: text(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.questionId] })],
)

/**
 * A juror's declaration on one application: conflicted or not, with a reason. Automatic
 * exclusions (the juror's investor organisation expressed interest in, committed to, or holds a
 * stake in the startup) are computed, not stored, so they follow the facts.
 */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    jurorId: uuid()
      .notNull()
      .references(() => roundJurors.id, { onDelete: 'cascade' }),
    conflicted: boolean().notNull(),
    reason: text(),
    declaredAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.jurorId] })],
)

/** A juror's review of one application; scores are hidden from other jurors until submitted. */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    jurorId: uuid()
      .notNull()
      .references(() => roundJurors.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    submittedAt: timestampTz(),
  },
  (t) => [uniqueIndex('reviews_application_juror_key').on(t.applicationId, t.jurorId), index('reviews_juror_idx').on(t.jurorId)],
)

/** One criterion's score in a review, with the juror's comment. */
export const reviewScores = pgTable(
  'review_scores',
  {
    reviewId: uuid()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    criterionId: uuid()
      .notNull()
      .references(() => roundCriteria.id, { onDelete: 'cascade' }),
    score: integer().notNull(),
    comment: text().notNull().default(''),
    /** The organiser chose to share this comment with the applicant in the outcome email. */
    sharedWithApplicant: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] })],
)

/**
 * A stake an investor organisation holds in a startup on Ponte (recorded by the investor or an
 * organiser); a juror from that investor is excluded from the startup's applications.
 */
export const investorStakes = pgTable(
  'investor_stakes',
  {
    investorOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    startupOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.investorOrganisationId, t.startupOrganisationId] }), index('investor_stakes_startup_idx').on(t.startupOrganisationId)],
)

/** A participating investor's soft commitment to a shortlisted application (non-binding). */
export const roundCommitments = pgTable(
  'round_commitments',
  {
    id: id(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    investorOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    amountCents: cents().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    withdrawnAt: timestampTz(),
  },
  (t) => [
    index('round_commitments_application_idx').on(t.applicationId),
    uniqueIndex('round_commitments_one_active').on(t.applicationId, t.investorOrganisationId).where(sql`withdrawn_at is null`),
  ],
)
