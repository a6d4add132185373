import type { SubmissionResult } from '@conform-to/react'

/**
 * A request that breaks a rule of a round (a structural part changed once the round is open, a
 * move its status does not allow, a juror invited twice ...). Routes answer it with `status`
 * and the message (a translation key) next to `field`, or above the form without one.
 */
export class RoundRuleError extends Error {
  override name = 'RoundRuleError'

  constructor(
    readonly messageKey: string,
    readonly field?: string,
    readonly status: 400 | 403 | 409 | 429 = 400,
  ) {
    super(messageKey)
  }
}

interface Replier {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>
}

/**
 * The reply to a form whose submission broke a round rule: the message next to its field (or
 * above the form) and the rule's status; null when `error` is something else and must propagate.
 */
export function roundRuleReply(intent: string, submission: Replier, error: unknown): { intent: string; result: SubmissionResult<string[]>; status: number } | null {
  if (!(error instanceof RoundRuleError)) return null
  const result = error.field ? submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }) : submission.reply({ formErrors: [error.messageKey] })
  return { intent, result, status: error.status }
}
