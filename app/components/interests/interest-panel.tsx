import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Link, useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Button, buttonClass } from '~/components/ui/button'
import { Card, Notice } from '~/components/ui/card'
import { Field, FormErrors, TextareaField } from '~/components/ui/field'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { InterestPanel as Panel } from '~/modules/interests/interests.server'
import { EUROS_MAX, EUROS_MIN, ExpressInterestSchema, MESSAGE_MAX } from '~/modules/interests/schemas'

type Reply = { result: SubmissionResult<string[]> }

/** On a proposal's page: express interest, or where one stands (and why one cannot). */
export function InterestPanel({ proposalId, panel }: { proposalId: string; panel: Panel | null }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  if (!panel) return null
  const action = `/proposals/${proposalId}/interest`
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('interests.panel.title')}</h2>
      {panel.state === 'can_express' ? (
        <ExpressForm action={action} declinedBefore={panel.declinedBefore} />
      ) : panel.state === 'pending' ? (
        <PendingInterest action={action} interestId={panel.interestId} text={t('interests.panel.pending', {
          date: formatDate(new Date(panel.createdAt), locale),
          min: formatMoney(panel.ticketMinCents, locale),
          max: formatMoney(panel.ticketMaxCents, locale),
        })} />
      ) : panel.state === 'accepted' ? (
        <>
          <p className="mt-2 text-sm text-muted">{t('interests.panel.accepted')}</p>
          {panel.conversationId ? (
            <Link to={`/conversations/${panel.conversationId}`} className={buttonClass('primary', 'mt-4')}>
              {t('interests.panel.openConversation')}
            </Link>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-sm text-muted">{t(`interests.panel.${panel.state}`)}</p>
      )}
    </Card>
  )
}

function PendingInterest({ action, interestId, text }: { action: string; interestId: string; text: string }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<Reply>()
  const formErrors = useFormErrors()
  const errors = fetcher.data?.result.error?.[''] ?? undefined
  return (
    <fetcher.Form method="post" action={action} className="mt-2 space-y-3">
      <p className="text-sm text-muted">{text}</p>
      <FormErrors errors={formErrors(errors)} />
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="id" value={interestId} />
      <Button type="submit" variant="secondary" pending={fetcher.state !== 'idle'}>
        {t('interests.panel.withdraw')}
      </Button>
    </fetcher.Form>
  )
}

function ExpressForm({ action, declinedBefore }: { action: string; declinedBefore: boolean }) {
  const { t } = useTranslation()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const fetcher = useFetcher<Reply>()
  const [form, fields] = useForm({
    id: 'interest',
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(ExpressInterestSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExpressInterestSchema }),
  })
  return (
    <fetcher.Form method="post" action={action} {...getFormProps(form)} className="mt-2 space-y-4">
      <p className="text-sm text-muted">{t('interests.panel.lead')}</p>
      {declinedBefore ? <Notice tone="info">{t('interests.panel.declinedBefore')}</Notice> : null}
      <FormErrors errors={formErrors(form.errors)} />
      <input type="hidden" name="intent" value="express" />
      <TextareaField
        label={t('interests.fields.message')}
        hint={t('interests.fields.messageHint', { max: MESSAGE_MAX })}
        rows={5}
        maxLength={MESSAGE_MAX}
        {...control(fields.message)}
      />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <Field label={t('interests.fields.ticketMin')} type="number" inputMode="numeric" min={EUROS_MIN} max={EUROS_MAX} step={1} {...control(fields.ticketMin)} />
        <Field label={t('interests.fields.ticketMax')} type="number" inputMode="numeric" min={EUROS_MIN} max={EUROS_MAX} step={1} {...control(fields.ticketMax)} />
      </div>
      <p className="text-xs text-muted">{t('interests.panel.privacy')}</p>
      <Button type="submit" pending={fetcher.state !== 'idle'}>
        {t('interests.panel.send')}
      </Button>
    </fetcher.Form>
  )
}
