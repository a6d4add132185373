import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldProps, useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors, SelectField, TextareaField } from '~/components/ui/field'
import { formatMoney } from '~/modules/i18n/format'
import { localeNames, supportedLocales } from '~/modules/i18n/locales'
import type { EditorDefaults } from '~/modules/proposals/editor-form'
import { labelKey, trlLabelKey } from '~/modules/proposals/labels'
import {
  DESCRIPTION_MAX,
  MAX_USE_OF_FUNDS_ITEMS,
  SUMMARY_MAX,
  TITLE_MAX,
  deviceClassesForPathway,
  parseEuros,
  phasesForModality,
  proposalEditorSchema,
} from '~/modules/proposals/schemas'
import {
  instruments,
  ipStatuses,
  modalities,
  regulatoryPathways,
  stages,
  subsectors,
  therapeuticAreas,
  trlLevels,
  type Modality,
  type ProposalStatus,
  type RegulatoryPathway,
} from '~/modules/proposals/taxonomy'

interface Props {
  defaultValue: EditorDefaults
  lastResult?: SubmissionResult<string[]> | null
  /** null for a new proposal. */
  status: ProposalStatus | null
}

const errorsOf = (field: FieldMetadata<unknown>, t: TFunction) => field.errors?.map((error) => t(error))

function cents(value: unknown): number {
  const parsed = typeof value === 'string' ? parseEuros(value) : 0
  return typeof parsed === 'number' ? parsed : 0
}

