/**
 * Startups applying to rounds: the rounds open to a startup with the eligibility pre-check of
 * each of its published proposals, the application (a proposal and the answers to the round's
 * questions), its edits and withdrawal, and the read functions the jury, the dashboard and the
 * exports use (`listApplications`, `getApplication`).
 *
 * The server decides whether the window is open: applications, edits and withdrawals are taken
 * only while the round is `open` and opensAt <= now < closesAt, whatever the client sends. Every
 * submission that reaches the eligibility check is recorded in eligibility_checks (passed or
 * not), and an ineligible one is refused with its failing rules. One active application per
 * startup and round.
 */
import { and, asc, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { notFound } from '~/modules/accounts/guards.server'
import { discardUploads, keepUpload, removeStoredFile, type ReceivedUpload } from '~/modules/files/storage.server'
import { acceptedTypes, type AcceptedType } from '~/modules/files/sniff'
import { formatDateTime } from '~/modules/i18n/format'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { Locale } from '~/modules/i18n/locales'
import { isUuid } from '~/modules/proposals/access.server'
import { visibleProposal } from '~/modules/proposals/disclosure.server'
import { snapshotTitle } from '~/modules/proposals/proposal-text'
import type { Db, DbOrTx } from '../../../db/client'
import {
  applicationAnswers,
  applications,
  eligibilityChecks,
  organisations,
  proposals,
  proposalVersions,
  roundQuestions,
  rounds,
  startupProfiles,
} from '../../../db/schema'
import { findRoundBySlug, organisesRound, type Round } from './access.server'
import { answerField } from './application-schemas'
import { jurorMayRead } from './conflicts.server'
import { sharedCommentsOf, type SharedComment } from './decisions.server'
import { checkEligibility, failedRulesInWords, type ProposalFacts, type StartupFacts } from './eligibility'
import type { ApplicationStatus, EligibilityResult } from './taxonomy'

export type RoundQuestion = typeof roundQuestions.$inferSelect
export type WindowState = 'upcoming' | 'open' | 'closed'

/** Why an application, edit or withdrawal was refused; routes word it (`applying.errors.*`). */
export type RefusalProblem = 'not_open' | 'not_yet_open' | 'deadline_passed' | 'ineligible' | 'fields' | 'no_application'

export class ApplicationRefused extends Error {
  override name = 'ApplicationRefused'

  constructor(
    readonly problem: RefusalProblem,
    readonly details: { eligibility?: EligibilityResult; fieldErrors?: Record<string, string[]>; round?: Pick<Round, 'opensAt' | 'closesAt'> } = {},
  ) {
    super(problem)
  }

  get status(): 400 | 409 {
    return this.problem === 'ineligible' || this.problem === 'fields' ? 400 : 409
  }
}

/** Where the round's window stands at `now` (a round that is not `open` takes nothing). */
export function windowStateOf(round: Pick<Round, 'status' | 'opensAt' | 'closesAt'>, now: Date): WindowState {
  if (round.status !== 'open' || now >= round.closesAt) return 'closed'
  return now < round.opensAt ? 'upcoming' : 'open'
}

function assertWindowOpen(round: Round, now: Date) {
  const state = windowStateOf(round, now)
  if (state === 'open') return
  if (state === 'upcoming') throw new ApplicationRefused('not_yet_open', { round })
  throw new ApplicationRefused(round.status === 'open' ? 'deadline_passed' : 'not_open', { round })
}

function assertStartupMember(actor: Actor, startupId: string) {
  if (!actor.memberships.some((m) => m.kind === 'startup' && m.organisationId === startupId)) throw notFound()
}

/** A round a startup may look at (anything but a draft); a 404 otherwise. */
export async function requireRoundForStartup(db: DbOrTx, slug: string | undefined): Promise<Round> {
  const round = slug ? await findRoundBySlug(db, slug) : null
  if (!round || round.status === 'draft') throw notFound()
  return round
}

/** The startup's country, NUTS-2 region and founding year (null where its profile says nothing). */
export async function startupFactsOf(db: DbOrTx, startupId: string): Promise<StartupFacts> {
  const [row] = await db
    .select({ country: organisations.country, region: startupProfiles.region, foundedYear: startupProfiles.foundedYear })
    .from(organisations)
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
    .where(eq(organisations.id, startupId))
  if (!row) throw notFound()
  return { country: row.country, region: row.region ?? null, foundedYear: row.foundedYear ?? null }
}

export interface ApplicableProposal {
  id: string
  title: string
  titleLang: Locale
  facts: ProposalFacts
}

/** The startup's published proposals (visible in the catalogue), with the facts of their published version. */
export async function publishedProposalsOf(db: DbOrTx, startupId: string, locale: Locale): Promise<ApplicableProposal[]> {
  const rows = await db
    .select({ id: proposals.id, snapshot: proposalVersions.snapshot })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(and(eq(proposals.organisationId, startupId), visibleProposal))
    .orderBy(desc(proposals.firstPublishedAt))
  return rows.map(({ id, snapshot }) => {
    const { title, lang } = snapshotTitle(snapshot, locale)
    return {
      id,
      title: title ?? '',
      titleLang: lang ?? snapshot.originalLocale,
      facts: { subsector: snapshot.subsector, stage: snapshot.stage, trl: snapshot.trl, amountSoughtCents: snapshot.amountSoughtCents },
    }
  })
}

/** The round's questions in order. */
export function questionsOf(db: DbOrTx, roundId: string): Promise<RoundQuestion[]> {
  return db.select().from(roundQuestions).where(eq(roundQuestions.roundId, roundId)).orderBy(asc(roundQuestions.position))
}

export interface PreCheck {
  proposalId: string
  title: string
  titleLang: Locale
  result: EligibilityResult
}

function preChecks(round: Round, startup: StartupFacts, proposalList: ApplicableProposal[]): PreCheck[] {
  return proposalList.map((proposal) => ({
    proposalId: proposal.id,
    title: proposal.title,
    titleLang: proposal.titleLang,
    result: checkEligibility(round, startup, proposal.facts),
  }))
}

function roundText(round: Round, locale: Locale) {
  const name = pickLocalizedText(round.name, locale)
  const description = pickLocalizedText(round.description, locale)
  return { name: name?.text ?? round.slug, nameLang: name?.lang ?? locale, description: description?.text ?? null, descriptionLang: description?.lang ?? locale }
}

export interface OpenRound {
  slug: string
  name: string
  nameLang: Locale
  organiser: string
  opensAt: Date
  closesAt: Date
  state: 'upcoming' | 'open'
  checks: PreCheck[]
  /** The startup's active application to it, if any. */
  applicationId: string | null
}

/**
 * The rounds taking applications now or later (status open, deadline not passed), soonest
 * deadline first, with the pre-check of each of the startup's published proposals.
 */
export async function roundsOpenToStartup(db: DbOrTx, startupId: string, locale: Locale, now: Date = new Date()): Promise<OpenRound[]> {
  const rows = await db
    .select({ round: rounds, organiser: organisations.name })
    .from(rounds)
    .innerJoin(organisations, eq(organisations.id, rounds.organiserOrganisationId))
    .where(and(eq(rounds.status, 'open'), gt(rounds.closesAt, now)))
    .orderBy(asc(rounds.closesAt), asc(rounds.slug))
  if (rows.length === 0) return []
  const [startup, proposalList, active] = await Promise.all([
    startupFactsOf(db, startupId),
    publishedProposalsOf(db, startupId, locale),
    db
      .select({ id: applications.id, roundId: applications.roundId })
      .from(applications)
      .where(and(eq(applications.startupOrganisationId, startupId), ne(applications.status, 'withdrawn'), inArray(applications.roundId, rows.map((row) => row.round.id)))),
  ])
  return rows.map(({ round, organiser }) => {
    const { name, nameLang } = roundText(round, locale)
    return {
      slug: round.slug,
      name,
      nameLang,
      organiser,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      state: windowStateOf(round, now) === 'upcoming' ? 'upcoming' : 'open',
      checks: preChecks(round, startup, proposalList),
      applicationId: active.find((application) => application.roundId === round.id)?.id ?? null,
    }
  })
}

/**
 * What the applicant sees of an application's status: shortlisted or declined only once the
 * outcome has been sent; until then it is simply submitted.
 */
export function statusForApplicant(application: { status: ApplicationStatus; outcomeSentAt: Date | null }): ApplicationStatus {
  if ((application.status === 'shortlisted' || application.status === 'declined') && !application.outcomeSentAt) return 'submitted'
  return application.status
}

/**
 * The outcome the applicant was sent: the organiser's feedback and the jurors' comments shared
 * with it, anonymised ("Juror 1 · Team"), as in the outcome email (decisions.server.ts).
 */
export interface ApplicantOutcome {
  feedback: string | null
  sharedComments: SharedComment[]
}

async function outcomesOf(
  db: DbOrTx,
  rows: { id: string; roundId: string; feedback: string | null; outcomeSentAt: Date | null }[],
  locale: Locale,
): Promise<Map<string, ApplicantOutcome>> {
  const sent = rows.filter((row) => row.outcomeSentAt)
  return new Map(
    await Promise.all(
      sent.map(async (row) => [row.id, { feedback: row.feedback, sharedComments: await sharedCommentsOf(db, row.roundId, row.id, locale) }] as const),
    ),
  )
}

export interface StartupApplication {
  id: string
  round: { slug: string; name: string; nameLang: Locale; closesAt: Date }
  proposalTitle: string
  proposalTitleLang: Locale
  status: ApplicationStatus
  submittedAt: Date
  updatedAt: Date
  withdrawnAt: Date | null
  outcome: ApplicantOutcome | null
}

/** Every application of the startup (withdrawn ones too), newest first, as the applicant sees it. */
export async function applicationsOfStartup(db: DbOrTx, startupId: string, locale: Locale): Promise<StartupApplication[]> {
  const rows = await db
    .select({ application: applications, round: rounds, snapshot: proposalVersions.snapshot })
    .from(applications)
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .innerJoin(proposals, eq(proposals.id, applications.proposalId))
    .leftJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(and(eq(applications.startupOrganisationId, startupId), ne(rounds.status, 'draft')))
    .orderBy(desc(applications.submittedAt))
  const outcomes = await outcomesOf(db, rows.map((row) => row.application), locale)
  return rows.map(({ application, round, snapshot }) => {
    const title = snapshotTitle(snapshot, locale)
    const { name, nameLang } = roundText(round, locale)
    return {
      id: application.id,
      round: { slug: round.slug, name, nameLang, closesAt: round.closesAt },
      proposalTitle: title.title ?? '',
      proposalTitleLang: title.lang ?? locale,
      status: statusForApplicant(application),
      submittedAt: application.submittedAt,
      updatedAt: application.updatedAt,
      withdrawnAt: application.withdrawnAt,
      outcome: outcomes.get(application.id) ?? null,
    }
  })
}

export interface AnswerView {
  questionId: string
  text: string | null
  number: number | null
  /** The name the applicant gave the uploaded file; null without one. */
  fileName: string | null
}

function answerViews(rows: (typeof applicationAnswers.$inferSelect)[]): AnswerView[] {
  return rows.map((row) => ({ questionId: row.questionId, text: row.text, number: row.number, fileName: row.storedFile ? row.fileName : null }))
}

export interface QuestionView {
  id: string
  kind: RoundQuestion['kind']
  label: string
  help: string | null
  required: boolean
  choices: { value: string; label: string }[]
}

function questionViews(questions: RoundQuestion[], locale: Locale): QuestionView[] {
  return questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    label: pickLocalizedText(question.label, locale)?.text ?? '',
    help: pickLocalizedText(question.help, locale)?.text ?? null,
    required: question.required,
    choices: question.choices.map((choice) => ({ value: choice.value, label: pickLocalizedText(choice.label, locale)?.text ?? choice.value })),
  }))
}

