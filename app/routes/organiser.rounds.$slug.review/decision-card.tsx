import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormErrors } from '~/components/account/form-controls'
import { ConflictReasons, useScoreFormat } from '~/components/rounds/jury-bits'
import { useRoundTime } from '~/components/rounds/round-bits'
import { Button } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { FormErrors, TextareaField } from '~/components/ui/field'
import type { BoardApplication } from '~/modules/rounds/decisions.server'
import { commentKey, DecisionSchema, FEEDBACK_MAX, FEEDBACK_MIN } from '~/modules/rounds/jury-schemas'
import type { CriterionView } from '~/modules/rounds/reviews.server'
import type { action } from './route'

const statusTone = { submitted: 'warning', shortlisted: 'success', declined: 'neutral' } as const

type Application = Omit<BoardApplication, 'decidedAt' | 'outcomeSentAt'> & { decidedAt: string | Date | null; outcomeSentAt: string | Date | null }

/** One application: its scores and reviews, who is excluded and why, and the organiser's decision. */
export function DecisionCard({ application, criteria, canDecide }: { application: Application; criteria: CriterionView[]; canDecide: boolean }) {
  const { t } = useTranslation()
  const { inViewerZone } = useRoundTime()
  const format = useScoreFormat()
  const editable = canDecide && !application.outcomeSentAt
  const formId = `decision-${application.id}`
  return (
    <Card className="scroll-mt-24 space-y-5">
      <div id={`application-${application.id}`} className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold text-ink">{application.startup}</h3>
          <p className="text-sm text-muted">{application.proposal}</p>
        </div>
        <Badge tone={statusTone[application.status]}>{t(`jury.board.status.${application.status}`)}</Badge>
      </div>
      <p className="text-sm text-ink">
        {application.raw === null
          ? t('jury.board.noReviews')
          : t('jury.board.scores', {
              rawRank: application.rawRank,
              raw: format.score(application.raw),
              normalisedRank: application.normalisedRank,
              normalised: format.z(application.normalised ?? 0),
            })}
        {application.drafts ? <span className="text-muted"> · {t('jury.board.drafts', { count: application.drafts })}</span> : null}
      </p>
      {application.excluded.length ? (
        <div className="rounded-lg border border-line bg-canvas px-4 py-3">
          <h4 className="text-sm font-semibold text-ink">{t('jury.board.excludedJurors')}</h4>
          <ul className="mt-2 space-y-2">
            {application.excluded.map((juror) => (
              <li key={juror.juror} className="text-sm">
                <span className="font-medium">{t('jury.jurorLabel', { number: juror.juror })}</span> · {juror.name}
                <ConflictReasons automatic={juror.automatic} declared={juror.declared} perspective="organiser" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {application.reviews.length ? (
        <div className="space-y-4">
          <h4 className="text-sm font-semibold text-ink">{t('jury.board.reviewsTitle')}</h4>
          {application.reviews.map((review) => (
            <div key={review.id} className="rounded-lg border border-line px-4 py-3">
              <p className="flex flex-wrap justify-between gap-2 text-sm">
                <span>
                  <span className="font-medium text-ink">{t('jury.jurorLabel', { number: review.juror })}</span> · {review.jurorName}
                </span>
                <span className="font-mono text-ink">
                  {review.counted && review.weighted !== null ? `${format.score(review.weighted)} · z ${format.z(review.z ?? 0)}` : t('jury.board.notCounted')}
                </span>
              </p>
              <ul className="mt-2 space-y-2 text-sm">
                {criteria.map((criterion) => {
                  const score = review.scores.find((s) => s.criterionId === criterion.id)
                  const shareable = review.counted && Boolean(score?.comment.trim())
                  return (
                    <li key={criterion.id}>
                      <span className="text-ink">
                        {criterion.name}: <strong>{score?.score ?? '–'}</strong>
                      </span>
                      {score?.comment ? <p className="mt-0.5 whitespace-pre-line text-muted">{score.comment}</p> : null}
                      {shareable ? (
                        <label className="mt-1 inline-flex items-center gap-2 text-xs font-medium text-brand-800">
                          <input type="checkbox" form={formId} name="shared" value={commentKey(review.id, criterion.id)} defaultChecked={score!.shared} disabled={!editable} />
                          {t('jury.board.share')}
                        </label>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      {editable ? (
        <DecisionForm formId={formId} application={application} />
      ) : application.status !== 'submitted' ? (
        <div className="space-y-2 border-t border-line pt-4 text-sm">
          <h4 className="font-semibold text-ink">{t('jury.board.feedback')}</h4>
          <p className="whitespace-pre-line text-ink">{application.feedback}</p>
          {application.outcomeSentAt ? (
            <p className="text-muted">{t('jury.board.sentOn', { date: inViewerZone(application.outcomeSentAt) })}</p>
          ) : null}
        </div>
      ) : null}
    </Card>
  )
}

function DecisionForm({ formId, application }: { formId: string; application: Application }) {
  const { t } = useTranslation()
  const formErrors = useFormErrors()
  const navigation = useNavigation()
  const reply = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: formId,
    lastResult: reply?.applicationId === application.id ? reply.result : undefined,
    defaultValue: { decision: application.status === 'submitted' ? undefined : application.status, feedback: application.feedback ?? '' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('applicationId') === application.id
  const errorsOf = (errors: string[] | undefined) => errors?.map((error) => t(error))
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 border-t border-line pt-4">
      <FormErrors errors={formErrors(form.errors)} />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="applicationId" value={application.id} />
      <fieldset>
        <legend className="text-sm font-medium text-ink">{t('jury.board.decision')}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {(['shortlisted', 'declined'] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 rounded-lg border border-line px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
              <input type="radio" name={fields.decision.name} value={value} defaultChecked={fields.decision.initialValue === value} />
              {t(`jury.board.decide.${value}`)}
            </label>
          ))}
        </div>
        {fields.decision.errors ? (
          <p role="alert" className="mt-1 text-sm text-danger">
            {errorsOf(fields.decision.errors)?.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <TextareaField
        label={t('jury.board.feedback')}
        hint={t('jury.board.feedbackHint', { min: FEEDBACK_MIN, max: FEEDBACK_MAX })}
        name={fields.feedback.name}
        rows={4}
        maxLength={FEEDBACK_MAX}
        defaultValue={typeof fields.feedback.initialValue === 'string' ? fields.feedback.initialValue : ''}
        errors={errorsOf(fields.feedback.errors)}
      />
      {fields.shared.errors ? <FormErrors errors={errorsOf(fields.shared.errors)} /> : null}
      <Button type="submit" variant="secondary" pending={busy}>
        {t('jury.board.saveDecision')}
      </Button>
    </Form>
  )
}
