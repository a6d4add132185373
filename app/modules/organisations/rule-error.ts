/**
 * A request that breaks one of the organisation rules (the last owner leaving, inviting
 * someone who is already a member, ...). Routes turn it into a 400 with the message next to
 * `field`, or above the form when there is no field. The message is a translation key.
 */
export class OrganisationRuleError extends Error {
  override name = 'OrganisationRuleError'

  constructor(
    readonly messageKey: string,
    readonly field?: string,
  ) {
    super(messageKey)
  }
}
