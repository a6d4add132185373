/**
 * One row of an import file, checked with zod. A row's values come as CSV text or JSON values;
 * empty cells are missing values. Messages are translation keys (`imports.errors.*`, and the
 * editor's `proposals.errors.*` for the rules a proposal follows wherever it is written), so
 * the upload page reports them in the organiser's language.
 *
 * Amounts differ from the editor on purpose: a file has no language, so a comma or a dot
 * between digit groups is ambiguous ("1.000" is a thousand in Spain and one in England). The
 * import takes a dot before at most two decimals and nothing else ("1250000.50").
 */
import { z } from 'zod'
import { importColumn } from './columns'
import { supportedLocales, type Locale } from '~/modules/i18n/locales'
import { isCountryCode } from '~/modules/organisations/countries'
import { hasNutsRegions, isNutsCode, isRegionOfCountry } from '~/modules/organisations/regions'
import {
  DESCRIPTION_MAX,
  MAX_AMOUNT_CENTS,
  MAX_USE_OF_FUNDS_ITEMS,
  proposalRuleIssues,
  SUMMARY_MAX,
  TITLE_MAX,
  type ProposalInput,
} from '~/modules/proposals/schemas'
import {
  developmentPhases,
  deviceClasses,
  instruments,
  ipStatuses,
  modalities,
  regulatoryPathways,
  stages,
  subsectors,
  therapeuticAreas,
} from '~/modules/proposals/taxonomy'

const e = (key: string) => `imports.errors.${key}`

/** A startup as a row describes it: the key always, the rest when it is new to Ponte. */
export interface ImportStartup {
  key: string
  name?: string
  country?: string
  region?: string
  city?: string
  foundedYear?: number
  website?: string
  subsectors?: (typeof subsectors)[number][]
}

export interface ImportRow {
  startup: ImportStartup
  originalLocale: Locale
  proposal: ProposalInput
}

/** Cells that hold nothing (empty, blanks, null) are missing values; text is trimmed. */
function blank(value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  return value
}

/** A required or optional field whose message says "required" when missing and `invalid` otherwise. */
const messageFor = (invalid: string) => (issue: { input?: unknown }) => (issue.input === undefined ? e('required') : e(invalid))

const present = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema)

const text = (max: number) => z.string({ error: messageFor('text') }).max(max, e('textTooLong'))

const code = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: messageFor('code') })

/** Several codes separated by semicolons (or a JSON array of codes), duplicates dropped. */
const codeList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.string(), z.array(z.string())], { error: e('codeList') }).transform((input, ctx) => {
    const items = (Array.isArray(input) ? input : input.split(';')).map((item) => item.trim()).filter(Boolean)
    const unknown = items.filter((item) => !(values as readonly string[]).includes(item))
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: e('codeList'), params: { value: unknown.join('; ') } })
      return z.NEVER
    }
    return [...new Set(items)] as T[number][]
  })

