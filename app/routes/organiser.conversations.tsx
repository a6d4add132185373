import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Button } from '~/components/ui/button'
import { Card, EmptyState, PageHeader } from '~/components/ui/card'
import { Field } from '~/components/ui/field'
import { Pagination, pageLinks } from '~/components/ui/pagination'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { formatDate, formatDateTime } from '~/modules/i18n/format'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listConversationsForModeration, parseModerationQuery } from '~/modules/interests/moderation.server'
import { useViewerTimeZone } from '~/root'

export const meta = titleMeta

/**
 * Every conversation on Ponte, for organisers who moderate them: the two organisations, the
 * proposal, the last message and how many there are; searchable by organisation name. Each
 * opens read-only on its own page. Anyone else gets a 403.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const query = parseModerationQuery(new URL(request.url).searchParams)
  const list = await listConversationsForModeration(context.db, actor, locale, query)
  return { ...list, query, locale, title: `${getFixedT(locale)('interests.moderation.title')} · Ponte` }
}

export default function ModeratedConversationsPage() {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  const { items, total, page, pageCount, query, locale } = useLoaderData<typeof loader>()
  const location = useLocation()
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm">
        <Link to="/organiser" className="text-brand-700 hover:underline">
          ← {t('organisations.organiser.title')}
        </Link>
      </p>
      <PageHeader title={t('interests.moderation.title')} description={t('interests.moderation.lead')} />
      <Form method="get" role="search" className="mb-6 flex flex-wrap items-end gap-3 rounded-2xl border border-line bg-white p-4 shadow-sm">
        <div className="min-w-64 flex-1">
          <Field label={t('interests.moderation.search')} name="q" type="search" defaultValue={query.q} maxLength={100} />
        </div>
        <Button type="submit" variant="secondary">
          {t('interests.moderation.searchSubmit')}
        </Button>
        {query.q ? (
          <Link to="/organiser/conversations" className="px-2 py-2.5 text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            {t('interests.moderation.clear')}
          </Link>
        ) : null}
      </Form>
      <p role="status" className="mb-3 text-sm font-medium text-muted">
        {t('interests.moderation.results', { count: total })}
      </p>
      {items.length === 0 ? (
        <EmptyState
          title={t(query.q ? 'interests.moderation.noMatchTitle' : 'interests.conversations.emptyTitle')}
          description={t(query.q ? 'interests.moderation.noMatchText' : 'interests.conversations.emptyText')}
        />
      ) : (
        <Card className="p-0">
          <ul className="divide-y divide-line">
            {items.map((c) => (
              <li key={c.id}>
                <Link to={`/conversations/${c.id}`} className="flex flex-wrap items-center justify-between gap-4 px-6 py-4 hover:bg-canvas">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-semibold text-ink">
                      {c.investor} ↔ {c.startup}
                    </p>
                    <p lang={c.lang ?? undefined} className="truncate text-sm text-muted">
                      {c.proposal ?? t('watchlist.item.untitled', { startup: c.startup })}
                    </p>
                  </div>
                  <div className="shrink-0 text-right text-xs text-muted">
                    <p className="font-medium text-ink">{t('interests.moderation.messages', { count: c.messages })}</p>
                    <p>
                      {c.lastMessageAt
                        ? t('interests.moderation.lastMessage', { date: formatDateTime(new Date(c.lastMessageAt), locale, timeZone) })
                        : t('interests.conversations.introducedOn', { date: formatDate(new Date(c.createdAt), locale, timeZone) })}
                    </p>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={pageLinks(location.pathname, location.search)} label={t('interests.moderation.pagination')} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
