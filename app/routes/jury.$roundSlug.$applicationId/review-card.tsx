import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormErrors } from '~/components/account/form-controls'
import { useScoreFormat } from '~/components/rounds/jury-bits'
import { useRoundTime } from '~/components/rounds/round-bits'
import { Button } from '~/components/ui/button'
import { Card, Notice } from '~/components/ui/card'
import { TextareaField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/field'
import { COMMENT_MAX, reviewSchema } from '~/modules/rounds/jury-schemas'
import type { CriterionView, OtherReview, ScoreView } from '~/modules/rounds/reviews.server'
import type { RoundStatus } from '~/modules/rounds/taxonomy'
import type { action } from './route'

interface ReviewCardProps {
  roundStatus: RoundStatus
  scale: number
  criteria: CriterionView[]
  review: { submittedAt: string | Date | null; scores: ScoreView[] } | null
  declared: boolean
  canScore: boolean
}

/** The juror's own scores: the form while they may score, what they gave once submitted, or why not yet. */
export function ReviewCard(props: ReviewCardProps) {
  const { t } = useTranslation()
  const { inViewerZone } = useRoundTime()
  const submittedAt = props.review?.submittedAt ? new Date(props.review.submittedAt) : null
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('jury.review.title')}</h2>
      {submittedAt ? (
        <>
          <p className="mt-2 text-sm text-muted">{t('jury.review.submittedOn', { date: inViewerZone(submittedAt) })}</p>
          <ScoreList criteria={props.criteria} scores={props.review!.scores} scale={props.scale} />
        </>
      ) : props.canScore ? (
        <ReviewForm {...props} />
      ) : (
        <>
          <p className="mt-2 text-sm text-muted">
            {!props.declared && props.roundStatus === 'under_review'
              ? t('jury.review.declareFirst')
              : props.roundStatus === 'draft' || props.roundStatus === 'open'
                ? t('jury.review.notYet')
                : t('jury.review.over')}
          </p>
          {props.review ? <ScoreList criteria={props.criteria} scores={props.review.scores} scale={props.scale} /> : null}
        </>
      )}
    </Card>
  )
}

function ReviewForm({ scale, criteria, review }: ReviewCardProps) {
  const { t } = useTranslation()
  const formErrors = useFormErrors()
  const navigation = useNavigation()
  const reply = useActionData<typeof action>()
  const schema = useMemo(() => reviewSchema(scale), [scale])
  const [form, fields] = useForm({
    id: 'review',
    lastResult: reply?.form === 'review' ? reply.result : undefined,
    defaultValue: {
      criteria: criteria.map((criterion) => {
        const saved = review?.scores.find((s) => s.criterionId === criterion.id)
        return { id: criterion.id, score: saved?.score?.toString() ?? '', comment: saved?.comment ?? '' }
      }),
    },
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const rows = fields.criteria.getFieldList()
  const busy = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 space-y-6">
      <p className="text-sm text-muted">{t('jury.review.lead', { scale })}</p>
      <FormErrors errors={formErrors(form.errors)} />
      {rows.map((row, index) => {
        const criterion = criteria[index]!
        const field = row.getFieldset()
        const scoreErrors = field.score.errors?.map((error) => t(error))
        return (
          <fieldset key={row.key} className="space-y-3 border-t border-line pt-4 first-of-type:border-0 first-of-type:pt-0" aria-describedby={scoreErrors ? `${field.score.id}-error` : undefined}>
            <legend className="font-semibold text-ink">
              {criterion.name} <span className="text-sm font-normal text-muted">· {t('jury.review.weight', { weight: criterion.weight })}</span>
            </legend>
            {criterion.description ? <p className="text-sm text-muted">{criterion.description}</p> : null}
            <input type="hidden" name={field.id.name} value={criterion.id} />
            <div role="radiogroup" aria-label={t('jury.review.scoreOf', { criterion: criterion.name })} className="flex flex-wrap gap-1.5">
              {Array.from({ length: scale }, (_, i) => String(i + 1)).map((value) => (
                <label
                  key={value}
                  className="flex h-10 w-10 cursor-pointer items-center justify-center rounded-lg border border-line text-sm font-semibold text-ink focus-within:ring-2 focus-within:ring-brand-200 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white"
                >
                  <input type="radio" name={field.score.name} value={value} defaultChecked={field.score.initialValue === value} className="sr-only" />
                  {value}
                </label>
              ))}
            </div>
            {scoreErrors ? (
              <p id={`${field.score.id}-error`} role="alert" className="text-sm text-danger">
                {scoreErrors.join(' ')}
              </p>
            ) : null}
            <TextareaField
              label={t('jury.review.comment')}
              hint={t('jury.review.commentHint')}
              name={field.comment.name}
              rows={3}
              maxLength={COMMENT_MAX}
              defaultValue={typeof field.comment.initialValue === 'string' ? field.comment.initialValue : ''}
              errors={field.comment.errors?.map((error) => t(error))}
            />
          </fieldset>
        )
      })}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="draft" variant="secondary" formNoValidate pending={busy('draft')}>
          {t('jury.review.saveDraft')}
        </Button>
        <Button type="submit" name="intent" value="submit" pending={busy('submit')}>
          {t('jury.review.submit')}
        </Button>
      </div>
      <p className="text-xs text-muted">{t('jury.review.final')}</p>
    </Form>
  )
}

/** Scores given, criterion by criterion, with the comments. */
function ScoreList({ criteria, scores, scale }: { criteria: CriterionView[]; scores: ScoreView[]; scale: number }) {
  const { t } = useTranslation()
  return (
    <dl className="mt-4 space-y-3 text-sm">
      {criteria.map((criterion) => {
        const score = scores.find((s) => s.criterionId === criterion.id)
        return (
          <div key={criterion.id}>
            <dt className="flex justify-between gap-3">
              <span className="font-medium text-ink">{criterion.name}</span>
              <span className="font-semibold text-ink">{score?.score ? t('jury.review.scoreOutOf', { score: score.score, scale }) : t('jury.review.notScored')}</span>
            </dt>
            {score?.comment ? <dd className="mt-1 whitespace-pre-line text-muted">{score.comment}</dd> : null}
          </div>
        )
      })}
    </dl>
  )
}

/** The other jurors' submitted scores: hidden until the juror submitted their own. */
export function OtherReviews({ criteria, others }: { criteria: CriterionView[]; others: OtherReview[] | null }) {
  const { t } = useTranslation()
  const format = useScoreFormat()
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('jury.others.title')}</h2>
      {others === null ? (
        <div className="mt-3">
          <Notice tone="info">{t('jury.others.hidden')}</Notice>
        </div>
      ) : others.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t('jury.others.none')}</p>
      ) : (
        <ul className="mt-4 space-y-5">
          {others.map((other) => (
            <li key={other.juror} className="border-t border-line pt-4 first:border-0 first:pt-0">
              <p className="flex justify-between font-semibold text-ink">
                <span>{t('jury.jurorLabel', { number: other.juror })}</span>
                <span>{t('jury.review.weighted', { value: format.score(other.weighted) })}</span>
              </p>
              <dl className="mt-2 space-y-2 text-sm">
                {criteria.map((criterion) => {
                  const score = other.scores.find((s) => s.criterionId === criterion.id)
                  return (
                    <div key={criterion.id}>
                      <dt className="flex justify-between gap-3 text-ink">
                        <span>{criterion.name}</span>
                        <span className="font-medium">{score?.score ?? '–'}</span>
                      </dt>
                      {score?.comment ? <dd className="mt-0.5 whitespace-pre-line text-muted">{score.comment}</dd> : null}
                    </div>
                  )
                })}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
