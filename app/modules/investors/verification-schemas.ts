import { z } from 'zod'
import type { investorCategories as dbInvestorCategories } from '../../../db/schema'

/** Investor categories of the EU crowdfunding regulation (2020/1503): a copy the browser may import. */
export const investorCategories = ['sophisticated', 'non_sophisticated'] as const satisfies readonly (typeof dbInvestorCategories)[number][]
export type InvestorCategory = (typeof investorCategories)[number]

/** /organisations/:slug/verification: an owner or admin asks to be verified. */
export const VerificationRequestSchema = z.object({
  intent: z.literal('request', {
    error: 'investors.verification.errors.unknownAction',
  }),
  category: z.enum(investorCategories, {
    error: 'investors.verification.errors.categoryRequired',
  }),
  acknowledgeRisk: z.literal('on', {
    error: 'investors.verification.errors.riskRequired',
  }),
})
export type VerificationRequestInput = z.output<typeof VerificationRequestSchema>

const reason = z
  .string({ error: 'investors.queue.errors.reasonRequired' })
  .trim()
  .min(1, 'investors.queue.errors.reasonRequired')
  .max(1000, 'investors.queue.errors.reasonTooLong')

const requestId = z.uuid({
  error: 'investors.verification.errors.requestNotFound',
})

/** /organiser/investors: the organiser's decisions. */
export const ApproveVerificationSchema = z.object({
  intent: z.literal('approve'),
  requestId,
})
export const DeclineVerificationSchema = z.object({
  intent: z.literal('decline'),
  requestId,
  reason,
})
export const RevokeVerificationSchema = z.object({
  intent: z.literal('revoke'),
  organisationId: z.uuid({ error: 'catalogue.investors.errors.notFound' }),
  reason,
})
export const verificationDecisionSchemas = {
  approve: ApproveVerificationSchema,
  decline: DeclineVerificationSchema,
  revoke: RevokeVerificationSchema,
} as const