/** What the round's page in the studio shows a startup: the round, the questions, the pre-checks and its application. */
export async function applicationPageFor(db: DbOrTx, startupId: string, round: Round, locale: Locale, now: Date = new Date()) {
  const [questions, startup, proposalList, own] = await Promise.all([
    questionsOf(db, round.id),
    startupFactsOf(db, startupId),
    publishedProposalsOf(db, startupId, locale),
    db
      .select()
      .from(applications)
      .where(and(eq(applications.roundId, round.id), eq(applications.startupOrganisationId, startupId)))
      .orderBy(desc(applications.submittedAt)),
  ])
  const active = own.find((application) => application.status !== 'withdrawn') ?? null
  const view = active ? await getApplication(db, round.id, active.id, locale) : null
  const outcomes = active ? await outcomesOf(db, [active], locale) : new Map<string, ApplicantOutcome>()
  const state = windowStateOf(round, now)
  return {
    round: { slug: round.slug, ...roundText(round, locale), opensAt: round.opensAt, closesAt: round.closesAt, timeZone: round.timeZone },
    state,
    questions: questionViews(questions, locale),
    checks: preChecks(round, startup, proposalList),
    application:
      active && view
        ? {
            id: active.id,
            proposalId: active.proposalId,
            proposal: view.proposal,
            status: statusForApplicant(active),
            submittedAt: active.submittedAt,
            updatedAt: active.updatedAt,
            answers: view.answers,
            outcome: outcomes.get(active.id) ?? null,
          }
        : null,
    /** When the startup last withdrew (it may apply again while the window is open). */
    withdrawnAt: active ? null : (own[0]?.withdrawnAt ?? null),
    editable: state === 'open',
  }
}

