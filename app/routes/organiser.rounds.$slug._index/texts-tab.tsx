import { getFormProps } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useSchemaForm } from '~/components/organisations/form-fields'
import { LocalizedFields } from '~/components/rounds/localized-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { canEditSection, DESCRIPTION_MAX, NAME_MAX, TextsSchema } from '~/modules/rounds/schemas'
import type { RoundPageData } from './route'
import { LockNotice, useFormReply } from './tabs'

/** The round's name and description in up to four languages (editable until it is closed). */
export function TextsTab({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { round } = page
  const editable = canEditSection('texts', round.status)
  const [form, fields] = useSchemaForm({
    id: 'texts',
    schema: TextsSchema,
    lastResult: useFormReply('texts'),
    defaultValue: { name: round.name, description: round.description } as never,
  })
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <input type="hidden" name="intent" value="texts" />
        <LockNotice section="texts" status={round.status} />
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <LocalizedFields field={fields.name} legend={t('rounds.texts.name')} hint={t('rounds.texts.nameHint')} maxLength={NAME_MAX} disabled={!editable} />
        <LocalizedFields
          field={fields.description}
          legend={t('rounds.texts.description')}
          hint={t('rounds.texts.descriptionHint')}
          maxLength={DESCRIPTION_MAX}
          rows={6}
          disabled={!editable}
        />
        {editable ? (
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('rounds.setup.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  )
}
