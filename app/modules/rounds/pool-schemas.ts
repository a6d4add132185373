/**
 * The forms of the co-investment pool page, for Conform in the browser and parseWithZod on the
 * server. Messages are translation keys (`pool.errors.*`). Amounts are whole euros, kept as
 * integer cents, between the same bounds as the soft commitments after an introduction.
 */
import { z } from 'zod'
import { EUROS_MAX, EUROS_MIN } from '~/modules/interests/schemas'

const e = (key: string) => `pool.errors.${key}`

const target = {
  organisationId: z.uuid(e('unknownInvestor')),
  applicationId: z.uuid(e('unknownApplication')),
}

export const RoundCommitmentSchema = z.object({
  intent: z.literal('commit'),
  ...target,
  amount: z
    .number({ error: e('amountInvalid') })
    .int(e('amountWhole'))
    .min(EUROS_MIN, e('amountTooSmall'))
    .max(EUROS_MAX, e('amountTooLarge')),
})

export const WithdrawRoundCommitmentSchema = z.object({ intent: z.literal('withdraw'), ...target })

export const PoolFormSchema = z.discriminatedUnion('intent', [RoundCommitmentSchema, WithdrawRoundCommitmentSchema])
