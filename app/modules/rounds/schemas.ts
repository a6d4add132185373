/**
 * The forms that set up a round, used by Conform in the browser and parseWithZod on the server,
 * and which parts of a round may still change in each status. Messages are translation keys
 * (`rounds.errors.*`; amounts reuse the proposal editor's `proposals.errors.amount*`).
 *
 * Decisions:
 * - Texts (name, description) come in up to four languages; a name in at least one.
 * - The window is typed as wall-clock times in a zone the organiser picks (Madrid or Lisbon)
 *   and stored in UTC; a time the clocks skip is refused, one they repeat means the earlier.
 * - Eligibility lists left empty mean "any". Regions must lie in the eligible countries when
 *   both are given, so that no startup can satisfy one and never the other.
 * - Questions and criteria are sent whole and replace the round's (they only change in draft,
 *   before anyone applies or scores). A choice question needs two options; its options are
 *   written one per line, in every language that has any, the same number in each.
 * - Weights are relative whole numbers (1 to 1,000); the ranking divides by their sum.
 */
import { z } from 'zod'
import { filledLocalizedText, type LocalizedText } from '~/modules/i18n/localized-text'
import { supportedLocales, type Locale } from '~/modules/i18n/locales'
import { zonedLocalToUtc } from '~/modules/i18n/time-zone'
import { countryCodes } from '~/modules/organisations/countries'
import { isNutsCode, isRegionOfCountry } from '~/modules/organisations/regions'
import { parseEuros } from '~/modules/proposals/schemas'
import { stages, trlLevels } from '~/modules/proposals/taxonomy'
import { subsectors } from '~/modules/startups/subsectors'
import { jurorKinds, questionKinds, roundStatuses, type RoundStatus } from './taxonomy'

export const NAME_MAX = 140
export const DESCRIPTION_MAX = 10_000
export const QUESTION_LABEL_MAX = 300
export const QUESTION_HELP_MAX = 1_000
export const CHOICE_MAX = 120
export const MAX_QUESTIONS = 30
export const MAX_CHOICES = 20
export const CRITERION_NAME_MAX = 120
export const CRITERION_DESCRIPTION_MAX = 1_000
export const MAX_CRITERIA = 12
export const WEIGHT_MAX = 1_000
export const MAX_COMPANY_AGE = 100
export const MAX_MATCH_RATIO_PERCENT = 1_000
export const MAX_MIN_INVESTORS = 50

/** The zones a window is written in: the cluster's two sides of the border. */
export const windowTimeZones = ['Europe/Madrid', 'Europe/Lisbon'] as const
export type WindowTimeZone = (typeof windowTimeZones)[number]

const e = (key: string) => `rounds.errors.${key}`

// ---------------------------------------------------------------------------------------------
// What may change when

/** The parts of a round's set-up, as the edit page's tabs show them. */
export const roundSections = ['texts', 'eligibility', 'window', 'questions', 'evaluation', 'pool', 'jury'] as const
export type RoundSection = (typeof roundSections)[number]

/** Structural parts: only in draft, before anyone applies. */
const structural: readonly RoundSection[] = ['eligibility', 'window', 'questions', 'evaluation']

/**
 * Whether a part of the round may change in `status`: structural parts and the matching rule
 * in draft only; texts and pledges until the round is closed; the jury until the shortlist.
 */
export function canEditSection(section: RoundSection | 'matching', status: RoundStatus): boolean {
  if (section === 'matching' || structural.includes(section)) return status === 'draft'
  if (section === 'jury') return status === 'draft' || status === 'open' || status === 'under_review'
  return status !== 'closed'
}

/** Once open, the closing time may still move later (never shortened, never into the past). */
export function canExtendClosing(status: RoundStatus): boolean {
  return status === 'open'
}

// ---------------------------------------------------------------------------------------------
// Pieces

const optionalText = (max: number) => z.string().trim().max(max, e('tooLong')).optional()

/** A text in up to four languages (`name.en`, `name.es` ...): the languages filled in. */
const localized = (max: number) =>
  z
    .object(Object.fromEntries(supportedLocales.map((locale) => [locale, optionalText(max)])) as Record<Locale, ReturnType<typeof optionalText>>)
    .optional()
    .transform((value): LocalizedText => filledLocalizedText(value ?? {}))

