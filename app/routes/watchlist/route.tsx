import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Button, buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { Pagination, pageLinks } from '~/components/ui/pagination'
import { requireInvestor } from '~/modules/accounts/guards.server'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { runWatchlistAction } from '~/modules/watchlist/actions.server'
import { listWatchlist } from '~/modules/watchlist/bookmarks.server'
import { readWatchlistFilters, watchlistStatuses } from '~/modules/watchlist/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { WatchlistEntry } from './watchlist-entry'

export const meta = titleMeta

/**
 * The investor organisation's watchlist: its bookmarks with tags and private notes, filtered by
 * tag and status. Members of investor organisations only; the stars of search results post here
 * too (a proposal page's panel posts to that page, which runs the same forms).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, membership } = await requireInvestor(request, context)
  const locale = await detectLocale(request, actor.locale)
  const filters = readWatchlistFilters(new URL(request.url).searchParams)
  const list = await listWatchlist(context.db, actor, membership, locale, filters)
  return {
    ...list,
    filters,
    locale,
    organisation: membership.organisationName,
    title: `${getFixedT(locale)('watchlist.page.title')} · Ponte`,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, membership } = await requireInvestor(request, context)
  const result = await runWatchlistAction(context.db, actor, membership, await request.formData())
  if (!result.ok) return data(result, { status: 400 })
  return redirectWithToast(result.redirectTo, result.toast)
}

export default function WatchlistPage() {
  const { t } = useTranslation()
  const { items, total, page, pageCount, tags, filters, locale, organisation } = useLoaderData<typeof loader>()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const filtered = filters.tag !== null || filters.status !== null
  const hrefFor = pageLinks(location.pathname, location.search)
  return (
    <>
      <PageHeader title={t('watchlist.page.title')} description={t('watchlist.page.lead', { organisation })} />
      {total === 0 && !filtered ? null : (
        <Form
          method="get"
          aria-label={t('watchlist.filters.label')}
          className="mb-6 flex flex-wrap items-end gap-3 rounded-2xl border border-line bg-white p-4 shadow-sm"
        >
          <label className="block text-sm font-medium text-ink">
            {t('watchlist.filters.status')}
            <select name="status" defaultValue={filters.status ?? ''} className="mt-1 block rounded-lg border border-line bg-white px-3 py-2 text-sm">
              <option value="">{t('watchlist.filters.anyStatus')}</option>
              {watchlistStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`watchlist.status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-ink">
            {t('watchlist.filters.tag')}
            <select name="tag" defaultValue={filters.tag ?? ''} className="mt-1 block rounded-lg border border-line bg-white px-3 py-2 text-sm">
              <option value="">{t('watchlist.filters.anyTag')}</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            {t('watchlist.filters.apply')}
          </Button>
          {filtered ? (
            <Link to="/watchlist" className="px-2 py-2.5 text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
              {t('watchlist.filters.clear')}
            </Link>
          ) : null}
        </Form>
      )}
      {items.length === 0 ? (
        filtered ? (
          <EmptyState title={t('watchlist.noMatch.title')} description={t('watchlist.noMatch.description')} />
        ) : (
          <EmptyState
            title={t('watchlist.empty.title')}
            description={t('watchlist.empty.description')}
            action={
              <Link to="/proposals" className={buttonClass('secondary')}>
                {t('watchlist.empty.action')}
              </Link>
            }
          />
        )
      ) : (
        <>
          <p role="status" className="mb-3 text-sm font-medium text-muted">
            {t('watchlist.results', { count: total })}
          </p>
          <ul className="space-y-4">
            {items.map((item) => (
              <li key={item.bookmarkId}>
                <WatchlistEntry item={item} locale={locale} here={here} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={hrefFor}
        label={t('catalogue.list.pagination.label')}
      />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