const amountPattern = /^\d{1,10}(\.\d{1,2})?$/
/** "1.000,50", "1,000.50", "1 000", "1000,5": thousands separators or a decimal comma. */
const separatorsPattern = /^\d{1,3}([., '\u00a0\u202f]\d{3})+([.,]\d{1,2})?$|^\d+,\d{1,2}$/

/** Euros (text with a dot before at most two decimals, or a JSON number) -> integer cents, or a message key. */
export function eurosToCents(value: string | number): number | string {
  let cents: number
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return e('amountFormat')
    cents = Math.round(value * 100)
    if (Math.abs(cents - value * 100) > 1e-6) return e('amountFormat')
  } else {
    const textValue = value.trim()
    if (!amountPattern.test(textValue)) return separatorsPattern.test(textValue) ? e('amountSeparators') : e('amountFormat')
    const [whole, fraction = ''] = textValue.split('.')
    cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  }
  if (cents <= 0 || cents > MAX_AMOUNT_CENTS) return e('amountRange')
  return cents
}

const euros = z.union([z.string(), z.number()], { error: messageFor('amountFormat') }).transform((value, ctx) => {
  const cents = eurosToCents(value)
  if (typeof cents === 'number') return cents
  ctx.addIssue({ code: 'custom', message: cents, params: { max: MAX_AMOUNT_CENTS / 100 } })
  return z.NEVER
})

/** A whole number in a range, as text ("7") or a JSON number. */
const wholeNumber = (min: number, max: number) =>
  z.union([z.string(), z.number()], { error: messageFor('wholeNumber') }).transform((value, ctx) => {
    const number = typeof value === 'number' ? value : /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN
    if (Number.isInteger(number) && number >= min && number <= max) return number
    ctx.addIssue({ code: 'custom', message: e('wholeNumber'), params: { min, max } })
    return z.NEVER
  })

/** YYYY-MM-DD, a real calendar day. */
const isoDate = z.string({ error: messageFor('date') }).refine((value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}, e('date'))

/** "Clinical trial:300000;Team:200000", or a JSON array of { label, amount_eur }. */
const useOfFunds = z
  .union(
    [
      z.string(),
      z.array(z.object({ label: z.string(), amount_eur: z.union([z.string(), z.number()]) }, { error: e('useOfFundsFormat') })),
    ],
    { error: messageFor('useOfFundsFormat') },
  )
  .transform((input, ctx) => {
    const pairs = Array.isArray(input)
      ? input.map((item) => ({ label: item.label.trim(), amount: item.amount_eur, raw: `${item.label}:${item.amount_eur}` }))
      : input
          .split(';')
          .map((raw) => raw.trim())
          .filter(Boolean)
          .map((raw) => {
            const colon = raw.lastIndexOf(':')
            return colon < 0 ? { label: '', amount: '', raw } : { label: raw.slice(0, colon).trim(), amount: raw.slice(colon + 1).trim(), raw }
          })
    const items: { label: string; amountCents: number }[] = []
    for (const pair of pairs) {
      const cents = eurosToCents(pair.amount)
      if (!pair.label || pair.label.length > 120 || typeof cents !== 'number') {
        ctx.addIssue({ code: 'custom', message: e('useOfFundsItem'), params: { value: pair.raw } })
      } else items.push({ label: pair.label, amountCents: cents })
    }
    if (pairs.length === 0) ctx.addIssue({ code: 'custom', message: e('required') })
    if (pairs.length > MAX_USE_OF_FUNDS_ITEMS) ctx.addIssue({ code: 'custom', message: e('useOfFundsTooMany'), params: { max: MAX_USE_OF_FUNDS_ITEMS } })
    return items
  })

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const translationShape = Object.fromEntries(
  supportedLocales.flatMap((locale) => [
    [`title_${locale}`, present(text(TITLE_MAX).optional())],
    [`summary_${locale}`, present(text(SUMMARY_MAX).optional())],
    [`description_${locale}`, present(text(DESCRIPTION_MAX).optional())],
  ]),
) as unknown as Record<`${'title' | 'summary' | 'description'}_${Locale}`, z.ZodType<string | undefined>>

const rowShape = z.object({
  startup_key: present(z.string({ error: messageFor('startupKey') }).max(60, e('startupKey')).regex(slugPattern, e('startupKey'))),
  startup_name: present(z.string({ error: e('text') }).min(2, e('startupName')).max(120, e('startupName')).optional()),
  startup_country: present(
    z
      .string({ error: e('country') })
      .toUpperCase()
      .refine((value) => isCountryCode(value) && hasNutsRegions(value), e('country'))
      .optional(),
  ),
  startup_region: present(z.string({ error: e('region') }).toUpperCase().refine(isNutsCode, e('region')).optional()),
  startup_city: present(text(120).optional()),
  startup_founded_year: present(wholeNumber(1900, new Date().getUTCFullYear()).optional()),
  startup_website: present(
    z
      .string({ error: e('website') })
      .max(200, e('website'))
      .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(value) && URL.canParse(value), e('website'))
      .optional(),
  ),
  startup_subsectors: present(codeList(subsectors).optional()),
  language: present(code(supportedLocales)),
  title: present(text(TITLE_MAX)),
  summary: present(text(SUMMARY_MAX)),
  description: present(text(DESCRIPTION_MAX)),
  ...translationShape,
  amount_sought_eur: present(euros),
  minimum_ticket_eur: present(euros),
  pre_money_valuation_eur: present(euros.optional()),
  instrument: present(code(instruments)),
  stage: present(code(stages)),
  closing_date: present(isoDate),
  subsector: present(code(subsectors)),
  trl: present(wholeNumber(1, 9)),
  development_phase: present(code(developmentPhases)),
  modality: present(code(modalities)),
  therapeutic_areas: present(codeList(therapeuticAreas).optional()),
  regulatory_pathway: present(code(regulatoryPathways)),
  device_class: present(code(deviceClasses).optional()),
  ip_status: present(code(ipStatuses)),
  use_of_funds: present(useOfFunds),
})


