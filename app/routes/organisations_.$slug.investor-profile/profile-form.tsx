import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { fieldProps, useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field, FormErrors, SelectField, TextareaField } from '~/components/ui/field'
import { localeNames, supportedLocales } from '~/modules/i18n/locales'
import type { InvestorProfileForEditing } from '~/modules/investors/profile.server'
import { InvestorProfileSchema, MAX_PORTFOLIO_HIGHLIGHTS } from '~/modules/investors/profile-schema'
import { countryOptions } from '~/modules/organisations/countries'
import { nutsRegions } from '~/modules/organisations/regions'
import { investorTypes } from '~/modules/organisations/schemas'
import { stages, trlLevels } from '~/modules/proposals/taxonomy'
import { subsectorLabelKey, subsectors } from '~/modules/startups/subsectors'

const translated = (field: FieldMetadata<unknown>, t: TFunction) => field.errors?.map((error) => t(error))

/** The investor profile form: who the investor is, what it invests in, how much, where, and its track record. */
export function InvestorProfileForm(props: { profile: InvestorProfileForEditing; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const { profile } = props
  const [form, fields] = useForm({
    id: 'investor-profile',
    lastResult: props.lastResult,
    defaultValue: {
      type: profile.type ?? '',
      city: profile.city ?? '',
      countries: profile.countries,
      thesis: profile.thesis,
      subsectors: profile.subsectors,
      stages: profile.stages,
      trlMin: profile.trlMin?.toString() ?? '',
      trlMax: profile.trlMax?.toString() ?? '',
      ticketMin: profile.ticketMin?.toString() ?? '',
      ticketMax: profile.ticketMax?.toString() ?? '',
      regions: profile.regions,
      coInvestment: profile.coInvestment ? 'on' : '',
      portfolio: profile.portfolio,
      listed: profile.listed ? 'on' : '',
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvestorProfileSchema }),
  })
  const thesis = fields.thesis.getFieldset()
  const portfolio = fields.portfolio.getFieldList()
  const trlOptions = [
    { value: '', label: t('investors.profile.trlAny') },
    ...trlLevels.map((level) => ({
      value: String(level),
      label: `TRL ${level}`,
    })),
  ]
  const regionsByCountry = (['ES', 'PT'] as const).map((country) => ({
    country,
    options: nutsRegions.filter((r) => r.country === country).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
  }))

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('investors.profile.sections.identity')}</h2>
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          <SelectField
            label={t('investors.profile.type')}
            options={[
              { value: '', label: t('investors.profile.typePlaceholder') },
              ...investorTypes.map((type) => ({
                value: type,
                label: t(`organisations.investorTypes.${type}`),
              })),
            ]}
            {...fieldProps(fields.type, t)}
          />
          <Field label={t('investors.profile.city')} autoComplete="address-level2" {...fieldProps(fields.city, t)} />
        </div>
        <CheckboxGroup
          legend={t('investors.profile.countries')}
          hint={t('investors.profile.countriesHint')}
          field={fields.countries}
          options={countryOptions(locale)}
          columns="grid-cols-2 sm:grid-cols-4"
        />
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('investors.profile.sections.thesis')}</h2>
        <p className="mt-1 text-sm text-muted">{t('investors.profile.thesisHint')}</p>
        {fields.thesis.errors ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {translated(fields.thesis, t)?.join(' ')}
          </p>
        ) : null}
        <div className="mt-4 space-y-4">
          {supportedLocales.map((lang) => (
            <TextareaField
              key={lang}
              label={t('investors.profile.thesisIn', {
                language: localeNames[lang],
              })}
              lang={lang}
              rows={3}
              maxLength={2000}
              {...fieldProps(thesis[lang], t)}
            />
          ))}
        </div>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('investors.profile.sections.focus')}</h2>
        <CheckboxGroup
          legend={t('investors.profile.subsectors')}
          field={fields.subsectors}
          options={subsectors.map((code) => ({
            value: code,
            label: t(subsectorLabelKey(code)),
          }))}
        />
        <CheckboxGroup
          legend={t('investors.profile.stages')}
          field={fields.stages}
          options={stages.map((code) => ({
            value: code,
            label: t(`proposals.taxonomy.stages.${code}`),
          }))}
          columns="sm:grid-cols-4"
        />
        <div className="mt-6 grid gap-5 sm:grid-cols-2">
          <SelectField label={t('investors.profile.trlMin')} options={trlOptions} {...fieldProps(fields.trlMin, t)} />
          <SelectField label={t('investors.profile.trlMax')} options={trlOptions} {...fieldProps(fields.trlMax, t)} />
          <Field
            label={t('investors.profile.ticketMin')}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            hint={t('investors.profile.ticketHint')}
            {...fieldProps(fields.ticketMin, t)}
          />
          <Field label={t('investors.profile.ticketMax')} type="number" inputMode="numeric" min={1} step={1} {...fieldProps(fields.ticketMax, t)} />
        </div>
        {regionsByCountry.map(({ country, options }) => (
          <CheckboxGroup key={country} legend={t(`investors.profile.regions${country}`)} field={fields.regions} options={options} />
        ))}
        <label className="mt-6 flex items-start gap-3 text-sm text-ink">
          <input
            type="checkbox"
            name={fields.coInvestment.name}
            defaultChecked={fields.coInvestment.initialValue === 'on'}
            className="mt-0.5 h-4 w-4 accent-brand-700"
          />
          <span>
            <span className="font-medium">{t('investors.profile.coInvestment')}</span>
            <span className="block text-muted">{t('investors.profile.coInvestmentHint')}</span>
          </span>
        </label>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('investors.profile.sections.portfolio')}</h2>
        <p className="mt-1 text-sm text-muted">{t('investors.profile.portfolioHint')}</p>
        {portfolio.length === 0 ? <p className="mt-2 text-sm text-muted">{t('investors.profile.portfolioEmpty')}</p> : null}
        <ul className="mt-4 space-y-4">
          {portfolio.map((row, index) => {
            const item = row.getFieldset()
            return (
              <li key={row.key} className="grid items-end gap-3 sm:grid-cols-[1fr_2fr_auto]">
                <Field
                  label={t('investors.profile.portfolioName', {
                    number: index + 1,
                  })}
                  {...fieldProps(item.name, t)}
                />
                <Field
                  label={t('investors.profile.portfolioNote', {
                    number: index + 1,
                  })}
                  maxLength={160}
                  {...fieldProps(item.note, t)}
                />
                <Button
                  variant="secondary"
                  {...form.remove.getButtonProps({
                    name: fields.portfolio.name,
                    index,
                  })}
                >
                  {t('investors.profile.portfolioRemove')}
                </Button>
              </li>
            )
          })}
        </ul>
        {fields.portfolio.errors ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {translated(fields.portfolio, t)?.join(' ')}
          </p>
        ) : null}
        {portfolio.length < MAX_PORTFOLIO_HIGHLIGHTS ? (
          <Button variant="secondary" className="mt-4" {...form.insert.getButtonProps({ name: fields.portfolio.name })}>
            {t('investors.profile.portfolioAdd')}
          </Button>
        ) : null}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('investors.profile.sections.directory')}</h2>
        <label className="mt-4 flex items-start gap-3 text-sm text-ink">
          <input type="checkbox" name={fields.listed.name} defaultChecked={fields.listed.initialValue === 'on'} className="mt-0.5 h-4 w-4 accent-brand-700" />
          <span>
            <span className="font-medium">{t('investors.profile.listed')}</span>
            <span className="block text-muted">{t('investors.profile.listedHint')}</span>
          </span>
        </label>
      </Card>

      <Button type="submit" pending={navigation.state === 'submitting'}>
        {t('investors.profile.save')}
      </Button>
    </Form>
  )
}
