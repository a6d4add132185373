/**
 * The proposal editor form, used by Conform in the browser and parseWithZod on the server, and
 * the rules a complete proposal follows (also checked again when it is submitted for review).
 * Messages are translation keys (`proposals.errors.*`).
 *
 * Decisions:
 * - Amounts are typed in euros, with `.` or `,` before at most two decimals and no thousands
 *   separators ("250000", "250000.5", "250000,50"); they become integer cents. More decimals,
 *   a minus sign or more than 1e11 cents (a billion euros) are refused.
 * - Development phase and modality: medical devices and diagnostic assays take the device
 *   phases (concept ... CE marked); the therapeutic modalities (small molecule ... microbiome)
 *   take the drug phases (discovery ... approved); software, platform and other take either.
 * - A device class only with the EU MDR pathway (an MDR class) or EU IVDR (an IVDR class); it
 *   stays optional there, since a class may not be settled yet.
 * - The closing date must be after today whenever the form is saved (create, update, submit):
 *   a proposal whose date has passed would close as expired the next night.
 * - At least one language with title, teaser and description; any language with one of the
 *   three filled needs all three.
 */
import { z } from 'zod'
import { supportedLocales, type Locale } from '../i18n/locales'
import {
  deviceClasses,
  devicePhases,
  developmentPhases,
  drugPhases,
  instruments,
  ipStatuses,
  modalities,
  regulatoryPathways,
  stages,
  subsectors,
  therapeuticAreas,
  type DeviceClass,
  type DevelopmentPhase,
  type Modality,
  type RegulatoryPathway,
} from './taxonomy'

export const TITLE_MAX = 140
export const SUMMARY_MAX = 600
export const DESCRIPTION_MAX = 20_000
export const MAX_AMOUNT_CENTS = 100_000_000_000
export const MAX_USE_OF_FUNDS_ITEMS = 20

const e = (key: string) => `proposals.errors.${key}`

/** "1234.5" / "1234,50" -> 123450 cents; a translation key when the text is not an amount. */
export function parseEuros(text: string): number | { error: string } {
  const value = text.trim().replace(/\s+/g, '')
  if (value.startsWith('-')) return { error: e('amountNegative') }
  const match = /^(\d{1,15})(?:[.,](\d{1,}))?$/.exec(value)
  if (!match) return { error: e('amountInvalid') }
  const [, whole, fraction = ''] = match
  if (fraction.length > 2) return { error: e('amountDecimals') }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (cents > MAX_AMOUNT_CENTS) return { error: e('amountTooLarge') }
  return cents
}

/** Cents as the editor shows them in an amount field: 123450 -> "1234.50", 100 -> "1". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return ''
  const whole = Math.floor(cents / 100)
  const rest = cents % 100
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`
}

const euros = (requiredKey: string) =>
  z.string({ error: e(requiredKey) }).transform((text, ctx) => {
    const parsed = parseEuros(text)
    if (typeof parsed === 'number') return parsed
    ctx.addIssue({ code: 'custom', message: parsed.error })
    return z.NEVER
  })

const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, e(tooLong)).optional()

const LocaleTextSchema = z
  .object({
    title: optionalText(TITLE_MAX, 'titleTooLong'),
    summary: optionalText(SUMMARY_MAX, 'summaryTooLong'),
    description: optionalText(DESCRIPTION_MAX, 'descriptionTooLong'),
  })
  .optional()

const TextsSchema = z.object(
  Object.fromEntries(supportedLocales.map((locale) => [locale, LocaleTextSchema])) as Record<Locale, typeof LocaleTextSchema>,
)

const UseOfFundsItemSchema = z.object({
  label: z.string({ error: e('useOfFundsLabelRequired') }).trim().min(1, e('useOfFundsLabelRequired')).max(120, e('useOfFundsLabelTooLong')),
  amount: euros('useOfFundsAmountRequired'),
})

function isBlankRow(row: unknown): boolean {
  if (row === undefined || row === null || row === '') return true
  if (typeof row !== 'object') return false
  return Object.values(row).every((value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
}

const enumOf = <T extends readonly [string, ...string[]]>(values: T, requiredKey: string) =>
  z.enum(values, { error: e(requiredKey) })

export const deviceModalities: readonly Modality[] = ['medical_device', 'diagnostic_assay']
export const drugModalities: readonly Modality[] = [
  'small_molecule',
  'biologic',
  'antibody',
  'cell_therapy',
  'gene_therapy',
  'rna',
  'vaccine',
  'peptide',
  'microbiome',
]

/** The phases a modality may be in (see the decisions above). */
export function phasesForModality(modality: Modality): readonly DevelopmentPhase[] {
  if (deviceModalities.includes(modality)) return devicePhases
  if (drugModalities.includes(modality)) return drugPhases
  return developmentPhases
}

