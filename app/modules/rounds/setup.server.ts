/**
 * Setting up a round: an organiser creates it in draft, then edits its texts, eligibility,
 * window, questions, criteria with weights and score scale, and matching rule. Every change
 * locks the round's row and checks, whatever the page sent, that this part may still change in
 * the round's status (see `canEditSection`): structural parts only in draft; once open, the
 * texts, a later closing time and the pool's pledges.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { forbidden } from '~/modules/accounts/guards.server'
import type { LocalizedText } from '~/modules/i18n/localized-text'
import { supportedLocales } from '~/modules/i18n/locales'
import { slugify } from '~/modules/organisations/organisations.server'
import type { Db, DbOrTx, Tx } from '../../../db/client'
import { insertWithUniqueSlug } from '../../../db/unique-slug'
import { applications, organisations, roundCriteria, roundQuestions, rounds, roundTransitions } from '../../../db/schema'
import { lockRoundFor, type Round } from './access.server'
import { RoundRuleError } from './round-rule-error'
import {
  canEditSection,
  canExtendClosing,
  windowInstant,
  type EligibilityInput,
  type EvaluationInput,
  type MatchingInput,
  type NewRoundInput,
  type QuestionsInput,
  type RoundSection,
  type TextsInput,
  type WindowInput,
} from './schemas'

const e = (key: string) => `rounds.errors.${key}`

/** Slugs that name pages of their own under /organiser/rounds/. */
const reservedSlugs = new Set(['new'])

/** The organiser organisations a person may run a round for: their own; for admins, every one. */
export async function organiserOrganisationsFor(db: DbOrTx, actor: Actor): Promise<{ id: string; name: string }[]> {
  const own = actor.memberships.filter((m) => m.kind === 'organiser').map((m) => m.organisationId)
  if (!actor.isAdmin && own.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(actor.isAdmin ? eq(organisations.kind, 'organiser') : and(eq(organisations.kind, 'organiser'), inArray(organisations.id, own)))
    .orderBy(asc(organisations.name))
}

/** The first name the round has, in the order of the supported languages. */
function firstText(text: LocalizedText): string {
  for (const locale of supportedLocales) if (text[locale]) return text[locale]
  return ''
}

function insertRound(tx: Tx, values: Omit<typeof rounds.$inferInsert, 'slug'>): Promise<Round> {
  return insertWithUniqueSlug(tx, {
    table: rounds,
    slugColumn: rounds.slug,
    base: slugify(firstText(values.name)).replace(/^organisation$/, 'round'),
    reserved: reservedSlugs,
    insert: async (slug) => {
      const [row] = await tx.insert(rounds).values({ ...values, slug }).onConflictDoNothing({ target: rounds.slug }).returning()
      return row
    },
  })
}

/** Creates a round in draft for one of the person's organiser organisations, with its creation in the timeline. */
export async function createRound(db: Db, actor: Actor, input: NewRoundInput): Promise<Round> {
  if (!actor.emailVerified) throw forbidden()
  const choices = await organiserOrganisationsFor(db, actor)
  if (choices.length === 0) throw forbidden()
  const organiserOrganisationId = input.organiserOrganisationId || (choices.length === 1 ? choices[0]!.id : null)
  if (!organiserOrganisationId) throw new RoundRuleError(e('organiserRequired'), 'organiserOrganisationId')
  if (!choices.some((choice) => choice.id === organiserOrganisationId)) throw new RoundRuleError(e('organiserInvalid'), 'organiserOrganisationId')
  return db.transaction(async (tx) => {
    const round = await insertRound(tx, {
      organiserOrganisationId,
      name: input.name,
      description: input.description,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      timeZone: input.timeZone,
      createdBy: actor.userId,
    })
    await tx.insert(roundTransitions).values({ roundId: round.id, fromStatus: null, toStatus: 'draft', actorId: actor.userId })
    return round
  })
}

/**
 * Runs `change` on the locked round when `section` may still change in its status; a 409 with
 * the reason otherwise. Marks the round updated.
 */
async function changeRound<T>(db: DbOrTx, actor: Actor, roundId: string, section: RoundSection | 'matching', change: (tx: Tx, round: Round) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, actor, roundId)
    if (!canEditSection(section, round.status)) throw new RoundRuleError(e(round.status === 'closed' ? 'roundClosed' : 'lockedOnceOpen'), undefined, 409)
    const result = await change(tx, round)
    await tx.update(rounds).set({ updatedAt: new Date() }).where(eq(rounds.id, round.id))
    return result
  })
}

export function updateTexts(db: DbOrTx, actor: Actor, roundId: string, input: TextsInput) {
  return changeRound(db, actor, roundId, 'texts', (tx) => tx.update(rounds).set({ name: input.name, description: input.description }).where(eq(rounds.id, roundId)))
}

