import { z } from 'zod'

/** /organiser/investors: mark an investor organisation verified, or take the mark away. */
export const InvestorVerificationSchema = z.object({
  intent: z.enum(['verify', 'unverify'], { error: 'catalogue.investors.errors.unknownAction' }),
  organisationId: z.uuid({ error: 'catalogue.investors.errors.notFound' }),
})