/** The device classes a regulatory pathway allows (none outside MDR/IVDR). */
export function deviceClassesForPathway(pathway: RegulatoryPathway): readonly DeviceClass[] {
  if (pathway === 'eu_mdr') return deviceClasses.filter((c) => c.startsWith('mdr_'))
  if (pathway === 'eu_ivdr') return deviceClasses.filter((c) => c.startsWith('ivdr_'))
  return []
}

/** Today as YYYY-MM-DD (UTC), the day the closing date is compared with. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

type Texts = Partial<Record<Locale, { title?: string; summary?: string; description?: string } | undefined>>

/** What the cross-field rules need; the form output and a stored proposal both have it. */
export interface RuleInput {
  texts: Texts
  amountSoughtCents: number
  minimumTicketCents: number
  closingDate: string
  modality: Modality
  developmentPhase: DevelopmentPhase
  regulatoryPathway: RegulatoryPathway
  deviceClass: DeviceClass | null | undefined
  useOfFunds: { amountCents: number }[]
}

export interface RuleIssue {
  path: (string | number)[]
  message: string
}

/** The rules across fields. An empty list means the proposal is complete and consistent. */
export function proposalRuleIssues(value: RuleInput, today: string): RuleIssue[] {
  const issues: RuleIssue[] = []
  let completeLanguages = 0
  for (const locale of supportedLocales) {
    const text = value.texts[locale]
    const filled = (['title', 'summary', 'description'] as const).filter((field) => text?.[field])
    if (filled.length === 3) completeLanguages++
    else if (filled.length > 0) {
      for (const field of ['title', 'summary', 'description'] as const) {
        if (!text?.[field]) issues.push({ path: ['texts', locale, field], message: e('languageIncomplete') })
      }
    }
  }
  if (completeLanguages === 0) issues.push({ path: ['texts'], message: e('languageRequired') })

  if (value.amountSoughtCents <= 0) issues.push({ path: ['amountSought'], message: e('amountZero') })
  if (value.minimumTicketCents <= 0) issues.push({ path: ['minimumTicket'], message: e('amountZero') })
  else if (value.minimumTicketCents > value.amountSoughtCents) {
    issues.push({ path: ['minimumTicket'], message: e('minimumTicketAboveAmount') })
  }
  if (!(value.closingDate > today)) issues.push({ path: ['closingDate'], message: e('closingDatePast') })
  if (!phasesForModality(value.modality).includes(value.developmentPhase)) {
    issues.push({ path: ['developmentPhase'], message: e('phaseModalityMismatch') })
  }
  if (value.deviceClass && !deviceClassesForPathway(value.regulatoryPathway).includes(value.deviceClass)) {
    issues.push({ path: ['deviceClass'], message: e('deviceClassPathwayMismatch') })
  }
  const sum = value.useOfFunds.reduce((total, item) => total + item.amountCents, 0)
  if (value.useOfFunds.length === 0) issues.push({ path: ['useOfFunds'], message: e('useOfFundsRequired') })
  else if (sum !== value.amountSoughtCents) issues.push({ path: ['useOfFunds'], message: e('useOfFundsSum') })
  return issues
}

/**
 * The editor form. `today` (YYYY-MM-DD) is the day the closing date must come after; the
 * browser passes its own, the server its own.
 */
