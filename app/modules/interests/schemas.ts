/**
 * The forms of interests, conversations and soft commitments, used by Conform in the browser
 * and parseWithZod on the server. Messages are translation keys (`interests.errors.*`).
 *
 * Amounts are typed in whole euros and kept as integer cents. Bounds: a ticket or commitment
 * between 1,000 € and 100,000,000 €; the indicative ticket's minimum at most its maximum.
 */
import { z } from 'zod'

export const MESSAGE_MIN = 20
export const MESSAGE_MAX = 2_000
export const REASON_MAX = 1_000
export const CHAT_MAX = 5_000
export const CONDITIONS_MAX = 2_000
export const EUROS_MIN = 1_000
export const EUROS_MAX = 100_000_000
/** A soft commitment may be valid for at most two years. */
export const VALID_UNTIL_MAX_DAYS = 730

const e = (key: string) => `interests.errors.${key}`

const euros = z
  .number({ error: e('amountInvalid') })
  .int(e('amountWhole'))
  .min(EUROS_MIN, e('amountTooSmall'))
  .max(EUROS_MAX, e('amountTooLarge'))

export const ExpressInterestSchema = z
  .object({
    intent: z.literal('express'),
    message: z
      .string({ error: e('messageRequired') })
      .trim()
      .min(MESSAGE_MIN, e('messageTooShort'))
      .max(MESSAGE_MAX, e('messageTooLong')),
    ticketMin: euros,
    ticketMax: euros,
  })
  .refine((value) => value.ticketMin <= value.ticketMax, { message: e('ticketOrder'), path: ['ticketMax'] })

export const DecideInterestSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept'), interestId: z.uuid(e('unknownInterest')) }),
  z.object({
    intent: z.literal('decline'),
    interestId: z.uuid(e('unknownInterest')),
    reason: z.string().trim().max(REASON_MAX, e('reasonTooLong')).optional(),
  }),
])

export const MessageSchema = z.object({
  intent: z.literal('message'),
  body: z
    .string({ error: e('bodyRequired') })
    .trim()
    .min(1, e('bodyRequired'))
    .max(CHAT_MAX, e('bodyTooLong')),
})

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Today's date (UTC) plus `days`, as YYYY-MM-DD. */
export function isoDay(days = 0, from = new Date()): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days))
  return day.toISOString().slice(0, 10)
}

export const CommitmentSchema = z.object({
  intent: z.literal('commit'),
  amount: euros,
  conditions: z.string().trim().max(CONDITIONS_MAX, e('conditionsTooLong')).optional(),
  validUntil: z
    .string({ error: e('validUntilRequired') })
    .regex(isoDate, e('validUntilInvalid'))
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), e('validUntilInvalid'))
    .refine((value) => value > isoDay(0), e('validUntilPast'))
    .refine((value) => value <= isoDay(VALID_UNTIL_MAX_DAYS), e('validUntilTooFar')),
})

export const WithdrawSchema = z.object({ intent: z.literal('withdraw'), id: z.uuid(e('unknownInterest')) })