export interface ApplicationInput {
  proposalId: string
  /** Answers by question id: text for text and choice questions, a number for number questions. */
  answers: Record<string, string | number | undefined>
  /** Uploaded files by question id (checked, still temporary). */
  files: Map<string, ReceivedUpload>
}

/** The parsed form's answers (fields `answer_<questionId>`), by question id. */
export function answersFromForm(questions: Pick<RoundQuestion, 'id'>[], form: Record<string, unknown>): ApplicationInput['answers'] {
  const answers: ApplicationInput['answers'] = {}
  for (const question of questions) {
    const value = form[answerField(question.id)]
    if (typeof value === 'string' || typeof value === 'number') answers[question.id] = value
  }
  return answers
}

/** Serialises the submissions of one startup to one round (apply, edit, withdraw). */
async function lockApplicant(tx: DbOrTx, roundId: string, startupId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`applications:${roundId}:${startupId}`}, 0))`)
}

/** The round as it stands, held against status changes until the transaction ends. */
async function roundForShare(tx: DbOrTx, roundId: string): Promise<Round> {
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for('share')
  if (!round) throw notFound()
  return round
}

function answerRow(question: RoundQuestion, value: string | number | undefined) {
  if (question.kind === 'number') return { text: null, number: typeof value === 'number' ? value : null }
  const text = typeof value === 'string' ? value.trim() : ''
  return { text: text || null, number: null }
}

type AnswerRow = typeof applicationAnswers.$inferSelect

/** Required questions left without an answer (a file already sent counts), by form field. */
function missingAnswers(questions: RoundQuestion[], input: ApplicationInput, existing: AnswerRow[]): Record<string, string[]> {
  const missing: Record<string, string[]> = {}
  for (const question of questions.filter((q) => q.required)) {
    if (question.kind === 'file') {
      const hasFile = input.files.has(question.id) || existing.some((answer) => answer.questionId === question.id && answer.storedFile)
      if (!hasFile) missing[answerField(question.id)] = ['applying.errors.fileRequired']
      continue
    }
    const answer = answerRow(question, input.answers[question.id])
    if (answer.text === null && answer.number === null) missing[answerField(question.id)] = ['applying.errors.answerRequired']
  }
  return missing
}

/**
 * Writes every answer of the application and moves new files into place (inside the
 * transaction: if a move fails, no answer points at nothing). Returns the stored files that new
 * ones replaced, to remove once the transaction has committed.
 */
async function writeAnswers(tx: DbOrTx, uploadsDir: string, applicationId: string, questions: RoundQuestion[], input: ApplicationInput, existing: AnswerRow[], now: Date) {
  const replaced: string[] = []
  const kept: ReceivedUpload[] = []
  for (const question of questions) {
    const upload = question.kind === 'file' ? input.files.get(question.id) : undefined
    if (question.kind === 'file' && !upload) continue
    const row = upload
      ? { storedFile: upload.storedName, fileName: upload.originalName, text: null, number: null, updatedAt: now }
      : { ...answerRow(question, input.answers[question.id]), storedFile: null, fileName: null, updatedAt: now }
    await tx
      .insert(applicationAnswers)
      .values({ applicationId, questionId: question.id, ...row })
      .onConflictDoUpdate({ target: [applicationAnswers.applicationId, applicationAnswers.questionId], set: row })
    const before = existing.find((answer) => answer.questionId === question.id)?.storedFile
    if (upload && before) replaced.push(before)
    if (upload) kept.push(upload)
  }
  for (const upload of kept) await keepUpload(uploadsDir, upload)
  return replaced
}

/**
 * Applies to the round with a published proposal of the startup and the answers, or (with an
 * active application) replaces the proposal and answers. A file answer already sent is kept
 * unless a new file replaces it. Refused (ApplicationRefused) outside the window, for a
 * proposal that is not the startup's published one or a required answer missing, and for an
 * ineligible proposal, whose check is recorded all the same (as is an eligible one's).
 */
export async function saveApplication(
  db: Db,
  uploadsDir: string,
  actor: Actor,
  startupId: string,
  roundId: string,
  input: ApplicationInput,
  now: Date = new Date(),
): Promise<{ applicationId: string; created: boolean }> {
  assertStartupMember(actor, startupId)
  let outcome: { applicationId: string; created: boolean; replaced: string[] } | { ineligible: EligibilityResult }
  try {
    outcome = await db.transaction(async (tx) => {
      const round = await roundForShare(tx, roundId)
      assertWindowOpen(round, now)
      await lockApplicant(tx, round.id, startupId)
      const [active] = await tx
        .select()
        .from(applications)
        .where(and(eq(applications.roundId, round.id), eq(applications.startupOrganisationId, startupId), ne(applications.status, 'withdrawn')))
      if (active && active.status !== 'submitted') throw new ApplicationRefused('not_open', { round })
      const questions = await questionsOf(tx, round.id)
      const existing = active ? await tx.select().from(applicationAnswers).where(eq(applicationAnswers.applicationId, active.id)) : []

      const proposal = (await publishedProposalsOf(tx, startupId, 'en')).find((candidate) => candidate.id === input.proposalId)
      const fieldErrors = missingAnswers(questions, input, existing)
      if (!proposal) fieldErrors.proposalId = ['applying.errors.proposalNotPublished']
      if (!proposal || Object.keys(fieldErrors).length > 0) throw new ApplicationRefused('fields', { fieldErrors })

      const eligibility = checkEligibility(round, await startupFactsOf(tx, startupId), proposal.facts)
      await tx
        .insert(eligibilityChecks)
        .values({ roundId: round.id, startupOrganisationId: startupId, proposalId: proposal.id, result: eligibility, eligible: eligibility.eligible, checkedBy: actor.userId, createdAt: now })
      if (!eligibility.eligible) return { ineligible: eligibility }

      const values = { proposalId: proposal.id, eligibility, submittedBy: actor.userId, updatedAt: now }
      const [saved] = active
        ? await tx.update(applications).set(values).where(eq(applications.id, active.id)).returning({ id: applications.id })
        : await tx
            .insert(applications)
            .values({ ...values, roundId: round.id, startupOrganisationId: startupId, submittedAt: now })
            .returning({ id: applications.id })
      const replaced = await writeAnswers(tx, uploadsDir, saved!.id, questions, input, existing, now)
      return { applicationId: saved!.id, created: !active, replaced }
    })
  } catch (error) {
    await discardUploads(input.files.values())
    throw error
  }
  if ('ineligible' in outcome) {
    await discardUploads(input.files.values())
    throw new ApplicationRefused('ineligible', { eligibility: outcome.ineligible })
  }
  await Promise.all(outcome.replaced.map((storedFile) => removeStoredFile(uploadsDir, 'documents', storedFile)))
  return { applicationId: outcome.applicationId, created: outcome.created }
}

/** Withdraws the startup's active application while the window is open. */
export async function withdrawApplication(db: Db, actor: Actor, startupId: string, roundId: string, now: Date = new Date()): Promise<void> {
  assertStartupMember(actor, startupId)
  await db.transaction(async (tx) => {
    const round = await roundForShare(tx, roundId)
    assertWindowOpen(round, now)
    await lockApplicant(tx, round.id, startupId)
    const rows = await tx
      .update(applications)
      .set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now })
      .where(and(eq(applications.roundId, round.id), eq(applications.startupOrganisationId, startupId), eq(applications.status, 'submitted')))
      .returning({ id: applications.id })
    if (rows.length === 0) throw new ApplicationRefused('no_application')
  })
}

/** An application as the round's organisers, jurors, dashboard and exports read it. */
export interface RoundApplication {
  id: string
  roundId: string
  status: ApplicationStatus
  submittedAt: Date
  updatedAt: Date
  withdrawnAt: Date | null
  decidedAt: Date | null
  feedback: string | null
  outcomeSentAt: Date | null
  eligibility: EligibilityResult
  proposal: { id: string; title: string; titleLang: Locale }
  startup: { id: string; name: string; slug: string; country: string; region: string | null }
  answers: AnswerView[]
}

async function readApplications(db: DbOrTx, where: ReturnType<typeof and>, locale: Locale): Promise<RoundApplication[]> {
  const rows = await db
    .select({
      application: applications,
      snapshot: proposalVersions.snapshot,
      startup: { id: organisations.id, name: organisations.name, slug: organisations.slug, country: organisations.country, region: startupProfiles.region },
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.startupOrganisationId))
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, applications.startupOrganisationId))
    .innerJoin(proposals, eq(proposals.id, applications.proposalId))
    .leftJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(where)
    .orderBy(asc(applications.submittedAt), asc(applications.id))
  if (rows.length === 0) return []
  const answers = await db
    .select()
    .from(applicationAnswers)
    .where(inArray(applicationAnswers.applicationId, rows.map((row) => row.application.id)))
  return rows.map(({ application, snapshot, startup }) => {
    const title = snapshotTitle(snapshot, locale)
    return {
      id: application.id,
      roundId: application.roundId,
      status: application.status,
      submittedAt: application.submittedAt,
      updatedAt: application.updatedAt,
      withdrawnAt: application.withdrawnAt,
      decidedAt: application.decidedAt,
      feedback: application.feedback,
      outcomeSentAt: application.outcomeSentAt,
      eligibility: application.eligibility,
      proposal: { id: application.proposalId, title: title.title ?? '', titleLang: title.lang ?? locale },
      startup: { ...startup, region: startup.region ?? null },
      answers: answerViews(answers.filter((answer) => answer.applicationId === application.id)),
    }
  })
}

/**
 * The applications of a round, first submitted first, with the proposal's published title in
 * `locale`, the startup (name, country, NUTS-2 region) and the answers. Withdrawn ones only when
 * asked. The caller has checked who may read them (organisers, jurors without a conflict ...).
 */
export function listApplications(db: DbOrTx, roundId: string, locale: Locale, options: { includeWithdrawn?: boolean } = {}): Promise<RoundApplication[]> {
  return readApplications(db, and(eq(applications.roundId, roundId), options.includeWithdrawn ? undefined : ne(applications.status, 'withdrawn')), locale)
}

/** One application of the round (any status), or null. */
export async function getApplication(db: DbOrTx, roundId: string, applicationId: string, locale: Locale): Promise<RoundApplication | null> {
  const [application] = await readApplications(db, and(eq(applications.roundId, roundId), eq(applications.id, applicationId)), locale)
  return application ?? null
}

function typeOfStoredName(storedName: string): AcceptedType | null {
  const extension = storedName.split('.').pop()
  const entry = Object.entries(acceptedTypes).find(([, type]) => type.extension === extension)
  return entry ? (entry[0] as AcceptedType) : null
}

/**
 * An uploaded answer for someone who may download it: a member of the applicant startup, an
 * organiser of the round, or one of its jurors who is not excluded from the application
 * (conflicts.server.ts). Null for anyone else and for anything that does not exist.
 */
export async function answerFileFor(db: DbOrTx, actor: Actor | null, applicationId: string | undefined, questionId: string | undefined) {
  if (!actor || !isUuid(applicationId) || !isUuid(questionId)) return null
  const [row] = await db
    .select({ storedFile: applicationAnswers.storedFile, fileName: applicationAnswers.fileName, startupId: applications.startupOrganisationId, status: applications.status, round: rounds })
    .from(applicationAnswers)
    .innerJoin(applications, eq(applications.id, applicationAnswers.applicationId))
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .where(and(eq(applicationAnswers.applicationId, applicationId), eq(applicationAnswers.questionId, questionId)))
  if (!row?.storedFile) return null
  const applicant = actor.memberships.some((m) => m.kind === 'startup' && m.organisationId === row.startupId)
  const juror = () => jurorMayRead(db, actor, row.round, { id: applicationId, startupOrganisationId: row.startupId, status: row.status })
  if (!applicant && !organisesRound(actor, row.round) && !(await juror())) return null
  const type = typeOfStoredName(row.storedFile)
  return type ? { storedFile: row.storedFile, fileName: row.fileName ?? 'answer', type } : null
}

/**
 * A refusal in words, in the reader's language, with times in the reader's time zone ("The
 * deadline passed at 31 March 2026 at 22:59 GMT+1 …"); an ineligible proposal's failing rules
 * one by one. Field problems are not here: they go next to their fields.
 */
export function refusalMessages(refusal: ApplicationRefused, locale: Locale, timeZone: string): string[] {
  const t = getFixedT(locale)
  const time = (date: Date) => formatDateTime(date, locale, timeZone)
  const { round, eligibility } = refusal.details
  switch (refusal.problem) {
    case 'deadline_passed':
      return [t('applying.errors.deadlinePassed', { time: time(round!.closesAt) })]
    case 'not_yet_open':
      return [t('applying.errors.notYetOpen', { time: time(round!.opensAt) })]
    case 'not_open':
      return [t('applying.errors.notOpen')]
    case 'no_application':
      return [t('applying.errors.noApplication')]
    case 'ineligible':
      return [t('applying.errors.ineligible'), ...failedRulesInWords(eligibility!, t, locale)]
    case 'fields':
      return []
  }
}
