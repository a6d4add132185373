import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { countryOptions } from '~/modules/organisations/countries'
import { hasListedRegions, nutsRegions, regionsOf } from '~/modules/organisations/regions'
import { CreateOrganisationSchema, investorTypes } from '~/modules/organisations/schemas'
import { fieldProps, useUiLocale } from './form-fields'

type Kind = 'startup' | 'investor' | 'organiser'

/** The form that creates an organisation: its kind, name and seat, and the profile its kind needs. */
export function CreateOrganisationForm(props: { kinds: Kind[]; lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'create-organisation',
    lastResult: props.lastResult,
    defaultValue: { kind: props.kinds[0] },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateOrganisationSchema }),
  })
  const kind = (fields.kind.value ?? props.kinds[0]) as Kind
  const country = fields.country.value ?? ''
  const placeholder = (label: string) => ({ value: '', label })

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      {props.kinds.length > 1 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-ink">{t('organisations.create.kind')}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {props.kinds.map((option) => (
              <label
                key={option}
                className="flex cursor-pointer gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-brand-500 has-[:checked]:ring-2 has-[:checked]:ring-brand-200"
              >
                <input
                  type="radio"
                  name={fields.kind.name}
                  value={option}
                  defaultChecked={(fields.kind.initialValue ?? props.kinds[0]) === option}
                  className="mt-1 accent-brand-700"
                />
                <span>
                  <span className="block text-sm font-semibold text-ink">{t(`common.kinds.${option}`)}</span>
                  <span className="block text-sm text-muted">{t(`organisations.create.kindHint.${option}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {fields.kind.errors ? (
            <p role="alert" className="text-sm text-danger">
              {fields.kind.errors.map((error) => t(error)).join(' ')}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <input type="hidden" name={fields.kind.name} value={props.kinds[0]} />
      )}

      <Field label={t('organisations.create.name')} hint={t('organisations.create.nameHint')} autoComplete="organization" {...fieldProps(fields.name, t)} />
      <SelectField
        label={t('organisations.create.country')}
        options={[placeholder(t('organisations.create.countryPlaceholder')), ...countryOptions(locale)]}
        {...fieldProps(fields.country, t)}
      />

      {kind === 'startup' ? (
        <div className="grid gap-6 sm:grid-cols-2">
          {!country || hasListedRegions(country) ? (
            <SelectField
              key={`region-${country}`}
              label={t('organisations.create.region')}
              options={[
                placeholder(t('organisations.create.regionPlaceholder')),
                ...(country ? regionsOf(country) : nutsRegions).map((region) => ({ value: region.code, label: `${region.name} (${region.code})` })),
              ]}
              {...fieldProps(fields.region, t)}
            />
          ) : (
            <Field
              key="region-code"
              label={t('organisations.create.regionCode')}
              hint={t('organisations.create.regionCodeHint')}
              maxLength={8}
              autoCapitalize="characters"
              {...fieldProps(fields.region, t)}
            />
          )}
          <Field label={t('organisations.create.city')} autoComplete="address-level2" {...fieldProps(fields.city, t)} />
        </div>
      ) : null}

      {kind === 'investor' ? (
        <SelectField
          label={t('organisations.create.investorType')}
          options={[
            placeholder(t('organisations.create.investorTypePlaceholder')),
            ...investorTypes.map((type) => ({ value: type, label: t(`organisations.investorTypes.${type}`) })),
          ]}
          {...fieldProps(fields.investorType, t)}
        />
      ) : null}

      <Button type="submit" pending={navigation.state === 'submitting'}>
        {t(kind === 'organiser' ? 'organisations.create.submitOrganiser' : 'organisations.create.submit')}
      </Button>
    </Form>
  )
}
