import { getFormProps } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { fieldProps, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { countryOptions } from '~/modules/organisations/countries'
import { nutsRegions } from '~/modules/organisations/regions'
import { centsToInput } from '~/modules/proposals/schemas'
import { stages, trlLevels } from '~/modules/proposals/taxonomy'
import { canEditSection, EligibilitySchema, MAX_COMPANY_AGE } from '~/modules/rounds/schemas'
import { subsectorLabelKey, subsectors } from '~/modules/startups/subsectors'
import type { RoundPageData } from './route'
import { LockNotice, useFormReply } from './tabs'

const listedCodes = new Set(nutsRegions.map((region) => region.code))

/** Who may apply: regions or countries, subsectors, stages, minimum TRL, amount sought and company age (empty lists mean any). */
export function EligibilityTab({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const { round } = page
  const editable = canEditSection('eligibility', round.status)
  const [form, fields] = useSchemaForm({
    id: 'eligibility',
    schema: EligibilitySchema,
    lastResult: useFormReply('eligibility'),
    defaultValue: {
      regions: round.eligibleRegions.filter((code) => listedCodes.has(code)),
      otherRegions: round.eligibleRegions.filter((code) => !listedCodes.has(code)).join(', '),
      countries: round.eligibleCountries,
      subsectors: round.eligibleSubsectors,
      stages: round.eligibleStages,
      minTrl: round.minTrl?.toString() ?? '',
      amountMin: centsToInput(round.amountMinCents),
      amountMax: centsToInput(round.amountMaxCents),
      maxCompanyAgeYears: round.maxCompanyAgeYears?.toString() ?? '',
    } as never,
  })
  const regionsOf = (country: 'ES' | 'PT') => nutsRegions.filter((r) => r.country === country).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <input type="hidden" name="intent" value="eligibility" />
        <LockNotice section="eligibility" status={round.status} />
        <p className="text-sm text-muted">{t('rounds.eligibility.lead')}</p>
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <fieldset disabled={!editable} className="space-y-6">
          <CheckboxGroup className="" legend={t('rounds.eligibility.regionsES')} field={fields.regions} options={regionsOf('ES')} />
          <CheckboxGroup className="" legend={t('rounds.eligibility.regionsPT')} field={fields.regions} options={regionsOf('PT')} />
          <Field label={t('rounds.eligibility.otherRegions')} hint={t('rounds.eligibility.otherRegionsHint')} {...fieldProps(fields.otherRegions, t)} />
          <CheckboxGroup
            className=""
            legend={t('rounds.eligibility.countries')}
            hint={t('rounds.eligibility.countriesHint')}
            field={fields.countries}
            options={countryOptions(locale)}
            columns="grid-cols-2 sm:grid-cols-4"
          />
          <CheckboxGroup className="" legend={t('rounds.eligibility.subsectors')} field={fields.subsectors} options={subsectors.map((code) => ({ value: code, label: t(subsectorLabelKey(code)) }))} />
          <CheckboxGroup
            className=""
            legend={t('rounds.eligibility.stages')}
            field={fields.stages}
            options={stages.map((code) => ({ value: code, label: t(`proposals.taxonomy.stages.${code}`) }))}
            columns="sm:grid-cols-4"
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <SelectField
              label={t('rounds.eligibility.minTrl')}
              options={[{ value: '', label: t('rounds.eligibility.anyTrl') }, ...trlLevels.map((level) => ({ value: String(level), label: `TRL ${level}` }))]}
              {...fieldProps(fields.minTrl, t)}
            />
            <Field
              label={t('rounds.eligibility.maxCompanyAge')}
              hint={t('rounds.eligibility.maxCompanyAgeHint')}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_COMPANY_AGE}
              {...fieldProps(fields.maxCompanyAgeYears, t)}
            />
            <Field label={t('rounds.eligibility.amountMin')} hint={t('rounds.eligibility.eurosHint')} inputMode="decimal" {...fieldProps(fields.amountMin, t)} />
            <Field label={t('rounds.eligibility.amountMax')} hint={t('rounds.eligibility.eurosHint')} inputMode="decimal" {...fieldProps(fields.amountMax, t)} />
          </div>
        </fieldset>
        {editable ? (
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('rounds.setup.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  )
}
