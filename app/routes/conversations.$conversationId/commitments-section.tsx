import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { CommitmentRow } from '~/components/interests/ledger'
import { NonBindingBanner } from '~/components/interests/non-binding-banner'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors, TextareaField } from '~/components/ui/field'
import type { CommitmentEntry } from '~/modules/interests/commitments.server'
import type { Side } from '~/modules/interests/conversations.server'
import { CommitmentSchema, CONDITIONS_MAX, EUROS_MAX, EUROS_MIN, isoDay } from '~/modules/interests/schemas'

type Entry = Omit<CommitmentEntry, 'createdAt' | 'withdrawnAt'> & { createdAt: string | Date; withdrawnAt: string | Date | null }

/** The soft commitments of this introduction; the investor records one, either side withdraws. */
export function CommitmentsSection(props: { side: Side; commitments: Entry[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold text-ink">{t('interests.commitments.title')}</h2>
      <NonBindingBanner />
      {props.commitments.length > 0 ? (
        <ul className="divide-y divide-line">
          {props.commitments.map((entry) => (
            <CommitmentRow key={entry.id} entry={entry} canWithdraw={props.side !== 'organiser'} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{t(props.side === 'investor' ? 'interests.commitments.noneInvestor' : 'interests.commitments.none')}</p>
      )}
      {props.side === 'investor' ? <CommitmentForm lastResult={props.lastResult} /> : null}
    </Card>
  )
}

function CommitmentForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'commitment',
    lastResult,
    constraint: getZodConstraint(CommitmentSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommitmentSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 border-t border-line pt-4">
      <h3 className="text-sm font-semibold text-ink">{t('interests.commitments.record')}</h3>
      <input type="hidden" name="intent" value="commit" />
      <FormErrors errors={formErrors(form.errors)} />
      <Field label={t('interests.fields.amount')} type="number" inputMode="numeric" min={EUROS_MIN} max={EUROS_MAX} step={1} {...control(fields.amount)} />
      <Field label={t('interests.fields.validUntil')} type="date" min={isoDay(1)} {...control(fields.validUntil)} />
      <TextareaField label={t('interests.fields.conditions')} hint={t('interests.fields.conditionsHint')} rows={3} maxLength={CONDITIONS_MAX} {...control(fields.conditions)} />
      <Button type="submit" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'commit'}>
        {t('interests.commitments.save')}
      </Button>
    </Form>
  )
}
