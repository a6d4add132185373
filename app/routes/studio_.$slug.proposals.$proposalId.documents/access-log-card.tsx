import { useTranslation } from 'react-i18next'
import { Card } from '~/components/ui/card'
import { formatDateTime } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { useViewerTimeZone } from '~/root'

export interface AccessLogEntry {
  id: string
  action: 'view' | 'download'
  createdAt: Date | string
  documentName: string
  personName: string | null
  organisationName: string | null
}

/** Who outside the startup viewed or downloaded which document, and when. */
export function AccessLogCard({ entries, locale }: { entries: AccessLogEntry[]; locale: Locale }) {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('dataroom.log.title')}</h2>
      <p className="mt-1 text-sm text-muted">{t('dataroom.log.lead')}</p>
      {entries.length === 0 ? (
        <p className="mt-4 text-sm text-muted">{t('dataroom.log.empty')}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4">{t('dataroom.log.when')}</th>
                <th scope="col" className="py-2 pr-4">{t('dataroom.log.who')}</th>
                <th scope="col" className="py-2 pr-4">{t('dataroom.log.document')}</th>
                <th scope="col" className="py-2">{t('dataroom.log.action')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="py-2 pr-4 whitespace-nowrap text-muted">{formatDateTime(new Date(entry.createdAt), locale, timeZone)}</td>
                  <td className="py-2 pr-4">
                    <span className="font-medium text-ink">{entry.personName ?? t('dataroom.log.formerUser')}</span>
                    {entry.organisationName ? <span className="block text-xs text-muted">{entry.organisationName}</span> : null}
                  </td>
                  <td className="py-2 pr-4 wrap-anywhere">{entry.documentName}</td>
                  <td className="py-2">{t(`dataroom.log.actions.${entry.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
