/**
 * The organisers' decision on a proposal under review (publish, or send it back with a comment).
 * Used by Conform in the browser and parseWithZod on the server; messages are translation keys.
 */
import { z } from 'zod'

export const REVIEW_COMMENT_MAX = 2000

const optionalComment = z.string().trim().max(REVIEW_COMMENT_MAX, 'catalogue.review.errors.commentTooLong').optional()

export const PublishSchema = z.object({ intent: z.literal('publish'), comment: optionalComment })

export const RequestChangesSchema = z.object({
  intent: z.literal('request-changes'),
  comment: z
    .string({ error: 'catalogue.review.errors.commentRequired' })
    .trim()
    .min(1, 'catalogue.review.errors.commentRequired')
    .max(REVIEW_COMMENT_MAX, 'catalogue.review.errors.commentTooLong'),
})

/** The review page's forms, by intent. */
export const reviewSchemas = { publish: PublishSchema, 'request-changes': RequestChangesSchema } as const
export type ReviewIntent = keyof typeof reviewSchemas

export function isReviewIntent(value: unknown): value is ReviewIntent {
  return typeof value === 'string' && Object.hasOwn(reviewSchemas, value)
}
