/**
 * The application form of a round: the proposal applied with, and one field per question of the
 * round (built from its questions, so the browser and the server check the same rules). File
 * answers arrive as uploads, checked by the upload handler; whether a required file is there is
 * checked on the server, which knows the file already sent. Messages are translation keys.
 */
import { z } from 'zod'
import type { QuestionKind } from './taxonomy'

export const SHORT_ANSWER_MAX = 300
export const LONG_ANSWER_MAX = 5_000
/** Number answers are whole numbers that fit the database's integer. */
export const NUMBER_ANSWER_MIN = -2_000_000_000
export const NUMBER_ANSWER_MAX = 2_000_000_000

const e = (key: string) => `applying.errors.${key}`

/** What the form needs to know of a question. */
export interface FormQuestion {
  id: string
  kind: QuestionKind
  required: boolean
  choices: { value: string }[]
}

/** The link that downloads an uploaded answer (for the applicant and the round's organisers). */
export function answerFilePath(applicationId: string, questionId: string): string {
  return `/applications/${applicationId}/files/${questionId}`
}

/** The form field of a question's answer. */
export function answerField(questionId: string): string {
  return `answer_${questionId}`
}

function answerSchema(question: FormQuestion): z.ZodType | null {
  let schema: z.ZodType
  switch (question.kind) {
    case 'short_text':
      schema = z.string({ error: e('answerRequired') }).trim().min(1, e('answerRequired')).max(SHORT_ANSWER_MAX, e('shortTooLong'))
      break
    case 'long_text':
      schema = z.string({ error: e('answerRequired') }).trim().min(1, e('answerRequired')).max(LONG_ANSWER_MAX, e('longTooLong'))
      break
    case 'number':
      schema = z
        .number({ error: (issue) => (issue.input === undefined ? e('answerRequired') : e('numberInvalid')) })
        .int(e('numberWhole'))
        .min(NUMBER_ANSWER_MIN, e('numberInvalid'))
        .max(NUMBER_ANSWER_MAX, e('numberInvalid'))
      break
    case 'choice': {
      const values = question.choices.map((choice) => choice.value)
      schema = z.string({ error: e('choiceRequired') }).refine((value) => values.includes(value), e('choiceInvalid'))
      break
    }
    case 'file':
      return null
  }
  return question.required ? schema : schema.optional()
}

/** The application form of a round with these questions. */
export function applicationSchema(questions: readonly FormQuestion[]) {
  const answers: Record<string, z.ZodType> = {}
  for (const question of questions) {
    const schema = answerSchema(question)
    if (schema) answers[answerField(question.id)] = schema
  }
  return z.object({
    intent: z.literal('submit'),
    proposalId: z.uuid({ error: e('proposalRequired') }),
    ...answers,
  })
}

export type ApplicationForm = z.output<ReturnType<typeof applicationSchema>> & Record<string, unknown>

export const WithdrawApplicationSchema = z.object({ intent: z.literal('withdraw', { error: e('unknownAction') }) })
