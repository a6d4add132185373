import { getFormProps, getInputProps } from '@conform-to/react'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useSchemaForm } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { AcceptNdaSchema } from '~/modules/dataroom/schemas'

const terms = ['confidential', 'noSharing', 'purpose', 'logging', 'return'] as const

/** The NDA terms and the click-through that records the investor's acceptance. */
export function NdaCard() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const lastResult = useActionData<SubmissionResult<string[]>>()
  const [form, fields] = useSchemaForm({ id: 'accept-nda', schema: AcceptNdaSchema, lastResult })
  const errors = fields.accept.errors?.map((error) => t(error))
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('dataroom.nda.title')}</h2>
      <p className="mt-2 text-sm text-muted">{t('dataroom.nda.lead')}</p>
      <ol className="mt-4 list-decimal space-y-2 pl-5 text-sm leading-relaxed text-ink">
        {terms.map((term) => (
          <li key={term}>{t(`dataroom.nda.terms.${term}`)}</li>
        ))}
      </ol>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        <input type="hidden" name="intent" value="accept-nda" />
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <div className="flex items-start gap-3">
          <input
            {...getInputProps(fields.accept, { type: 'checkbox' })}
            className="mt-1 h-4 w-4 rounded border-line text-brand-700 focus:ring-2 focus:ring-brand-200"
            aria-describedby={errors?.length ? `${fields.accept.id}-error` : undefined}
          />
          <label htmlFor={fields.accept.id} className="text-sm font-medium text-ink">
            {t('dataroom.nda.checkbox')}
          </label>
        </div>
        {errors?.length ? (
          <p id={`${fields.accept.id}-error`} role="alert" className="text-sm text-danger">
            {errors.join(' ')}
          </p>
        ) : null}
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('dataroom.nda.submit')}
        </Button>
      </Form>
    </Card>
  )
}
