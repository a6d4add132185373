import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormErrors } from '~/components/account/form-controls'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors, TextareaField } from '~/components/ui/field'
import { formatDate } from '~/modules/i18n/format'
import { DeclarationSchema, REASON_MAX } from '~/modules/rounds/jury-schemas'
import { useViewerTimeZone } from '~/root'
import type { action } from './route'

interface Props {
  declaration: { conflicted: boolean; reason: string | null; declaredAt: string | Date } | null
  readOnly?: boolean
}

/** The juror's conflict-of-interest declaration: where it stands, and the form to make or change it. */
export function DeclarationCard({ declaration, readOnly = false }: Props) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const timeZone = useViewerTimeZone()
  const reply = useActionData<typeof action>()
  const lastResult = reply?.form === 'declaration' ? reply.result : undefined
  const declaredOn = declaration ? formatDate(new Date(declaration.declaredAt), locale, timeZone) : ''
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('jury.declaration.title')}</h2>
      {declaration ? (
        <p className="mt-2 text-sm text-ink">
          {declaration.conflicted ? t('jury.declaration.declaredYes', { date: declaredOn }) : t('jury.declaration.declaredNo', { date: declaredOn })}
        </p>
      ) : (
        <p className="mt-2 text-sm text-muted">{t('jury.declaration.lead')}</p>
      )}
      {readOnly ? (
        <p className="mt-3 text-sm text-muted">{t('jury.declaration.closed')}</p>
      ) : declaration && !lastResult ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('jury.declaration.change')}</summary>
          <DeclarationForm declaration={declaration} />
        </details>
      ) : (
        <DeclarationForm declaration={declaration} lastResult={lastResult} />
      )}
    </Card>
  )
}

function DeclarationForm({ declaration, lastResult }: Pick<Props, 'declaration'> & { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation()
  const formErrors = useFormErrors()
  const navigation = useNavigation()
  const [form, fields] = useForm<{ intent: 'declare'; conflicted: 'no' | 'yes'; reason?: string }>({
    id: 'declaration',
    lastResult,
    defaultValue: declaration ? { conflicted: declaration.conflicted ? 'yes' : 'no', reason: declaration.reason ?? '' } : undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclarationSchema }),
  })
  const chosen = fields.conflicted.value
  const reasonErrors = fields.reason.errors
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
      <FormErrors errors={formErrors(form.errors)} />
      <fieldset className="space-y-2">
        <legend className="sr-only">{t('jury.declaration.title')}</legend>
        {(['no', 'yes'] as const).map((value) => (
          <label key={value} className="flex items-start gap-3 rounded-lg border border-line px-3 py-2.5 text-sm text-ink has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
            <input type="radio" name={fields.conflicted.name} value={value} defaultChecked={fields.conflicted.initialValue === value} className="mt-0.5" required />
            <span>{t(`jury.declaration.${value}`)}</span>
          </label>
        ))}
        {fields.conflicted.errors?.map((error) => (
          <p key={error} className="text-sm text-danger" role="alert">
            {t(error)}
          </p>
        ))}
      </fieldset>
      {chosen === 'yes' || reasonErrors?.length ? (
        <TextareaField
          label={t('jury.declaration.reason')}
          hint={t('jury.declaration.reasonHint')}
          name="reason"
          rows={3}
          maxLength={REASON_MAX}
          defaultValue={declaration?.reason ?? ''}
          errors={reasonErrors?.map((error) => t(error))}
        />
      ) : null}
      <Button type="submit" name="intent" value="declare" variant="secondary" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'declare'}>
        {t('jury.declaration.save')}
      </Button>
    </Form>
  )
}
