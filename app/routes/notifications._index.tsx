import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Button, buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { Pagination } from '~/components/ui/pagination'
import { requireUser } from '~/modules/accounts/guards.server'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { formatDateTime } from '~/modules/i18n/format'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listNotifications, markAllNotificationsRead } from '~/modules/notifications/centre.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { useViewerTimeZone } from '~/root'

export const meta = titleMeta

/** The signed-in person's notifications, newest first; each opens (and is marked read) through its own action. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const page = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10)
  const list = await listNotifications(context.db, actor, locale, Number.isFinite(page) ? page : 1)
  return { ...list, locale, title: `${getFixedT(locale)('notifications.centre.title')} · Ponte` }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context)
  await markAllNotificationsRead(context.db, actor)
  return redirectWithToast('/notifications', 'notifications.centre.allRead')
}

export default function NotificationCentre() {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  const { items, unread, page, pageCount, locale } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const marking = navigation.state === 'submitting' && navigation.formAction === '/notifications?index'
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t('notifications.centre.title')}
        description={t('notifications.centre.lead')}
        actions={
          unread > 0 ? (
            <Form method="post" action="/notifications?index">
              <Button type="submit" variant="secondary" pending={marking}>
                {t('notifications.centre.markAllRead')}
              </Button>
            </Form>
          ) : null
        }
      />
      {items.length === 0 ? (
        <EmptyState
          title={t('notifications.centre.empty.title')}
          description={t('notifications.centre.empty.description')}
          action={
            <Link to="/proposals" className={buttonClass('secondary')}>
              {t('notifications.centre.empty.action')}
            </Link>
          }
        />
      ) : (
        <>
          <p role="status" className="mb-3 text-sm font-medium text-muted">
            {unread > 0 ? t('notifications.centre.unreadCount', { count: unread }) : t('notifications.centre.allCaughtUp')}
          </p>
          <ul className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white shadow-sm">
            {items.map((item) => (
              <li key={item.id} className={item.read ? '' : 'bg-brand-50/60'}>
                <Form method="post" action={`/notifications/${item.id}`}>
                  <button type="submit" className="flex w-full items-start gap-3 px-5 py-4 text-left hover:bg-canvas focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-300">
                    <span aria-hidden="true" className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${item.read ? 'bg-transparent' : 'bg-brand-600'}`} />
                    <span className="min-w-0 flex-1">
                      <span className={`block text-sm leading-snug ${item.read ? 'text-ink' : 'font-semibold text-ink'}`}>
                        {item.read ? null : <span className="sr-only">{t('notifications.centre.unread')}: </span>}
                        {item.title}
                      </span>
                      <time dateTime={new Date(item.createdAt).toISOString()} className="mt-1 block text-xs text-muted">
                        {formatDateTime(new Date(item.createdAt), locale, timeZone)}
                      </time>
                    </span>
                    <span aria-hidden="true" className="self-center text-muted">
                      →
                    </span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(target) => (target === 1 ? '/notifications' : `/notifications?page=${target}`)}
        label={t('notifications.centre.pagination.label')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
