import type { SubmissionResult } from '@conform-to/react'
import { OrganisationRuleError } from './rule-error'

/** What a page with several forms answers after a refused submission: which form, and its errors. */
export interface FormReply {
  intent: string | null
  result: SubmissionResult<string[]>
}

interface Replier {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>
}

/** The reply to a submission with an unknown `intent`. */
export function unknownIntentReply(): FormReply {
  return { intent: null, result: { status: 'error', error: { '': ['organisations.errors.unknownAction'] } } }
}

/**
 * The reply for a broken organisation rule (shown next to its field, or above the form), or
 * null when `error` is something else and must propagate.
 */
export function ruleErrorReply(intent: string, submission: Replier, error: unknown): FormReply | null {
  if (!(error instanceof OrganisationRuleError)) return null
  const result = error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } })
    : submission.reply({ formErrors: [error.messageKey] })
  return { intent, result }
}