type RowShape = z.output<typeof rowShape>
type RowField = keyof RowShape

/** A problem with one field of a row: a translation key and the values it takes. */
export interface FieldIssue {
  field: string
  message: string
  values?: Record<string, string | number>
}

/** The columns each proposal rule reads (its issue is dropped when one of them is already wrong). */
const ruleInputs: Record<string, RowField[]> = {
  texts: ['language', 'title', 'summary', 'description'],
  amountSought: ['amount_sought_eur'],
  minimumTicket: ['amount_sought_eur', 'minimum_ticket_eur'],
  closingDate: ['closing_date'],
  developmentPhase: ['development_phase', 'modality'],
  deviceClass: ['device_class', 'regulatory_pathway'],
  useOfFunds: ['use_of_funds', 'amount_sought_eur'],
}

/** The proposal rules' paths (the editor's field names) as import column names. */
function columnOfRulePath(path: readonly PropertyKey[], language: Locale): string {
  const [first, locale, field] = path
  if (first === 'texts') return locale === undefined ? 'title' : locale === language ? String(field) : `${String(field)}_${String(locale)}`
  const names: Record<string, string> = {
    amountSought: 'amount_sought_eur',
    minimumTicket: 'minimum_ticket_eur',
    closingDate: 'closing_date',
    developmentPhase: 'development_phase',
    deviceClass: 'device_class',
    useOfFunds: 'use_of_funds',
  }
  return names[String(first)] ?? String(first)
}

function toRow(value: RowShape): ImportRow {
  const texts: ProposalInput['texts'] = {}
  for (const locale of supportedLocales) {
    const own = locale === value.language
    const title = own ? value.title : value[`title_${locale}`]
    const summary = own ? value.summary : value[`summary_${locale}`]
    const description = own ? value.description : value[`description_${locale}`]
    if (title || summary || description) texts[locale] = { title: title ?? '', summary: summary ?? '', description: description ?? '' }
  }
  return {
    startup: {
      key: value.startup_key,
      name: value.startup_name,
      country: value.startup_country,
      region: value.startup_region,
      city: value.startup_city,
      foundedYear: value.startup_founded_year,
      website: value.startup_website,
      subsectors: value.startup_subsectors,
    },
    originalLocale: value.language,
    proposal: {
      texts,
      amountSoughtCents: value.amount_sought_eur,
      minimumTicketCents: value.minimum_ticket_eur,
      preMoneyValuationCents: value.pre_money_valuation_eur ?? null,
      instrument: value.instrument,
      stage: value.stage,
      closingDate: value.closing_date,
      subsector: value.subsector,
      trl: value.trl,
      developmentPhase: value.development_phase,
      modality: value.modality,
      therapeuticAreas: value.therapeutic_areas ?? [],
      regulatoryPathway: value.regulatory_pathway,
      deviceClass: value.device_class ?? null,
      ipStatus: value.ip_status,
      // (Empty only while checking the rules of a row whose use of funds is wrong.)
      useOfFunds: value.use_of_funds ?? [],
    },
  }
}

/** Whole euros without decimals, else two: how the report writes a sum. */
export function centsToEuros(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)
}

function shown(input: unknown): string {
  const textValue = typeof input === 'string' ? input : JSON.stringify(input) ?? ''
  return textValue.length > 60 ? `${textValue.slice(0, 57)}...` : textValue
}

