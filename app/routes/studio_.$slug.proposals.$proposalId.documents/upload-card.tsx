import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useSchemaForm } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import type { DataRoomReply } from '~/modules/dataroom/replies'
import { UploadDocumentSchema } from '~/modules/dataroom/schemas'
import { documentKinds } from '~/modules/proposals/taxonomy'

/** Uploads a pitch deck (PDF) or another document (PDF or image), up to 20 MB. */
export function UploadCard() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<DataRoomReply>()
  const [form, fields] = useSchemaForm({ id: 'upload', schema: UploadDocumentSchema, lastResult: reply?.intent === 'upload' ? reply.result : undefined })
  const fileErrors = form.allErrors.file?.map((error) => t(error))
  const formErrors = allErrors({ allErrors: { '': form.allErrors[''] ?? [] } }, t)
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('dataroom.upload.title')}</h2>
      <p className="mt-1 text-sm text-muted">{t('dataroom.upload.lead')}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="upload" />
        <FormErrors errors={formErrors} />
        <SelectField
          label={t('dataroom.upload.kind')}
          name={fields.kind.name}
          defaultValue={fields.kind.initialValue ?? 'deck'}
          errors={fields.kind.errors?.map((error) => t(error))}
          options={documentKinds.map((kind) => ({ value: kind, label: t(`dataroom.kinds.${kind}`) }))}
        />
        <Field
          label={t('dataroom.upload.file')}
          type="file"
          name="file"
          required
          accept="application/pdf,image/png,image/jpeg,image/webp"
          hint={t('dataroom.upload.hint')}
          errors={fileErrors}
        />
        <Button type="submit" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'upload'}>
          {t('dataroom.upload.submit')}
        </Button>
      </Form>
    </Card>
  )
}
