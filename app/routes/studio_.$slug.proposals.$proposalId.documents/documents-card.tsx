import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useSchemaForm } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import type { DataRoomReply } from '~/modules/dataroom/replies'
import { DeleteDocumentSchema } from '~/modules/dataroom/schemas'
import { formatFileSize } from '~/modules/files/size'
import { formatDateTime } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { useViewerTimeZone } from '~/root'

export interface StudioDocument {
  id: string
  kind: 'deck' | 'other'
  originalName: string
  sizeBytes: number
  createdAt: Date | string
  uploadedBy: string | null
}

/** The proposal's documents with who uploaded them, each with view, download and delete. */
export function DocumentsCard({ documents, locale }: { documents: StudioDocument[]; locale: Locale }) {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('dataroom.documents.listTitle')}</h2>
      {documents.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{t('dataroom.documents.empty')}</p>
      ) : (
        <ul className="mt-4 divide-y divide-line">
          {documents.map((document) => (
            <li key={document.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={document.kind === 'deck' ? 'brand' : 'neutral'}>{t(`dataroom.kinds.${document.kind}`)}</Badge>
                  <span className="wrap-anywhere font-medium text-ink">{document.originalName}</span>
                </p>
                <p className="mt-1 text-xs text-muted">
                  {t('dataroom.documents.uploaded', {
                    size: formatFileSize(document.sizeBytes, locale),
                    person: document.uploadedBy ?? t('dataroom.documents.someone'),
                    when: formatDateTime(new Date(document.createdAt), locale, timeZone),
                  })}
                </p>
              </div>
              <div className="flex items-center gap-3 text-sm">
                <a href={`/documents/${document.id}`} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 underline">
                  {t('dataroom.documents.view')}
                </a>
                <a href={`/documents/${document.id}/download`} className="font-medium text-brand-700 underline">
                  {t('dataroom.documents.download')}
                </a>
                <DeleteDocumentForm documentId={document.id} name={document.originalName} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

function DeleteDocumentForm({ documentId, name }: { documentId: string; name: string }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<DataRoomReply>()
  const sent = reply?.intent === 'delete' && (reply.result.initialValue as Record<string, unknown> | null)?.documentId === documentId
  const [form] = useSchemaForm({ id: `delete-${documentId}`, schema: DeleteDocumentSchema, lastResult: sent ? reply.result : undefined })
  const pending = navigation.state === 'submitting' && navigation.formData?.get('documentId') === documentId
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="documentId" value={documentId} />
      <FormErrors errors={allErrors(form, t)} />
      <Button type="submit" variant="ghost" pending={pending} aria-label={t('dataroom.documents.deleteNamed', { name })}>
        {t('dataroom.documents.delete')}
      </Button>
    </Form>
  )
}