const hasText = (text: LocalizedText) => Object.keys(text).length > 0

/** Whole or decimal euros ("250000", "250000,50") as integer cents; blank is null. */
const optionalEuros = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text?.trim()) return null
    const parsed = parseEuros(text)
    if (typeof parsed === 'number') return parsed
    ctx.addIssue({ code: 'custom', message: parsed.error })
    return z.NEVER
  })

/** A whole number within bounds; blank is null unless `required`. */
function integerField(min: number, max: number, invalid: string, required: true): z.ZodType<number, string | undefined>
function integerField(min: number, max: number, invalid: string, required?: false): z.ZodType<number | null, string | undefined>
function integerField(min: number, max: number, invalid: string, required = false): z.ZodType<number | null, string | undefined> {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const value = text?.trim() ? Number(text.trim()) : null
      if (value === null && !required) return null
      if (value !== null && Number.isInteger(value) && value >= min && value <= max) return value
      ctx.addIssue({ code: 'custom', message: e(invalid) })
      return z.NEVER
    })
}

const checkbox = z
  .literal('on')
  .optional()
  .transform((value) => value === 'on')

/** Checkbox values of one field: none ticked is an empty list. */
const codes = <T extends readonly [string, ...string[]]>(values: T, invalid: string) =>
  z.array(z.enum(values, { error: e(invalid) }), { error: e(invalid) }).default([])

const localDateTime = (required: string) => z.string({ error: e(required) }).trim().min(1, e(required))

/** The UTC instant of a wall-clock time in `zone`, or the translation key of what is wrong with it. */
export function windowInstant(local: string, zone: string): Date | { error: string } {
  const instant = zonedLocalToUtc(local, zone)
  if (instant === 'invalid') return { error: e('dateTimeInvalid') }
  if (instant === 'gap') return { error: e('dateTimeSkipped') }
  return instant
}

// ---------------------------------------------------------------------------------------------
// The forms

const textsFields = {
  name: localized(NAME_MAX).refine(hasText, e('nameRequired')),
  description: localized(DESCRIPTION_MAX),
}

const windowFields = {
  opensAt: localDateTime('opensAtRequired'),
  closesAt: localDateTime('closesAtRequired'),
  timeZone: z.enum(windowTimeZones, { error: e('timeZoneInvalid') }),
}

type WindowValues = { opensAt: string; closesAt: string; timeZone: WindowTimeZone }

/** Turns the window's wall-clock times into UTC instants, with an error next to each field that is wrong. */
function windowInUtc<T extends WindowValues>(value: T, ctx: z.RefinementCtx): Omit<T, 'opensAt' | 'closesAt'> & { opensAt: Date; closesAt: Date } {
  const opens = windowInstant(value.opensAt, value.timeZone)
  const closes = windowInstant(value.closesAt, value.timeZone)
  if (!(opens instanceof Date)) ctx.addIssue({ code: 'custom', path: ['opensAt'], message: opens.error })
  if (!(closes instanceof Date)) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: closes.error })
  if (!(opens instanceof Date) || !(closes instanceof Date)) return z.NEVER
  if (closes <= opens) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: e('closesBeforeOpens') })
    return z.NEVER
  }
  return { ...value, opensAt: opens, closesAt: closes }
}

/** A new round: who runs it (when the person is in several organiser organisations), its texts and window. */
export const NewRoundSchema = z
  .object({ organiserOrganisationId: z.string().optional(), ...textsFields, ...windowFields })
  .transform(windowInUtc)
export type NewRoundInput = z.output<typeof NewRoundSchema>

export const TextsSchema = z.object({ intent: z.literal('texts'), ...textsFields })
export type TextsInput = z.output<typeof TextsSchema>

export const WindowSchema = z.object({ intent: z.literal('window'), ...windowFields }).transform(windowInUtc)
export type WindowInput = z.output<typeof WindowSchema>

/** An open round's later closing time, written in the round's own zone (the server converts it). */
export const ExtendSchema = z.object({ intent: z.literal('extend'), closesAt: localDateTime('closesAtRequired') })

