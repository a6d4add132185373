import { useTranslation } from 'react-i18next'
import { MarkdownContent } from '~/components/proposals/proposal-bits'
import { fieldLabelKey, formatFieldValue } from '~/components/proposals/proposal-values'
import { Card } from '~/components/ui/card'
import { formatDate } from '~/modules/i18n/format'
import { localeNames, type Locale } from '~/modules/i18n/locales'
import { diffedFields } from '~/modules/proposals/diff'
import { labelKey } from '~/modules/proposals/labels'
import type { getProposalForReview } from '~/modules/proposals/moderation.server'

type Review = Awaited<ReturnType<typeof getProposalForReview>>

/** The working copy in full: every fact and every language, as the startup wrote it. */
export function WorkingCopy({ review, locale }: { review: Review; locale: Locale }) {
  const { t } = useTranslation()
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('catalogue.review.workingCopy')}</h2>
      <dl className="mt-4 divide-y divide-line text-sm">
        {diffedFields.map((field) => (
          <div key={field} className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
            <dt className="text-muted">{t(fieldLabelKey[field])}</dt>
            <dd className="text-ink">{formatFieldValue({ field, value: review.facts[field] }, t, locale)}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 space-y-3">
        {review.texts.map((text) => (
          <details key={text.locale} open={text.locale === review.facts.originalLocale} className="rounded-xl border border-line p-4">
            <summary className="cursor-pointer font-semibold text-ink">{localeNames[text.locale]}</summary>
            <div lang={text.locale} className="mt-3 space-y-3">
              <p className="text-lg font-semibold text-ink">{text.title}</p>
              <p className="text-muted">{text.summary}</p>
              <MarkdownContent html={text.descriptionHtml} />
            </div>
          </details>
        ))}
      </div>
    </Card>
  )
}

/** Every status change, newest first, with who made it and the comment the startup saw. */
export function History({ history, locale }: { history: Review['history']; locale: Locale }) {
  const { t } = useTranslation()
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('catalogue.review.history')}</h2>
      <ol className="mt-3 space-y-3 text-sm">
        {history.map((entry, index) => (
          <li key={index} className="border-l-2 border-line pl-3">
            <p className="font-medium text-ink">
              {entry.toStatus === 'closed' && entry.closedReason ? t(labelKey.closedReason(entry.closedReason)) : t(labelKey.status(entry.toStatus))}
            </p>
            <p className="text-muted">
              {formatDate(new Date(entry.createdAt), locale)} · {entry.actorName ?? t('catalogue.review.byPonte')}
            </p>
            {entry.comment ? (
              <p className="mt-1 text-ink">
                <q>{entry.comment}</q>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  )
}
