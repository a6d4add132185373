import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ActionForm, NotesSection, TagsSection, useSubmitting, type Note, type Serialized } from '~/components/watchlist/bookmark-forms'
import { Badge } from '~/components/ui/card'
import { Button } from '~/components/ui/button'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { labelKey } from '~/modules/proposals/labels'
import type { ClosedReason } from '~/modules/proposals/taxonomy'
import type { WatchlistItem } from '~/modules/watchlist/bookmarks.server'
import { useViewerTimeZone } from '~/root'

type Item = Omit<Serialized<WatchlistItem>, 'notes'> & { notes: Note[] }

const statusTone = {
  open: 'success',
  closed: 'neutral',
  hidden: 'warning',
} as const

/** One bookmarked proposal with its tags and the organisation's notes. */
export function WatchlistEntry({ item, locale, here }: { item: Item; locale: Locale; here: string }) {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  const title = item.title ?? t('watchlist.item.untitled', { startup: item.startupName })
  const status =
    item.status === 'closed' && item.closedReason
      ? `${t('watchlist.status.closed')} · ${t(labelKey.closedReason(item.closedReason as ClosedReason))}`
      : t(`watchlist.status.${item.status}`)
  return (
    <article className="rounded-2xl border border-line bg-white p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-medium text-muted">{item.startupName}</p>
          <h2 lang={item.lang ?? undefined} className="mt-1 text-lg font-semibold leading-snug text-ink">
            {item.status === 'open' ? (
              <Link to={`/proposals/${item.proposalId}`} className="hover:text-brand-700 hover:underline">
                {title}
              </Link>
            ) : (
              title
            )}
          </h2>
          <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
            <Badge tone={statusTone[item.status]}>{status}</Badge>
            {item.amountSoughtCents !== null ? (
              <span>
                {t('watchlist.item.seeks', {
                  amount: formatMoney(item.amountSoughtCents, locale),
                })}
              </span>
            ) : null}
            {item.closingDate ? (
              <span>
                {t('watchlist.item.closes', {
                  date: formatDate(new Date(`${item.closingDate}T00:00:00Z`), locale),
                })}
              </span>
            ) : null}
            <span>
              {t('watchlist.item.bookmarkedOn', {
                date: formatDate(new Date(item.bookmarkedAt), locale, timeZone),
              })}
            </span>
          </p>
        </div>
        <ActionForm intent="remove" here={here} ids={{ bookmarkId: item.bookmarkId }}>
          <Button type="submit" variant="secondary" title={t('watchlist.item.removeHint')} pending={useSubmitting('remove', item.bookmarkId)}>
            {t('watchlist.item.remove')}
          </Button>
        </ActionForm>
      </div>

      <div className="mt-5 grid gap-6 border-t border-line pt-5 lg:grid-cols-[1fr_1.4fr]">
        <TagsSection bookmarkId={item.bookmarkId} tags={item.tags} here={here} />
        <NotesSection bookmarkId={item.bookmarkId} notes={item.notes} locale={locale} here={here} />
      </div>
    </article>
  )
}