export const EligibilitySchema = z
  .object({
    intent: z.literal('eligibility'),
    regions: z.array(z.string().trim().toUpperCase(), { error: e('regionUnknown') }).default([]),
    /** Regions outside Spain and Portugal, as NUTS-2 codes separated by commas or spaces. */
    otherRegions: z.string().optional(),
    countries: codes(countryCodes, 'countryInvalid'),
    subsectors: codes(subsectors, 'subsectorInvalid'),
    stages: codes(stages, 'stageInvalid'),
    minTrl: integerField(trlLevels[0], trlLevels[trlLevels.length - 1]!, 'trlInvalid'),
    amountMin: optionalEuros,
    amountMax: optionalEuros,
    maxCompanyAgeYears: integerField(1, MAX_COMPANY_AGE, 'companyAgeInvalid'),
  })
  .transform((value, ctx) => {
    const others = (value.otherRegions ?? '')
      .split(/[\s,;]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean)
    const regions = [...new Set([...value.regions, ...others])]
    const unknown = regions.filter((code) => !isNutsCode(code))
    if (unknown.length) ctx.addIssue({ code: 'custom', path: [value.regions.some((code) => !isNutsCode(code)) ? 'regions' : 'otherRegions'], message: e('regionUnknown') })
    else if (value.countries.length && regions.some((code) => !value.countries.some((country) => isRegionOfCountry(code, country)))) {
      ctx.addIssue({ code: 'custom', path: ['regions'], message: e('regionOutsideCountries') })
    }
    if (value.amountMin !== null && value.amountMax !== null && value.amountMin > value.amountMax) {
      ctx.addIssue({ code: 'custom', path: ['amountMax'], message: e('amountOrder') })
    }
    const { otherRegions: _others, ...rest } = value
    return { ...rest, regions }
  })
export type EligibilityInput = z.output<typeof EligibilitySchema>

/** One question's options, one a line per language, as stored: values c1, c2 ... and a label per language. */
function choicesOf(lines: LocalizedText, ctx: z.RefinementCtx, path: (string | number)[]) {
  const perLanguage = Object.entries(lines).map(([lang, text]) => [lang, text!.split('\n').map((line) => line.trim()).filter(Boolean)] as const)
  const count = perLanguage[0]?.[1].length ?? 0
  if (count < 2) ctx.addIssue({ code: 'custom', path, message: e('choicesTooFew') })
  else if (count > MAX_CHOICES) ctx.addIssue({ code: 'custom', path, message: e('choicesTooMany') })
  else if (perLanguage.some(([, options]) => options.length !== count)) ctx.addIssue({ code: 'custom', path, message: e('choicesMismatch') })
  else if (perLanguage.some(([, options]) => options.some((option) => option.length > CHOICE_MAX))) ctx.addIssue({ code: 'custom', path, message: e('tooLong') })
  return Array.from({ length: count }, (_, index) => ({
    value: `c${index + 1}`,
    label: Object.fromEntries(perLanguage.map(([lang, options]) => [lang, options[index]])) as LocalizedText,
  }))
}

const QuestionSchema = z
  .object({
    kind: z.enum(questionKinds, { error: e('questionKindInvalid') }),
    label: localized(QUESTION_LABEL_MAX).refine(hasText, e('questionLabelRequired')),
    help: localized(QUESTION_HELP_MAX),
    required: checkbox,
    /** For choice questions: the options, one a line, per language. */
    choices: localized(MAX_CHOICES * (CHOICE_MAX + 1)),
  })
  .transform((question, ctx) => ({
    ...question,
    choices: question.kind === 'choice' ? choicesOf(question.choices, ctx, ['choices']) : [],
  }))

export const QuestionsSchema = z.object({
  intent: z.literal('questions'),
  questions: z.array(QuestionSchema).max(MAX_QUESTIONS, e('tooManyQuestions')).default([]),
})
export type QuestionsInput = z.output<typeof QuestionsSchema>
export type QuestionInput = QuestionsInput['questions'][number]

const CriterionSchema = z.object({
  name: localized(CRITERION_NAME_MAX).refine(hasText, e('criterionNameRequired')),
  description: localized(CRITERION_DESCRIPTION_MAX),
  weight: z
    .string({ error: e('weightRequired') })
    .trim()
    .min(1, e('weightRequired'))
    .transform((text, ctx) => {
      const weight = Number(text)
      if (!Number.isInteger(weight) || weight < 1) ctx.addIssue({ code: 'custom', message: e('weightPositive') })
      else if (weight > WEIGHT_MAX) ctx.addIssue({ code: 'custom', message: e('weightTooLarge') })
      else return weight
      return z.NEVER
    }),
})

