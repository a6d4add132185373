import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useSchemaForm } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { investorCategories, VerificationRequestSchema } from '~/modules/investors/verification-schemas'

/** Asking to be verified: the investor category in plain words, and the risk warning to acknowledge. */
export function RequestForm({ lastResult, renewal }: { lastResult?: SubmissionResult<string[]>; renewal: boolean }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'verification-request',
    schema: VerificationRequestSchema,
    lastResult,
  })
  const categoryErrors = fields.category.errors?.map((error) => t(error))
  const riskErrors = fields.acknowledgeRisk.errors?.map((error) => t(error))
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t(renewal ? 'investors.verification.renewHeading' : 'investors.verification.requestHeading')}</h2>
      <p className="mt-1 text-sm text-muted">{t('investors.verification.requestLead')}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
        <input type="hidden" name="intent" value="request" />
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <fieldset aria-describedby={categoryErrors?.length ? `${fields.category.id}-error` : undefined}>
          <legend className="text-sm font-medium text-ink">{t('investors.verification.categoryQuestion')}</legend>
          <div className="mt-2 space-y-3">
            {investorCategories.map((category) => (
              <label
                key={category}
                className="flex items-start gap-3 rounded-lg border border-line p-4 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name={fields.category.name}
                  value={category}
                  defaultChecked={fields.category.initialValue === category}
                  className="mt-0.5 h-4 w-4 accent-brand-700"
                />
                <span>
                  <span className="font-medium text-ink">{t(`investors.categories.${category}.name`)}</span>
                  <span className="mt-1 block text-muted">{t(`investors.categories.${category}.explain`)}</span>
                </span>
              </label>
            ))}
          </div>
          {categoryErrors?.length ? (
            <p id={`${fields.category.id}-error`} role="alert" className="mt-1 text-sm text-danger">
              {categoryErrors.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <div className="rounded-lg border border-accent-500/40 bg-[#fff7ed] px-4 py-3 text-sm">
          <p className="font-semibold text-ink">{t('investors.verification.riskHeading')}</p>
          <p className="mt-1 text-ink">{t('investors.verification.riskWarning')}</p>
          <label className="mt-3 flex items-start gap-3 text-ink">
            <input
              type="checkbox"
              name={fields.acknowledgeRisk.name}
              defaultChecked={fields.acknowledgeRisk.initialValue === 'on'}
              aria-invalid={riskErrors?.length ? true : undefined}
              aria-describedby={riskErrors?.length ? `${fields.acknowledgeRisk.id}-error` : undefined}
              className="mt-0.5 h-4 w-4 accent-brand-700"
            />
            <span className="font-medium">{t('investors.verification.riskAcknowledge')}</span>
          </label>
          {riskErrors?.length ? (
            <p id={`${fields.acknowledgeRisk.id}-error`} role="alert" className="mt-1 text-sm text-danger">
              {riskErrors.join(' ')}
            </p>
          ) : null}
        </div>
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('investors.verification.submit')}
        </Button>
      </Form>
    </Card>
  )
}
