/**
 * The forms of the jury and of the organiser's decisions, used by Conform in the browser and
 * parseWithZod on the server. Messages are translation keys (`jury.errors.*`).
 */
import { z } from 'zod'

export const REASON_MAX = 1_000
export const COMMENT_MAX = 2_000
export const FEEDBACK_MIN = 10
export const FEEDBACK_MAX = 5_000

const e = (key: string) => `jury.errors.${key}`

export const DeclarationSchema = z.discriminatedUnion(
  'conflicted',
  [
    z.object({ intent: z.literal('declare'), conflicted: z.literal('no') }),
    z.object({
      intent: z.literal('declare'),
      conflicted: z.literal('yes'),
      reason: z
        .string({ error: e('reasonRequired') })
        .trim()
        .min(1, e('reasonRequired'))
        .max(REASON_MAX, e('reasonTooLong')),
    }),
  ],
  { error: e('declarationRequired') },
)

/**
 * A review form: one entry per criterion of the round, a score 1..scale and a comment. A draft
 * may leave scores out; submitting needs every one.
 */
export function reviewSchema(scale: number) {
  return z
    .object({
      intent: z.enum(['draft', 'submit'], { error: e('invalidForm') }),
      criteria: z
        .array(
          z.object({
            id: z.uuid(e('invalidForm')),
            score: z
              .number({ error: e('scoreInvalid') })
              .int(e('scoreInvalid'))
              .min(1, e('scoreOutOfRange'))
              .max(scale, e('scoreOutOfRange'))
              .optional(),
            comment: z.string().trim().max(COMMENT_MAX, e('commentTooLong')).optional(),
          }),
          { error: e('invalidForm') },
        )
        .min(1, e('invalidForm')),
    })
    .superRefine((value, context) => {
      if (value.intent !== 'submit') return
      value.criteria.forEach((criterion, index) => {
        if (criterion.score === undefined) context.addIssue({ code: 'custom', message: e('scoreRequired'), path: ['criteria', index, 'score'] })
      })
    })
}

export type ReviewInput = z.infer<ReturnType<typeof reviewSchema>>

export const DecisionSchema = z.object({
  intent: z.literal('decide'),
  applicationId: z.uuid(e('invalidForm')),
  decision: z.enum(['shortlisted', 'declined'], { error: e('decisionRequired') }),
  feedback: z
    .string({ error: e('feedbackRequired') })
    .trim()
    .min(FEEDBACK_MIN, e('feedbackTooShort'))
    .max(FEEDBACK_MAX, e('feedbackTooLong')),
  /** The comments shared with the applicant, as "reviewId:criterionId". */
  shared: z
    .array(z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, e('unknownComment')))
    .max(200, e('unknownComment'))
    .default([]),
})

export type DecisionInput = z.infer<typeof DecisionSchema>

export const SendOutcomesSchema = z.object({ intent: z.literal('send') })

/** The key of a juror's comment on one criterion, as the decision form sends it. */
export const commentKey = (reviewId: string, criterionId: string) => `${reviewId}:${criterionId}`