export const EvaluationSchema = z.object({
  intent: z.literal('evaluation'),
  scoreScale: z.enum(['5', '10'], { error: e('scaleInvalid') }).transform(Number),
  criteria: z.array(CriterionSchema).max(MAX_CRITERIA, e('tooManyCriteria')).default([]),
})
export type EvaluationInput = z.output<typeof EvaluationSchema>

/** Each criterion's share of the total weight, in percent (rounded for display). */
export function weightShares(weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + (weight > 0 ? weight : 0), 0)
  return weights.map((weight) => (total > 0 && weight > 0 ? (weight / total) * 100 : 0))
}

export const MatchingSchema = z
  .object({
    intent: z.literal('matching'),
    matchRatioPercent: integerField(1, MAX_MATCH_RATIO_PERCENT, 'ratioInvalid', true),
    matchCapPerStartup: optionalEuros,
    matchCapRound: optionalEuros,
    matchMinCommitted: optionalEuros.transform((value) => value ?? 0),
    matchMinInvestors: integerField(1, MAX_MIN_INVESTORS, 'minInvestorsInvalid', true),
    matchRequiresCrossBorder: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.matchCapPerStartup !== null && value.matchCapRound !== null && value.matchCapPerStartup > value.matchCapRound) {
      ctx.addIssue({ code: 'custom', path: ['matchCapPerStartup'], message: e('capOrder') })
    }
  })
export type MatchingInput = z.output<typeof MatchingSchema>

export const PledgeSchema = z.object({
  intent: z.literal('pledge'),
  investorOrganisationId: z.uuid(e('investorRequired')),
  pledge: optionalEuros.refine((value) => value !== null && value > 0, e('pledgeRequired')).transform((value) => value!),
  matchesCommitments: checkbox,
})
export type PledgeInput = z.output<typeof PledgeSchema>

export const RemovePledgeSchema = z.object({ intent: z.literal('remove-pledge'), investorOrganisationId: z.uuid(e('investorRequired')) })

export const InviteJurorSchema = z
  .object({
    intent: z.literal('invite-juror'),
    name: z.string({ error: e('jurorNameRequired') }).trim().min(1, e('jurorNameRequired')).max(120, e('tooLong')),
    email: z
      .string({ error: e('emailRequired') })
      .trim()
      .toLowerCase()
      .pipe(z.email(e('emailInvalid')).max(254, e('emailInvalid'))),
    kind: z.enum(jurorKinds, { error: e('jurorKindInvalid') }),
    investorOrganisationId: z.string().optional(),
  })
  .transform((value, ctx) => {
    if (value.kind === 'independent') return { ...value, investorOrganisationId: null }
    if (!value.investorOrganisationId || !z.uuid().safeParse(value.investorOrganisationId).success) {
      ctx.addIssue({ code: 'custom', path: ['investorOrganisationId'], message: e('jurorOrganisationRequired') })
      return z.NEVER
    }
    return { ...value, investorOrganisationId: value.investorOrganisationId }
  })
export type InviteJurorInput = z.output<typeof InviteJurorSchema>

export const JurorSchema = z.object({ intent: z.enum(['resend-juror', 'remove-juror']), jurorId: z.uuid(e('jurorUnknown')) })

export const TransitionSchema = z.object({
  intent: z.literal('transition'),
  to: z.enum(roundStatuses, { error: e('statusInvalid') }),
  /** Confirms moving an open round to review before its closing time. */
  early: checkbox,
})

/** Every form of the round's edit page, by its intent. */
export const roundPageSchemas = {
  texts: TextsSchema,
  window: WindowSchema,
  extend: ExtendSchema,
  eligibility: EligibilitySchema,
  questions: QuestionsSchema,
  evaluation: EvaluationSchema,
  matching: MatchingSchema,
  pledge: PledgeSchema,
  'remove-pledge': RemovePledgeSchema,
  'invite-juror': InviteJurorSchema,
  'resend-juror': JurorSchema,
  'remove-juror': JurorSchema,
  transition: TransitionSchema,
} as const
export type RoundPageIntent = keyof typeof roundPageSchemas

/** The answer on a jury invitation's page. */
export const AcceptJurySchema = z.object({ intent: z.literal('accept') })
