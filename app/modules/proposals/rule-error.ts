/**
 * A request that breaks a proposal rule (editing a closed proposal, submitting an incomplete
 * one, requesting changes without a comment, ...). Routes turn it into a 400 with the message
 * (a translation key) above the form, or next to `field`.
 */
export class ProposalRuleError extends Error {
  override name = 'ProposalRuleError'

  constructor(
    readonly messageKey: string,
    readonly field?: string,
  ) {
    super(messageKey)
  }
}