/** The proposal editor: texts in four languages, money, biotech facts and the use of funds. */
export function ProposalEditorForm({ defaultValue, lastResult, status }: Props) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const schema = useMemo(() => proposalEditorSchema(), [])
  const [form, fields] = useForm({
    id: 'proposal-editor',
    lastResult,
    defaultValue,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const texts = fields.texts.getFieldset()
  const rows = fields.useOfFunds.getFieldList()
  const modality = (fields.modality.value ?? '') as Modality | ''
  const pathway = (fields.regulatoryPathway.value ?? '') as RegulatoryPathway | ''
  const phases = modality ? phasesForModality(modality) : phasesForModality('other')
  const classes = pathway ? deviceClassesForPathway(pathway) : []
  const chosenAreas = new Set([fields.therapeuticAreas.initialValue ?? []].flat())
  const sum = rows.reduce((total, row) => total + cents(row.getFieldset().amount.value), 0)
  const sought = cents(fields.amountSought.value)
  const busy = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  const options = <C extends string>(codes: readonly C[], key: (code: C) => string) => [
    { value: '', label: t('proposals.editor.choose') },
    ...codes.map((code) => ({ value: code, label: t(key(code)) })),
  ]
  const canSubmit = status === null || status === 'draft' || status === 'changes_requested'

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      {/* Enter in a field saves, rather than pressing the first button of the form (a row's "remove"). */}
      <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden" />
      <FormErrors errors={form.errors?.map((error) => t(error))} />

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('proposals.editor.sections.texts')}</h2>
        <p className="mt-1 text-sm text-muted">{t('proposals.editor.textsHint')}</p>
        {fields.texts.errors ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {errorsOf(fields.texts, t)?.join(' ')}
          </p>
        ) : null}
        <div className="mt-4 space-y-3">
          {supportedLocales.map((lng) => {
            const text = texts[lng].getFieldset()
            const open = lng === locale || Boolean(text.title.initialValue || text.summary.initialValue || text.description.initialValue)
            const invalid = Boolean(text.title.errors || text.summary.errors || text.description.errors)
            return (
              <details key={lng} open={open || invalid} className="rounded-xl border border-line p-4 open:bg-canvas/40">
                <summary className="cursor-pointer text-sm font-semibold text-ink">
                  {localeNames[lng]} <span className="font-normal text-muted">({lng.toUpperCase()})</span>
                </summary>
                <div lang={lng} className="mt-4 space-y-4">
                  <Field label={t('proposals.editor.title')} maxLength={TITLE_MAX} {...fieldProps(text.title, t)} />
                  <TextareaField label={t('proposals.editor.summary')} hint={t('proposals.editor.summaryHint')} rows={3} maxLength={SUMMARY_MAX} {...fieldProps(text.summary, t)} />
                  <TextareaField
                    label={t('proposals.editor.description')}
                    hint={t('proposals.editor.descriptionHint')}
                    rows={10}
                    maxLength={DESCRIPTION_MAX}
                    className="font-mono"
                    {...fieldProps(text.description, t)}
                  />
                </div>
              </details>
            )
          })}
        </div>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('proposals.editor.sections.round')}</h2>
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          <Field label={t('proposals.editor.amountSought')} hint={t('proposals.editor.euroHint')} inputMode="decimal" {...fieldProps(fields.amountSought, t)} />
          <Field label={t('proposals.editor.minimumTicket')} hint={t('proposals.editor.euroHint')} inputMode="decimal" {...fieldProps(fields.minimumTicket, t)} />
          <Field label={t('proposals.editor.preMoneyValuation')} hint={t('proposals.editor.optional')} inputMode="decimal" {...fieldProps(fields.preMoneyValuation, t)} />
          <Field label={t('proposals.editor.closingDate')} type="date" {...fieldProps(fields.closingDate, t)} />
          <SelectField label={t('proposals.editor.instrument')} options={options(instruments, labelKey.instrument)} {...fieldProps(fields.instrument, t)} />
          <SelectField label={t('proposals.editor.stage')} options={options(stages, labelKey.stage)} {...fieldProps(fields.stage, t)} />
        </div>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('proposals.editor.sections.science')}</h2>
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          <SelectField label={t('proposals.editor.subsector')} options={options(subsectors, labelKey.subsector)} {...fieldProps(fields.subsector, t)} />
          <SelectField
            label={t('proposals.editor.trl')}
            options={[{ value: '', label: t('proposals.editor.choose') }, ...trlLevels.map((level) => ({ value: String(level), label: t(trlLabelKey, { level }) }))]}
            {...fieldProps(fields.trl, t)}
          />
          <SelectField label={t('proposals.editor.modality')} options={options(modalities, labelKey.modality)} {...fieldProps(fields.modality, t)} />
          <SelectField
            key={`phase-${modality}`}
            label={t('proposals.editor.developmentPhase')}
            hint={t('proposals.editor.phaseHint')}
            options={options(phases, labelKey.developmentPhase)}
            {...fieldProps(fields.developmentPhase, t)}
          />
          <SelectField label={t('proposals.editor.regulatoryPathway')} options={options(regulatoryPathways, labelKey.regulatoryPathway)} {...fieldProps(fields.regulatoryPathway, t)} />
          <SelectField
            key={`class-${pathway}`}
            label={t('proposals.editor.deviceClass')}
            hint={t('proposals.editor.deviceClassHint')}
            options={[{ value: '', label: t('proposals.editor.noDeviceClass') }, ...classes.map((code) => ({ value: code, label: t(labelKey.deviceClass(code)) }))]}
            {...fieldProps(fields.deviceClass, t)}
          />
          <SelectField label={t('proposals.editor.ipStatus')} options={options(ipStatuses, labelKey.ipStatus)} {...fieldProps(fields.ipStatus, t)} />
        </div>
        <fieldset className="mt-6">
          <legend className="text-sm font-medium text-ink">{t('proposals.editor.therapeuticAreas')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {therapeuticAreas.map((area) => (
              <label key={area} className="flex items-center gap-2 text-sm text-ink">
                <input type="checkbox" name={fields.therapeuticAreas.name} value={area} defaultChecked={chosenAreas.has(area)} className="accent-brand-700" />
                {t(labelKey.therapeuticArea(area))}
              </label>
            ))}
          </div>
          {fields.therapeuticAreas.errors ? (
            <p role="alert" className="mt-2 text-sm text-danger">
              {t('proposals.errors.therapeuticAreaInvalid')}
            </p>
          ) : null}
        </fieldset>
      </Card>

      <Card>
        <fieldset aria-describedby="use-of-funds-sum">
          <legend className="text-lg font-semibold text-ink">{t('proposals.editor.sections.useOfFunds')}</legend>
          <p className="mt-1 text-sm text-muted">{t('proposals.editor.useOfFundsHint')}</p>
          <div className="mt-4 space-y-3">
            {rows.map((row, index) => {
              const item = row.getFieldset()
              return (
                <div key={row.key} className="grid items-end gap-3 sm:grid-cols-[1fr_12rem_auto]">
                  <Field label={t('proposals.editor.useOfFundsLabel', { number: index + 1 })} {...fieldProps(item.label, t)} />
                  <Field label={t('proposals.editor.useOfFundsAmount', { number: index + 1 })} inputMode="decimal" {...fieldProps(item.amount, t)} />
                  <Button variant="ghost" {...form.remove.getButtonProps({ name: fields.useOfFunds.name, index })}>
                    {t('proposals.editor.removeRow', { number: index + 1 })}
                  </Button>
                </div>
              )
            })}
          </div>
          {rows.length < MAX_USE_OF_FUNDS_ITEMS ? (
            <Button variant="secondary" className="mt-3" {...form.insert.getButtonProps({ name: fields.useOfFunds.name, defaultValue: { label: '', amount: '' } })}>
              {t('proposals.editor.addRow')}
            </Button>
          ) : null}
          <p id="use-of-funds-sum" aria-live="polite" className={`mt-4 text-sm ${sum === sought ? 'text-success' : 'text-muted'}`}>
            {t('proposals.editor.sum', { sum: formatMoney(sum, locale), sought: formatMoney(sought, locale) })}
          </p>
          {fields.useOfFunds.errors ? (
            <p role="alert" className="mt-2 text-sm text-danger">
              {errorsOf(fields.useOfFunds, t)?.join(' ')}
            </p>
          ) : null}
        </fieldset>
      </Card>

      <div className="flex flex-wrap gap-3">
        <Button name="intent" value="save" variant={canSubmit ? 'secondary' : 'primary'} pending={busy('save')}>
          {status === 'published' ? t('proposals.editor.saveChanges') : t('proposals.editor.saveDraft')}
        </Button>
        {canSubmit ? (
          <Button name="intent" value="submit" pending={busy('submit')}>
            {t('proposals.editor.submit')}
          </Button>
        ) : null}
      </div>
      {status === 'published' ? <p className="text-sm text-muted">{t('proposals.editor.publishedEditHint')}</p> : null}
    </Form>
  )
}
