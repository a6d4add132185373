import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { Button } from '~/components/ui/button'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { alertFrequencies, MAX_SAVED_SEARCHES, SaveSearchSchema } from '~/modules/alerts/schemas'

export type SaveSearchState =
  | { kind: 'anonymous'; loginHref: string }
  | { kind: 'unverified' }
  | { kind: 'full' }
  | { kind: 'ready'; query: string; suggestedName: string }

/**
 * Saving the search in view with a name and an alert frequency (a plain form: works without
 * JavaScript). Anonymous visitors get a link to log in that comes back to this search.
 */
export function SaveSearchPanel({ state, lastResult }: { state: SaveSearchState; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="save-search-heading" className="rounded-2xl border border-line bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="save-search-heading" className="text-sm font-semibold text-ink">
          {t('alerts.save.title')}
        </h2>
        {state.kind !== 'anonymous' ? (
          <Link to="/saved-searches" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            {t('alerts.save.manage')}
          </Link>
        ) : null}
      </div>
      {state.kind === 'anonymous' ? (
        <p className="mt-1 text-sm text-muted">
          <Link to={state.loginHref} className="font-medium text-brand-700 underline-offset-4 hover:underline">
            {t('alerts.save.signIn')}
          </Link>
        </p>
      ) : state.kind === 'unverified' ? (
        <p className="mt-1 text-sm text-muted">
          <Link to="/verify-email" className="font-medium text-brand-700 underline-offset-4 hover:underline">
            {t('alerts.save.verify')}
          </Link>
        </p>
      ) : state.kind === 'full' ? (
        <p className="mt-1 text-sm text-muted">{t('alerts.save.limit', { max: MAX_SAVED_SEARCHES })}</p>
      ) : (
        <SaveSearchForm query={state.query} suggestedName={state.suggestedName} lastResult={lastResult} />
      )}
    </section>
  )
}

function SaveSearchForm({ query, suggestedName, lastResult }: { query: string; suggestedName: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const navigation = useNavigation()
  const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save-search'
  const [form, fields] = useForm({
    id: 'save-search',
    lastResult,
    defaultValue: { name: suggestedName, frequency: 'daily' },
    constraint: getZodConstraint(SaveSearchSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaveSearchSchema }),
  })
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="mt-1">
      <p className="text-sm text-muted">{t('alerts.save.lead')}</p>
      <input type="hidden" name="intent" value="save-search" />
      <input type="hidden" name="query" value={query} />
      <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <Field label={t('alerts.save.name')} placeholder={t('alerts.save.namePlaceholder')} maxLength={80} autoComplete="off" {...control(fields.name)} />
        <SelectField
          label={t('alerts.save.frequency')}
          options={alertFrequencies.map((frequency) => ({ value: frequency, label: t(`alerts.frequencies.${frequency}`) }))}
          {...control(fields.frequency)}
        />
        <Button type="submit" pending={submitting} className="sm:mt-[1.625rem]">
          {t('alerts.save.submit')}
        </Button>
      </div>
      <div className="mt-2">
        <FormErrors errors={formErrors(form.errors)} />
      </div>
    </Form>
  )
}