/** The rules across fields, each checked when the fields it reads are valid on their own. */
function crossFieldIssues(value: RowShape, invalid: ReadonlySet<string>, today: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!invalid.has('language')) {
    // The row's language is written in title/summary/description; title_<language> may repeat it, not contradict it.
    for (const field of ['title', 'summary', 'description'] as const) {
      const column = `${field}_${value.language}` as const
      if (!invalid.has(column) && !invalid.has(field) && value[column] !== undefined && value[column] !== value[field]) {
        issues.push({ field: column, message: e('ownLanguageColumn'), values: { language: value.language } })
      }
    }
  }
  if (value.startup_country && value.startup_region && !isRegionOfCountry(value.startup_region, value.startup_country)) {
    issues.push({ field: 'startup_region', message: e('regionOfCountry'), values: { value: value.startup_region, country: value.startup_country } })
  }
  const row = toRow(value)
  for (const issue of proposalRuleIssues(row.proposal, today)) {
    const rule = String(issue.path[0])
    if ((ruleInputs[rule] ?? []).some((field) => invalid.has(field))) continue
    if (rule === 'texts' && supportedLocales.some((locale) => ['title', 'summary', 'description'].some((f) => invalid.has(`${f}_${locale}`)))) continue
    const field = columnOfRulePath(issue.path, value.language)
    if (issue.message === 'proposals.errors.useOfFundsSum') {
      const sum = row.proposal.useOfFunds.reduce((total, item) => total + item.amountCents, 0)
      issues.push({ field, message: e('useOfFundsSum'), values: { sum: centsToEuros(sum), expected: centsToEuros(row.proposal.amountSoughtCents) } })
    } else if (issue.message === 'proposals.errors.closingDatePast') {
      issues.push({ field, message: e('closingDatePast'), values: { today } })
    } else if (issue.message === 'proposals.errors.languageIncomplete') {
      issues.push({ field, message: e('languageIncomplete'), values: { language: String(issue.path[1]) } })
    } else if (issue.message !== 'proposals.errors.useOfFundsRequired') {
      // (An empty use of funds is reported by its own field.) The import words the editor's other rules itself.
      issues.push({ field, message: e(issue.message.replace('proposals.errors.', '')) })
    }
  }
  return issues
}

const fieldNames = Object.keys(rowShape.shape) as RowField[]

export interface RowCheck {
  /** The row ready to import; null when it has issues. */
  row: ImportRow | null
  /** The startup the row names, with the startup fields that are valid; null when the key is not. */
  startup: ImportStartup | null
  issues: FieldIssue[]
  /** Columns whose value is wrong on its own. */
  invalid: ReadonlySet<string>
}

/**
 * Checks one row (CSV text or JSON values by column name): every field with zod, then the
 * rules across fields. Returns the row ready to import, or every problem found, by column.
 */
export function validateImportRow(record: Record<string, unknown>, today: string): RowCheck {
  const result = rowShape.safeParse(record, { reportInput: true })
  const issues: FieldIssue[] = []
  let value: RowShape
  const invalid = new Set<string>()
  if (result.success) value = result.data
  else {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '')
      if (invalid.has(field)) continue
      invalid.add(field)
      const params = (issue as { params?: Record<string, string | number> }).params
      const values: Record<string, string | number> = {}
      if ('input' in issue && issue.input !== undefined) values.value = shown(issue.input)
      const codes = importColumn(field)?.codes
      if (codes) values.allowed = codes.join(', ')
      if (issue.code === 'too_big') values.max = Number(issue.maximum)
      issues.push({ field, message: issue.message, values: { ...values, ...params } })
    }
    // Every field that is valid on its own, so the rules across fields can still be checked.
    value = Object.fromEntries(
      fieldNames.filter((field) => !invalid.has(field)).map((field) => [field, rowShape.shape[field].parse(record[field])]),
    ) as RowShape
  }
  issues.push(...crossFieldIssues(value, invalid, today))
  for (const issue of issues) invalid.add(issue.field)
  const row = toRow(value)
  const startup = value.startup_key === undefined ? null : row.startup
  return issues.length ? { row: null, startup, issues, invalid } : { row, startup, issues: [], invalid }
}
