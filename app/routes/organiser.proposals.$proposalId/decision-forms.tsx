import { getFormProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useSchemaForm } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { PublishSchema, REVIEW_COMMENT_MAX, RequestChangesSchema, type ReviewIntent } from '~/modules/proposals/review-schemas'

/** What the review action answers after a refused decision: which form, and its errors. */
export interface ReviewReply {
  intent: ReviewIntent | null
  result: SubmissionResult<string[]>
}

function useReply(intent: ReviewIntent) {
  const reply = useActionData<ReviewReply>()
  return reply?.intent === intent || reply?.intent === null ? reply.result : undefined
}

/** Publish, or send back to the startup with what to change. */
export function DecisionForms() {
  const { t } = useTranslation()
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('catalogue.review.decide')}</h2>
      <div className="mt-4 space-y-6">
        <DecisionForm intent="publish" />
        <hr className="border-line" />
        <DecisionForm intent="request-changes" />
      </div>
    </Card>
  )
}

function DecisionForm({ intent }: { intent: ReviewIntent }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent
  const publish = intent === 'publish'
  const [form, fields] = useSchemaForm({ id: `review-${intent}`, schema: publish ? PublishSchema : RequestChangesSchema, lastResult: useReply(intent) })
  const comment = fields.comment!
  const errors = comment.errors?.map((error) => t(error))
  const hintId = `${comment.id}-hint`
  const errorId = `${comment.id}-error`
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value={intent} />
      <div className="space-y-1.5">
        <label htmlFor={comment.id} className="block text-sm font-medium text-ink">
          {t(publish ? 'catalogue.review.publishComment' : 'catalogue.review.changesComment')}
        </label>
        <textarea
          {...getTextareaProps(comment)}
          key={comment.key}
          rows={4}
          maxLength={REVIEW_COMMENT_MAX}
          aria-describedby={[errors?.length ? errorId : null, hintId].filter(Boolean).join(' ')}
          className={`block w-full rounded-lg border bg-white px-3 py-2.5 text-sm text-ink shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 ${errors?.length ? 'border-danger' : 'border-line'}`}
        />
        <p id={hintId} className="text-xs text-muted">
          {t(publish ? 'catalogue.review.publishHint' : 'catalogue.review.changesHint')}
        </p>
        {errors?.length ? (
          <ul id={errorId} role="alert" className="text-sm text-danger">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      <Button type="submit" variant={publish ? 'primary' : 'secondary'} pending={pending}>
        {t(publish ? 'catalogue.review.publish' : 'catalogue.review.requestChanges')}
      </Button>
    </Form>
  )
}
