import { getFormProps, type FieldMetadata, type FormMetadata } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { fieldProps, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { LocalizedFields } from '~/components/rounds/localized-fields'
import { RowMoves } from '~/components/rounds/row-moves'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors } from '~/components/ui/field'
import { formatNumber } from '~/modules/i18n/format'
import { canEditSection, CRITERION_DESCRIPTION_MAX, CRITERION_NAME_MAX, EvaluationSchema, MAX_CRITERIA, WEIGHT_MAX, weightShares } from '~/modules/rounds/schemas'
import { scoreScales } from '~/modules/rounds/taxonomy'
import type { RoundPageData } from './route'
import { LockNotice, useFormReply } from './tabs'

type EvaluationForm = z.input<typeof EvaluationSchema> & Record<string, unknown>

/** The score scale and the criteria jurors score, with weights shown as each one's share of the total. */
export function EvaluationTab({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const { round } = page
  const editable = canEditSection('evaluation', round.status)
  const [form, fields] = useSchemaForm({
    id: 'evaluation',
    schema: EvaluationSchema,
    lastResult: useFormReply('evaluation'),
    defaultValue: {
      scoreScale: String(round.scoreScale),
      criteria: page.criteria.map((criterion) => ({ name: criterion.name, description: criterion.description, weight: String(criterion.weight) })),
    } as never,
  })
  const rows = fields.criteria.getFieldList()
  const shares = weightShares(rows.map((row) => Number(row.getFieldset().weight.value ?? 0)))
  const percent = (share: number) => `${formatNumber(Math.round(share * 10) / 10, locale)} %`
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <button type="submit" tabIndex={-1} aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden" />
        <input type="hidden" name="intent" value="evaluation" />
        <LockNotice section="evaluation" status={round.status} />
        <FormErrors errors={[...(form.errors ?? []), ...(fields.criteria.errors ?? [])].map((error) => t(error))} />
        <fieldset disabled={!editable}>
          <legend className="text-sm font-medium text-ink">{t('rounds.evaluation.scale')}</legend>
          <p className="mt-1 text-xs text-muted">{t('rounds.evaluation.scaleHint')}</p>
          <div className="mt-2 flex gap-6">
            {scoreScales.map((scale) => (
              <label key={scale} className="flex items-center gap-2 text-sm text-ink">
                <input type="radio" name={fields.scoreScale.name} value={String(scale)} defaultChecked={fields.scoreScale.initialValue === String(scale)} className="h-4 w-4 accent-brand-700" />
                {t('rounds.evaluation.scaleOption', { max: scale })}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <h2 className="text-lg font-semibold text-ink">{t('rounds.evaluation.criteria')}</h2>
          <p className="mt-1 text-sm text-muted">{t('rounds.evaluation.criteriaLead')}</p>
        </div>
        <ol className="space-y-6">
          {rows.map((row, index) => (
            <CriterionRow key={row.key} form={form} field={row} index={index} count={rows.length} share={percent(shares[index] ?? 0)} listName={fields.criteria.name} editable={editable} t={t} />
          ))}
        </ol>
        {editable ? (
          <div className="flex flex-wrap gap-3">
            {rows.length < MAX_CRITERIA ? (
              <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.criteria.name, defaultValue: { name: {}, description: {}, weight: '' } as never })}>
                {t('rounds.evaluation.add')}
              </Button>
            ) : null}
            <Button type="submit" pending={navigation.state === 'submitting'}>
              {t('rounds.setup.save')}
            </Button>
          </div>
        ) : null}
      </Form>
    </Card>
  )
}

function CriterionRow(props: {
  form: FormMetadata<EvaluationForm, string[]>
  field: FieldMetadata<NonNullable<EvaluationForm['criteria']>[number], EvaluationForm, string[]>
  index: number
  count: number
  share: string
  listName: string
  editable: boolean
  t: TFunction
}) {
  const { form, index, count, listName, editable, t } = props
  const criterion = props.field.getFieldset()
  const number = index + 1
  return (
    <li className="rounded-xl border border-line p-4">
      <fieldset disabled={!editable} className="space-y-4">
        <legend className="text-sm font-semibold text-ink">{t('rounds.evaluation.number', { number })}</legend>
        <div className="grid items-end gap-4 sm:grid-cols-[12rem_1fr]">
          <Field label={t('rounds.evaluation.weight', { number })} type="number" inputMode="numeric" min={1} max={WEIGHT_MAX} step={1} {...fieldProps(criterion.weight, t)} />
          <p className="pb-2.5 text-sm text-muted" aria-live="polite">
            {t('rounds.evaluation.share', { share: props.share })}
          </p>
        </div>
        <LocalizedFields field={criterion.name} legend={t('rounds.evaluation.name', { number })} maxLength={CRITERION_NAME_MAX} />
        <LocalizedFields field={criterion.description} legend={t('rounds.evaluation.description', { number })} maxLength={CRITERION_DESCRIPTION_MAX} rows={2} />
      </fieldset>
      {editable ? (
        <RowMoves
          form={form}
          listName={listName}
          index={index}
          count={count}
          labels={{ up: t('rounds.evaluation.moveUp', { number }), down: t('rounds.evaluation.moveDown', { number }), remove: t('rounds.evaluation.remove', { number }) }}
        />
      ) : null}
    </li>
  )
}
