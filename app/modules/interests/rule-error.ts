/**
 * A request that breaks a rule of interests, conversations or commitments (the daily limit, a
 * second decline, an interest already answered...). Routes show the message (a translation key)
 * above the form with the given status.
 */
export class InterestRuleError extends Error {
  override name = 'InterestRuleError'

  constructor(
    readonly messageKey: string,
    readonly status: 400 | 403 | 409 | 429 = 400,
  ) {
    super(messageKey)
  }
}