export function proposalEditorSchema(today: string = isoToday()) {
  return z
    .object({
      texts: TextsSchema.optional().transform((texts) => texts ?? {}),
      amountSought: euros('amountRequired'),
      minimumTicket: euros('amountRequired'),
      preMoneyValuation: z
        .string()
        .optional()
        .transform((text, ctx) => {
          if (text === undefined || text.trim() === '') return null
          const parsed = parseEuros(text)
          if (typeof parsed === 'number') return parsed
          ctx.addIssue({ code: 'custom', message: parsed.error })
          return z.NEVER
        }),
      instrument: enumOf(instruments, 'instrumentRequired'),
      stage: enumOf(stages, 'stageRequired'),
      closingDate: z.string({ error: e('closingDateRequired') }).refine(isRealDate, e('closingDateInvalid')),
      subsector: enumOf(subsectors, 'subsectorRequired'),
      trl: z.number({ error: e('trlRequired') }).int(e('trlRequired')).min(1, e('trlRange')).max(9, e('trlRange')),
      developmentPhase: enumOf(developmentPhases, 'phaseRequired'),
      modality: enumOf(modalities, 'modalityRequired'),
      therapeuticAreas: z
        .array(z.enum(therapeuticAreas, { error: e('therapeuticAreaInvalid') }), { error: e('therapeuticAreaInvalid') })
        .optional()
        .transform((areas) => [...new Set(areas ?? [])]),
      regulatoryPathway: enumOf(regulatoryPathways, 'regulatoryPathwayRequired'),
      deviceClass: z
        .enum(deviceClasses, { error: e('deviceClassInvalid') })
        .optional()
        .transform((value) => value ?? null),
      ipStatus: enumOf(ipStatuses, 'ipStatusRequired'),
      // Rows left entirely blank (the spare rows of the table) are no items.
      useOfFunds: z.preprocess(
        // Kept in place as null, so that errors keep the index of the row shown.
        (rows) => (Array.isArray(rows) ? rows.map((row) => (isBlankRow(row) ? null : row)) : rows),
        z
          .array(UseOfFundsItemSchema.nullable(), { error: e('useOfFundsRequired') })
          .max(MAX_USE_OF_FUNDS_ITEMS, e('useOfFundsTooMany'))
          .optional()
          .transform((rows) => (rows ?? []).filter((row) => row !== null)),
      ),
    })
    .transform((form) => ({
      texts: cleanTexts(form.texts),
      amountSoughtCents: form.amountSought,
      minimumTicketCents: form.minimumTicket,
      preMoneyValuationCents: form.preMoneyValuation,
      instrument: form.instrument,
      stage: form.stage,
      closingDate: form.closingDate,
      subsector: form.subsector,
      trl: form.trl,
      developmentPhase: form.developmentPhase,
      modality: form.modality,
      therapeuticAreas: form.therapeuticAreas,
      regulatoryPathway: form.regulatoryPathway,
      deviceClass: form.deviceClass,
      ipStatus: form.ipStatus,
      useOfFunds: form.useOfFunds.map((item) => ({ label: item.label, amountCents: item.amount })),
    }))
    .superRefine((value, ctx) => {
      for (const issue of proposalRuleIssues(value, today)) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
      }
    })
}

/** The languages with all three texts, the others dropped (their partial state is an issue). */
function cleanTexts(texts: Texts): ProposalTexts {
  const out: ProposalTexts = {}
  for (const locale of supportedLocales) {
    const text = texts[locale]
    if (text?.title || text?.summary || text?.description) {
      out[locale] = { title: text.title ?? '', summary: text.summary ?? '', description: text.description ?? '' }
    }
  }
  return out
}

export type ProposalTexts = Partial<Record<Locale, { title: string; summary: string; description: string }>>

/** A proposal as the editor (and the import) gives it: money in cents, codes checked. */
export type ProposalInput = z.output<ReturnType<typeof proposalEditorSchema>>

/** The buttons of the editor form. */
export const editorIntents = ['save', 'submit'] as const

/** Closing a visible proposal from the studio: funded or withdrawn, with an optional note. */
export const CloseProposalSchema = z.object({
  intent: z.literal('close'),
  reason: z.enum(['funded', 'withdrawn'], { error: e('closedReasonInvalid') }),
  comment: z.string().trim().max(2000, e('commentTooLong')).optional(),
})