export function updateWindow(db: DbOrTx, actor: Actor, roundId: string, input: WindowInput) {
  return changeRound(db, actor, roundId, 'window', (tx) =>
    tx.update(rounds).set({ opensAt: input.opensAt, closesAt: input.closesAt, timeZone: input.timeZone }).where(eq(rounds.id, roundId)),
  )
}

/**
 * Moves an open round's closing time later: written in the round's own zone, never before the
 * current closing time, never in the past.
 */
export async function extendClosing(db: DbOrTx, actor: Actor, roundId: string, closesAtLocal: string, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, actor, roundId)
    if (!canExtendClosing(round.status)) throw new RoundRuleError(e('extendOnlyOpen'), undefined, 409)
    const closesAt = windowInstant(closesAtLocal, round.timeZone)
    if (!(closesAt instanceof Date)) throw new RoundRuleError(closesAt.error, 'closesAt')
    if (closesAt <= now) throw new RoundRuleError(e('closesInPast'), 'closesAt')
    if (closesAt < round.closesAt) throw new RoundRuleError(e('closesEarlier'), 'closesAt')
    await tx.update(rounds).set({ closesAt, updatedAt: new Date() }).where(eq(rounds.id, round.id))
  })
}

export function updateEligibility(db: DbOrTx, actor: Actor, roundId: string, input: EligibilityInput) {
  return changeRound(db, actor, roundId, 'eligibility', (tx) =>
    tx
      .update(rounds)
      .set({
        eligibleRegions: input.regions,
        eligibleCountries: input.countries,
        eligibleSubsectors: input.subsectors,
        eligibleStages: input.stages,
        minTrl: input.minTrl,
        amountMinCents: input.amountMin,
        amountMaxCents: input.amountMax,
        maxCompanyAgeYears: input.maxCompanyAgeYears,
      })
      .where(eq(rounds.id, roundId)),
  )
}

/** Replaces the round's questions with the list as sent, in its order (draft only: nobody has answered yet). */
export function replaceQuestions(db: DbOrTx, actor: Actor, roundId: string, input: QuestionsInput) {
  return changeRound(db, actor, roundId, 'questions', async (tx) => {
    await tx.delete(roundQuestions).where(eq(roundQuestions.roundId, roundId))
    if (input.questions.length === 0) return
    await tx.insert(roundQuestions).values(
      input.questions.map((question, position) => ({
        roundId,
        position,
        kind: question.kind,
        label: question.label,
        help: question.help,
        required: question.required,
        choices: question.choices,
      })),
    )
  })
}

/** Sets the score scale and replaces the criteria with the list as sent (draft only: nobody has scored yet). */
export function updateEvaluation(db: DbOrTx, actor: Actor, roundId: string, input: EvaluationInput) {
  return changeRound(db, actor, roundId, 'evaluation', async (tx) => {
    await tx.update(rounds).set({ scoreScale: input.scoreScale }).where(eq(rounds.id, roundId))
    await tx.delete(roundCriteria).where(eq(roundCriteria.roundId, roundId))
    if (input.criteria.length === 0) return
    await tx
      .insert(roundCriteria)
      .values(input.criteria.map((criterion, position) => ({ roundId, position, name: criterion.name, description: criterion.description, weight: criterion.weight })))
  })
}

export function updateMatchingRule(db: DbOrTx, actor: Actor, roundId: string, input: MatchingInput) {
  return changeRound(db, actor, roundId, 'matching', (tx) =>
    tx
      .update(rounds)
      .set({
        matchRatioPercent: input.matchRatioPercent,
        matchCapPerStartupCents: input.matchCapPerStartup,
        matchCapRoundCents: input.matchCapRound,
        matchMinCommittedCents: input.matchMinCommitted,
        matchMinInvestors: input.matchMinInvestors,
        matchRequiresCrossBorder: input.matchRequiresCrossBorder,
      })
      .where(eq(rounds.id, roundId)),
  )
}

/** The round's questions and criteria, in their order. */
export async function roundStructure(db: DbOrTx, roundId: string) {
  const [questions, criteria] = await Promise.all([
    db.select().from(roundQuestions).where(eq(roundQuestions.roundId, roundId)).orderBy(asc(roundQuestions.position)),
    db.select().from(roundCriteria).where(eq(roundCriteria.roundId, roundId)).orderBy(asc(roundCriteria.position)),
  ])
  return { questions, criteria }
}

/** How many applications the round holds (withdrawn ones aside). */
export async function countApplications(db: DbOrTx, roundId: string): Promise<number> {
  return db.$count(applications, and(eq(applications.roundId, roundId), ne(applications.status, 'withdrawn')))
}
