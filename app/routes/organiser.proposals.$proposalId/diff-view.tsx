import { useTranslation } from 'react-i18next'
import { fieldLabelKey, formatFieldValue } from '~/components/proposals/proposal-values'
import { Card } from '~/components/ui/card'
import { formatDate } from '~/modules/i18n/format'
import { localeNames, type Locale } from '~/modules/i18n/locales'
import { hasChanges, type ProposalDiff, type TextChange } from '~/modules/proposals/diff'

/** What changed since the last published version: facts old → new, then the texts per language. */
export function DiffView({ diff, publishedAt, locale }: { diff: ProposalDiff | null; publishedAt: Date | string | null; locale: Locale }) {
  const { t } = useTranslation()
  if (!diff || !publishedAt) {
    return (
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('catalogue.diff.title')}</h2>
        <p className="mt-2 text-sm text-muted">{t('catalogue.diff.firstVersion')}</p>
      </Card>
    )
  }
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('catalogue.diff.title')}</h2>
      <p className="mt-1 text-sm text-muted">{t('catalogue.diff.since', { date: formatDate(new Date(publishedAt), locale) })}</p>
      {!hasChanges(diff) ? <p className="mt-4 text-sm text-muted">{t('catalogue.diff.none')}</p> : null}
      {diff.fields.length ? (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{t('catalogue.diff.fieldsCaption')}</caption>
            <thead>
              <tr className="border-b border-line text-left text-muted">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('catalogue.diff.field')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('catalogue.diff.before')}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t('catalogue.diff.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.fields.map((change) => (
                <tr key={change.field} className="border-b border-line align-top last:border-0">
                  <th scope="row" className="py-2 pr-4 text-left font-medium text-ink">
                    {t(fieldLabelKey[change.field])}
                  </th>
                  <td className="py-2 pr-4 text-danger">
                    <del>{formatFieldValue({ field: change.field, value: change.before }, t, locale)}</del>
                  </td>
                  <td className="py-2 text-success">
                    <ins className="no-underline">{formatFieldValue({ field: change.field, value: change.after }, t, locale)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {diff.texts.length ? (
        <ul className="mt-6 space-y-4">
          {diff.texts.map((change) => (
            <TextChangeItem key={change.locale} change={change} />
          ))}
        </ul>
      ) : null}
    </Card>
  )
}

const textClass = 'whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm'

function TextChangeItem({ change }: { change: TextChange }) {
  const { t } = useTranslation()
  const language = localeNames[change.locale]
  return (
    <li className="rounded-xl border border-line p-4">
      <h3 className="font-semibold text-ink">{t(`catalogue.diff.text.${change.change}`, { language })}</h3>
      {change.change === 'changed' ? (
        <dl className="mt-3 space-y-3">
          {change.parts.map((part) => (
            <div key={part.part}>
              <dt className="text-sm font-medium text-muted">{t(`catalogue.diff.parts.${part.part}`)}</dt>
              <dd className="mt-1 grid gap-2 md:grid-cols-2">
                <del lang={change.locale} className={`${textClass} bg-danger-soft text-ink no-underline`}>
                  <span className="sr-only">{t('catalogue.diff.before')}: </span>
                  {part.before}
                </del>
                <ins lang={change.locale} className={`${textClass} bg-success-soft text-ink no-underline`}>
                  <span className="sr-only">{t('catalogue.diff.after')}: </span>
                  {part.after}
                </ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p lang={change.locale} className="mt-2 text-sm text-muted">
          {change.change === 'added' ? change.after.title : change.before.title}
        </p>
      )}
    </li>
  )
}
