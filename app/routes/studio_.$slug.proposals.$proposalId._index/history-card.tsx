import type { SerializeFrom } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Card } from '~/components/ui/card'
import { formatDate } from '~/modules/i18n/format'
import type { HistoryEntry } from '~/modules/proposals/studio.server'

/** Every status change: who, when, and the comment (organisers' requests included), newest first. */
export function HistoryCard({ history }: { history: SerializeFrom<HistoryEntry>[] }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  // An edit of a published proposal records the fields it changed ("amountSoughtCents, title.en").
  const isEdit = (entry: SerializeFrom<HistoryEntry>) => entry.from === 'published' && (entry.to === 'published' || entry.to === 'submitted')
  const fieldName = (code: string) => {
    const [field = '', lng] = code.split('.')
    const label = field === 'useOfFunds' ? t('proposals.editor.sections.useOfFunds') : t(`proposals.editor.${field.replace(/Cents$/, '')}`)
    return lng ? `${label} (${lng.toUpperCase()})` : label
  }
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('proposals.history.title')}</h2>
      <ol className="mt-4 space-y-4">
        {history.map((entry) => (
          <li key={entry.id} className="border-l-2 border-line pl-4">
            <p className="text-sm font-medium text-ink">
              {entry.to === 'closed'
                ? t('proposals.history.closed', { reason: t(`proposals.taxonomy.closedReasons.${entry.closedReason ?? 'withdrawn'}`) })
                : entry.from === null
                  ? t('proposals.history.created', { status: t(`proposals.taxonomy.statuses.${entry.to}`) })
                  : entry.from === entry.to
                    ? t('proposals.history.republished')
                    : t(`proposals.taxonomy.statuses.${entry.to}`)}
            </p>
            <p className="text-xs text-muted">
              {t('proposals.history.byWhen', { who: entry.actorName ?? t('proposals.history.ponte'), when: formatDate(new Date(entry.createdAt), locale) })}
            </p>
            {entry.comment && isEdit(entry) ? (
              <p className="mt-1 text-sm text-ink">{t('proposals.history.changedFields', { fields: entry.comment.split(', ').map(fieldName).join(', ') })}</p>
            ) : entry.comment ? (
              <p className="mt-1 whitespace-pre-line text-sm text-ink">{entry.comment}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  )
}
