import { getFormProps, type FieldMetadata, type FormMetadata } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { fieldProps, useSchemaForm } from '~/components/organisations/form-fields'
import { LocalizedFields } from '~/components/rounds/localized-fields'
import { RowMoves } from '~/components/rounds/row-moves'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { FormErrors, SelectField } from '~/components/ui/field'
import type { LocalizedText } from '~/modules/i18n/localized-text'
import { supportedLocales } from '~/modules/i18n/locales'
import { canEditSection, MAX_CHOICES, MAX_QUESTIONS, QUESTION_HELP_MAX, QUESTION_LABEL_MAX, QuestionsSchema } from '~/modules/rounds/schemas'
import { questionKinds } from '~/modules/rounds/taxonomy'
import type { RoundPageData } from './route'
import { LockNotice, useFormReply } from './tabs'

/** The stored options of a choice question, one a line per language, as the form edits them. */
function choiceLines(choices: { label: LocalizedText }[]): LocalizedText {
  const lines: LocalizedText = {}
  for (const lang of supportedLocales) {
    const labels = choices.map((choice) => choice.label[lang] ?? '')
    if (labels.some(Boolean)) lines[lang] = labels.join('\n')
  }
  return lines
}

type QuestionsForm = z.input<typeof QuestionsSchema> & Record<string, unknown>

const emptyQuestion = { kind: 'short_text', label: {}, help: {}, required: 'on', choices: {} }

/** The questions applicants answer: kind, wording in up to four languages, required or not, options of a choice; added, removed and moved. */
export function QuestionsTab({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { round } = page
  const editable = canEditSection('questions', round.status)
  const [form, fields] = useSchemaForm({
    id: 'questions',
    schema: QuestionsSchema,
    lastResult: useFormReply('questions'),
    defaultValue: {
      questions: page.questions.map((question) => ({
        kind: question.kind,
        label: question.label,
        help: question.help,
        required: question.required ? 'on' : '',
        choices: choiceLines(question.choices),
      })),
    } as never,
  })
  const rows = fields.questions.getFieldList()
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        {/* Enter in a field saves, rather than pressing the first button of the form (a row's "move up"). */}
        <button type="submit" tabIndex={-1} aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden" />
        <input type="hidden" name="intent" value="questions" />
        <LockNotice section="questions" status={round.status} />
        <p className="text-sm text-muted">{t('rounds.questions.lead')}</p>
        <FormErrors errors={[...(form.errors ?? []), ...(fields.questions.errors ?? [])].map((error) => t(error))} />
        {rows.length === 0 ? <EmptyState title={t('rounds.questions.emptyTitle')} description={t('rounds.questions.emptyText')} /> : null}
        <ol className="space-y-6">
          {rows.map((row, index) => (
            <QuestionRow key={row.key} form={form} field={row} index={index} count={rows.length} listName={fields.questions.name} editable={editable} t={t} />
          ))}
        </ol>
        {editable ? (
          <div className="flex flex-wrap gap-3">
            {rows.length < MAX_QUESTIONS ? (
              <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.questions.name, defaultValue: emptyQuestion as never })}>
                {t('rounds.questions.add')}
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

function QuestionRow(props: {
  form: FormMetadata<QuestionsForm, string[]>
  field: FieldMetadata<NonNullable<QuestionsForm['questions']>[number], QuestionsForm, string[]>
  index: number
  count: number
  listName: string
  editable: boolean
  t: TFunction
}) {
  const { form, index, count, listName, editable, t } = props
  const question = props.field.getFieldset()
  const number = index + 1
  return (
    <li className="rounded-xl border border-line p-4">
      <fieldset disabled={!editable} className="space-y-4">
        <legend className="text-sm font-semibold text-ink">{t('rounds.questions.number', { number })}</legend>
        <div className="grid items-end gap-4 sm:grid-cols-[1fr_auto]">
          <SelectField
            label={t('rounds.questions.kind', { number })}
            options={questionKinds.map((kind) => ({ value: kind, label: t(`rounds.questionKinds.${kind}`) }))}
            {...fieldProps(question.kind, t)}
          />
          <label className="flex items-center gap-2 pb-2.5 text-sm text-ink">
            <input type="checkbox" name={question.required.name} defaultChecked={question.required.initialValue === 'on'} className="h-4 w-4 accent-brand-700" />
            {t('rounds.questions.required')}
          </label>
        </div>
        <LocalizedFields field={question.label} legend={t('rounds.questions.label', { number })} maxLength={QUESTION_LABEL_MAX} />
        <LocalizedFields field={question.help} legend={t('rounds.questions.help', { number })} hint={t('rounds.questions.helpHint')} maxLength={QUESTION_HELP_MAX} rows={2} />
        {question.kind.value === 'choice' ? (
          <LocalizedFields field={question.choices} legend={t('rounds.questions.choices', { number })} hint={t('rounds.questions.choicesHint', { max: MAX_CHOICES })} maxLength={5000} rows={4} />
        ) : null}
      </fieldset>
      {editable ? (
        <RowMoves
          form={form}
          listName={listName}
          index={index}
          count={count}
          labels={{ up: t('rounds.questions.moveUp', { number }), down: t('rounds.questions.moveDown', { number }), remove: t('rounds.questions.remove', { number }) }}
        />
      ) : null}
    </li>
  )
}
