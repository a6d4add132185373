import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { Field } from '~/components/ui/field'
import { notFound } from '~/modules/accounts/guards.server'
import { formatDateTime } from '~/modules/i18n/format'
import { isLocale } from '~/modules/i18n/locales'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listMailboxMessages } from '~/modules/mailbox/dev-mailbox.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

/** Every email Ponte kept instead of sending (no SMTP_URL), newest first; 404 unless the mailbox is on. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.config.devMailbox) throw notFound()
  const to = new URL(request.url).searchParams.get('to')?.slice(0, 254) ?? ''
  const messages = await listMailboxMessages(context.db, { to })
  return {
    title: await pageTitle(request, context, 'accounts.mailbox.title'),
    to,
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  }
}

export default function DevMailboxPage() {
  const { t, i18n } = useTranslation()
  const { to, messages } = useLoaderData<typeof loader>()
  const locale = isLocale(i18n.language) ? i18n.language : 'en'
  return (
    <div>
      <PageHeader title={t('accounts.mailbox.title')} description={t('accounts.mailbox.lead')} />
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-64 flex-1">
          <Field label={t('accounts.mailbox.filterLabel')} type="search" name="to" defaultValue={to} placeholder="name@example.com" />
        </div>
        <Button type="submit" variant="secondary">
          {t('accounts.mailbox.filter')}
        </Button>
        {to ? (
          <Link to="/dev/mailbox" className="py-2.5 text-sm font-medium text-brand-700 underline">
            {t('accounts.mailbox.showAll')}
          </Link>
        ) : null}
      </Form>
      {messages.length === 0 ? (
        <EmptyState title={t('accounts.mailbox.emptyTitle')} description={t('accounts.mailbox.emptyText')} />
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-line bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('accounts.mailbox.title')}</caption>
            <thead className="border-b border-line bg-canvas text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t('accounts.mailbox.subject')}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t('accounts.mailbox.to')}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t('accounts.mailbox.received')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {messages.map((message) => (
                <tr key={message.id} className="hover:bg-canvas">
                  <td className="px-4 py-3">
                    <Link to={`/dev/mailbox/${message.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {message.subject}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-ink">{message.to}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-muted">
                    <time dateTime={message.createdAt}>{formatDateTime(new Date(message.createdAt), locale, 'UTC')}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
