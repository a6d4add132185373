/**
 * The codes of funding rounds, shared by server and browser code. Labels live in the `rounds`
 * locale namespace.
 */

/** draft → open → under_review → shortlisted → closed (see lifecycle for who may move it). */
export const roundStatuses = ['draft', 'open', 'under_review', 'shortlisted', 'closed'] as const
export type RoundStatus = (typeof roundStatuses)[number]

export const questionKinds = ['short_text', 'long_text', 'choice', 'number', 'file'] as const
export type QuestionKind = (typeof questionKinds)[number]

/** A juror sits for an investor organisation or as an independent expert. */
export const jurorKinds = ['investor', 'independent'] as const
export type JurorKind = (typeof jurorKinds)[number]

export const applicationStatuses = ['submitted', 'withdrawn', 'shortlisted', 'declined'] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]

/** The eligibility rules, in the order the pre-check shows them. */
export const eligibilityRules = ['region', 'country', 'subsector', 'stage', 'trl', 'amount', 'company_age'] as const
export type EligibilityRule = (typeof eligibilityRules)[number]

/** One rule's verdict: what the startup has, and what the round asks (for the "why"). */
export interface RuleVerdict {
  rule: EligibilityRule
  passed: boolean
  /** The startup's value as shown: a region code, a number, a subsector code; null when unknown. */
  actual: string | number | null
  /** What the round accepts: a list of codes, or bounds. */
  expected: { values?: string[]; min?: number | null; max?: number | null }
}

export interface EligibilityResult {
  eligible: boolean
  verdicts: RuleVerdict[]
}

export const scoreScales = [5, 10] as const
