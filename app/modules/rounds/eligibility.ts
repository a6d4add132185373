/**
 * Whether a startup may apply to a round with one of its proposals: one verdict per rule, in the
 * order of `eligibilityRules`, each with what the startup has and what the round asks, so the
 * pre-check can say why ("Your region PT16 is not among the eligible regions PT11 (Norte), …").
 * Pure: the pre-check page, the server's check on submit and the tests share it. An empty list or
 * a missing bound means the round accepts anything for that rule.
 */
import type { TFunction } from 'i18next'
import { formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { countryName } from '~/modules/organisations/countries'
import { regionName } from '~/modules/organisations/regions'
import { eligibilityRules, type EligibilityResult, type EligibilityRule, type RuleVerdict } from './taxonomy'

/** The round's eligibility columns (a `rounds` row has them all). */
export interface RoundEligibility {
  eligibleRegions: string[]
  eligibleCountries: string[]
  eligibleSubsectors: string[]
  eligibleStages: string[]
  minTrl: number | null
  amountMinCents: number | null
  amountMaxCents: number | null
  maxCompanyAgeYears: number | null
  /** Company age is counted up to the year the round closes, in the organiser's time zone. */
  closesAt: Date
  timeZone: string
}

/** What the startup's profile says: the seat's country, its NUTS-2 region and founding year (null when unknown). */
export interface StartupFacts {
  country: string
  region: string | null
  foundedYear: number | null
}

/** What the proposal's published version says. */
export interface ProposalFacts {
  subsector: string
  stage: string
  trl: number
  amountSoughtCents: number
}

/** The calendar year of `date` in `timeZone`. */
function yearIn(date: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(date))
}

/** Whole years from the founding year to the year the round closes (never negative). */
export function companyAgeAtClose(foundedYear: number, round: Pick<RoundEligibility, 'closesAt' | 'timeZone'>): number {
  return Math.max(0, yearIn(round.closesAt, round.timeZone) - foundedYear)
}

function listVerdict(rule: EligibilityRule, actual: string | null, values: string[]): RuleVerdict {
  return { rule, passed: values.length === 0 || (actual !== null && values.includes(actual)), actual, expected: { values } }
}

function verdictOf(rule: EligibilityRule, round: RoundEligibility, startup: StartupFacts, proposal: ProposalFacts): RuleVerdict {
  switch (rule) {
    case 'region':
      return listVerdict(rule, startup.region, round.eligibleRegions)
    case 'country':
      return listVerdict(rule, startup.country, round.eligibleCountries)
    case 'subsector':
      return listVerdict(rule, proposal.subsector, round.eligibleSubsectors)
    case 'stage':
      return listVerdict(rule, proposal.stage, round.eligibleStages)
    case 'trl':
      return { rule, passed: round.minTrl === null || proposal.trl >= round.minTrl, actual: proposal.trl, expected: { min: round.minTrl } }
    case 'amount': {
      const { amountMinCents: min, amountMaxCents: max } = round
      const amount = proposal.amountSoughtCents
      return { rule, passed: (min === null || amount >= min) && (max === null || amount <= max), actual: amount, expected: { min, max } }
    }
    case 'company_age': {
      const max = round.maxCompanyAgeYears
      const age = startup.foundedYear === null ? null : companyAgeAtClose(startup.foundedYear, round)
      return { rule, passed: max === null || (age !== null && age <= max), actual: age, expected: { max } }
    }
  }
}

/** Every rule's verdict, in the order the pre-check shows them; eligible when all pass. */
export function checkEligibility(round: RoundEligibility, startup: StartupFacts, proposal: ProposalFacts): EligibilityResult {
  const verdicts = eligibilityRules.map((rule) => verdictOf(rule, round, startup, proposal))
  return { eligible: verdicts.every((verdict) => verdict.passed), verdicts }
}

/** True when the round asks nothing of this rule (it passes, with nothing to check). */
export function acceptsAny(verdict: RuleVerdict): boolean {
  const { values, min, max } = verdict.expected
  return values ? values.length === 0 : (min ?? null) === null && (max ?? null) === null
}

const regionLabel = (code: string) => {
  const name = regionName(code)
  return name === code ? code : `${code} (${name})`
}

/** One verdict in words, in the reader's language. */
export function describeVerdict(verdict: RuleVerdict, t: TFunction, locale: Locale): string {
  const key = (suffix: string) => `applying.rules.${verdict.rule}.${suffix}`
  if (acceptsAny(verdict)) return t(key('any'))
  const outcome = verdict.passed ? 'pass' : 'fail'
  const values = verdict.expected.values ?? []
  switch (verdict.rule) {
    case 'region':
      if (verdict.actual === null) return t(key('unknown'), { expected: values.map(regionLabel).join(', ') })
      return t(key(outcome), { actual: regionLabel(String(verdict.actual)), expected: values.map(regionLabel).join(', ') })
    case 'country': {
      const name = (code: string) => countryName(code, locale)
      return t(key(outcome), { actual: name(String(verdict.actual)), expected: values.map(name).join(', ') })
    }
    case 'subsector': {
      const name = (code: string) => t(`startups.subsectors.${code}`)
      return t(key(outcome), { actual: name(String(verdict.actual)), expected: values.map(name).join(', ') })
    }
    case 'stage': {
      const name = (code: string) => t(`proposals.taxonomy.stages.${code}`)
      return t(key(outcome), { actual: name(String(verdict.actual)), expected: values.map(name).join(', ') })
    }
    case 'trl':
      return t(key(outcome), { actual: verdict.actual, min: verdict.expected.min })
    case 'amount': {
      const { min, max } = verdict.expected
      const money = (cents: number) => formatMoney(cents, locale)
      const actual = money(Number(verdict.actual))
      if (verdict.passed) {
        const range = min != null && max != null ? 'between' : min != null ? 'atLeast' : 'atMost'
        return t(key(`pass.${range}`), { actual, min: min != null ? money(min) : '', max: max != null ? money(max) : '' })
      }
      return min != null && Number(verdict.actual) < min ? t(key('below'), { actual, min: money(min) }) : t(key('above'), { actual, max: money(max!) })
    }
    case 'company_age':
      if (verdict.actual === null) return t(key('unknown'), { max: verdict.expected.max })
      return t(key(outcome), { count: Number(verdict.actual), max: verdict.expected.max })
  }
}

/** The verdicts that failed, in words (what a refused application is told). */
export function failedRulesInWords(result: EligibilityResult, t: TFunction, locale: Locale): string[] {
  return result.verdicts.filter((verdict) => !verdict.passed).map((verdict) => describeVerdict(verdict, t, locale))
}
