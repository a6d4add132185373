import { getFormProps } from '@conform-to/react'
import type { SerializeFrom } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSchemaForm } from '~/components/organisations/form-fields'
import { EligibilityPrecheck } from '~/components/rounds/eligibility-precheck'
import { Button, buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, FormErrors, SelectField, TextareaField } from '~/components/ui/field'
import { answerField, answerFilePath, applicationSchema, LONG_ANSWER_MAX, SHORT_ANSWER_MAX } from '~/modules/rounds/application-schemas'
import type { QuestionView } from '~/modules/rounds/applications.server'
import type { action, loader } from './route'

type Page = SerializeFrom<typeof loader>

/** The application: a published proposal (with its pre-check) and the round's questions; withdrawal below once applied. */
export function ApplicationForm({ page }: { page: Page }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<typeof action>()
  const { questions, checks, application } = page
  const schema = useMemo(() => applicationSchema(questions), [questions])
  const defaultValue: Record<string, string> = { proposalId: application?.proposalId ?? (checks.length === 1 ? checks[0]!.proposalId : '') }
  for (const answer of application?.answers ?? []) {
    const value = answer.text ?? (answer.number === null ? null : String(answer.number))
    if (value !== null) defaultValue[answerField(answer.questionId)] = value
  }
  const submitReply = reply?.intent === 'submit' ? reply : undefined
  const [form, fields] = useSchemaForm({ id: 'application', schema, lastResult: submitReply?.result, defaultValue: defaultValue as never })
  const errorsOf = (name: string) => (form.allErrors[name] ?? []).map((error) => t(error))
  const busy = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('intent') === intent

  if (checks.length === 0) {
    return <EmptyState title={t('applying.list.noProposalsTitle')} description={t('applying.list.noProposalsText')} />
  }
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t(application ? 'applying.form.editTitle' : 'applying.form.title')}</h2>
        <p className="mt-1 text-sm text-muted">{t('applying.form.lead')}</p>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-6 space-y-5">
          <input type="hidden" name="intent" value="submit" />
          <FormErrors errors={[...errorsOf(''), ...(submitReply?.messages ?? [])]} />
          <SelectField
            label={t('applying.form.proposal')}
            hint={t('applying.form.proposalHint')}
            name={fields.proposalId.name}
            defaultValue={fields.proposalId.initialValue ?? ''}
            errors={errorsOf('proposalId')}
            options={[
              { value: '', label: t('applying.form.choose') },
              ...checks.map((check) => ({
                value: check.proposalId,
                label: t(check.result.eligible ? 'applying.form.eligibleOption' : 'applying.form.ineligibleOption', { title: check.title }),
              })),
            ]}
          />
          <div className="space-y-3">
            {checks.map((check) => (
              <EligibilityPrecheck key={check.proposalId} title={check.title} titleLang={check.titleLang} result={check.result} />
            ))}
          </div>
          {questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              keptFile={application?.answers.find((answer) => answer.questionId === question.id)?.fileName ?? null}
              applicationId={application?.id ?? null}
              errors={errorsOf(answerField(question.id))}
              defaultValue={fields[answerField(question.id)]?.initialValue}
            />
          ))}
          <Button type="submit" pending={busy('submit')}>
            {t(application ? 'applying.form.save' : 'applying.form.submit')}
          </Button>
        </Form>
      </Card>
      {application ? <WithdrawCard pending={busy('withdraw')} messages={reply?.intent === 'withdraw' ? reply.messages : []} /> : null}
    </div>
  )
}

function QuestionField(props: {
  question: QuestionView
  defaultValue: unknown
  keptFile: string | null
  applicationId: string | null
  errors: string[]
}) {
  const { t } = useTranslation()
  const { question, errors } = props
  const name = answerField(question.id)
  const label = question.required ? question.label : t('applying.form.optional', { label: question.label })
  const defaultValue = typeof props.defaultValue === 'string' ? props.defaultValue : ''
  const hint = question.help ?? undefined
  switch (question.kind) {
    case 'short_text':
      return <Field label={label} name={name} defaultValue={defaultValue} maxLength={SHORT_ANSWER_MAX} required={question.required} hint={hint} errors={errors} />
    case 'long_text':
      return <TextareaField label={label} name={name} defaultValue={defaultValue} rows={6} maxLength={LONG_ANSWER_MAX} required={question.required} hint={hint} errors={errors} />
    case 'number':
      return <Field label={label} name={name} type="number" step={1} inputMode="numeric" defaultValue={defaultValue} required={question.required} hint={hint} errors={errors} />
    case 'choice':
      return (
        <SelectField
          label={label}
          name={name}
          defaultValue={defaultValue}
          required={question.required}
          hint={hint}
          errors={errors}
          options={[{ value: '', label: t('applying.form.choose') }, ...question.choices]}
        />
      )
    case 'file':
      return (
        <Field
          label={label}
          name={name}
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          required={question.required && !props.keptFile}
          errors={errors}
          hint={
            <>
              {hint ? <span className="block">{hint}</span> : null}
              {props.keptFile && props.applicationId ? (
                <a href={answerFilePath(props.applicationId, question.id)} className="block text-brand-700 underline">
                  {t('applying.form.fileKept', { name: props.keptFile })}
                </a>
              ) : null}
              <span className="block">{t('applying.form.fileHint')}</span>
            </>
          }
        />
      )
  }
}

function WithdrawCard({ pending, messages }: { pending: boolean; messages: string[] }) {
  const { t } = useTranslation()
  return (
    <Card>
      <FormErrors errors={messages} />
      <p className="text-sm text-muted">{t('applying.form.withdrawExplains')}</p>
      <details className="mt-3">
        <summary className={buttonClass('secondary', 'cursor-pointer list-none')}>{t('applying.form.withdraw')}</summary>
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="withdraw" />
          <Button type="submit" variant="danger" pending={pending}>
            {t('applying.form.confirmWithdraw')}
          </Button>
        </Form>
      </details>
    </Card>
  )
}
