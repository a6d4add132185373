/**
 * A jury or decision request that breaks a rule of the round (scoring outside the review
 * period, an excluded juror, a review already submitted, outcomes already sent...). Routes show
 * the message (a translation key in the `jury` namespace) with the given status.
 */
export class JuryRuleError extends Error {
  override name = 'JuryRuleError'

  constructor(
    readonly messageKey: string,
    readonly status: 400 | 403 | 409 = 409,
    readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey)
  }
}
