import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { buttonClass } from '~/components/ui/button'
import { Card, PageHeader } from '~/components/ui/card'
import { notFound } from '~/modules/accounts/guards.server'
import { formatDateTime } from '~/modules/i18n/format'
import { isLocale } from '~/modules/i18n/locales'
import { titleMeta } from '~/modules/i18n/title-meta'
import { getMailboxMessage, linksIn, splitLinks } from '~/modules/mailbox/dev-mailbox.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

/** One kept email: its links first (the verification or reset link), then the text and the HTML. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!context.config.devMailbox) throw notFound()
  const message = await getMailboxMessage(context.db, params.messageId ?? '')
  if (!message) throw notFound()
  return {
    title: `${message.subject} · Ponte`,
    message: { ...message, createdAt: message.createdAt.toISOString() },
    links: linksIn(message.text),
    parts: splitLinks(message.text),
  }
}

export default function DevMailboxMessagePage() {
  const { t, i18n } = useTranslation()
  const { message, links, parts } = useLoaderData<typeof loader>()
  const locale = isLocale(i18n.language) ? i18n.language : 'en'
  const [showHtml, setShowHtml] = useState(false)
  return (
    <div className="space-y-6">
      <Link to="/dev/mailbox" className="text-sm font-medium text-brand-700 underline">
        {t('accounts.mailbox.back')}
      </Link>
      <PageHeader title={message.subject} />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-muted">{t('accounts.mailbox.from')}</dt>
          <dd className="text-ink">{message.from}</dd>
          <dt className="font-medium text-muted">{t('accounts.mailbox.to')}</dt>
          <dd className="text-ink">{message.to}</dd>
          <dt className="font-medium text-muted">{t('accounts.mailbox.received')}</dt>
          <dd className="text-ink">
            <time dateTime={message.createdAt}>{formatDateTime(new Date(message.createdAt), locale, 'UTC')}</time>
          </dd>
        </dl>
      </Card>
      {links.length ? (
        <section aria-labelledby="mailbox-links" className="space-y-3">
          <h2 id="mailbox-links" className="text-lg font-semibold text-ink">
            {t('accounts.mailbox.links')}
          </h2>
          <ul className="space-y-2">
            {links.map((href) => (
              <li key={href}>
                <a href={href} className={buttonClass('primary', 'max-w-full break-all text-left')}>
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="mailbox-text" className="space-y-3">
        <h2 id="mailbox-text" className="text-lg font-semibold text-ink">
          {t('accounts.mailbox.text')}
        </h2>
        <Card>
          <pre className="whitespace-pre-wrap break-words font-sans text-sm text-ink">
            {parts.map((part, index) =>
              part.href ? (
                <a key={index} href={part.href} className="text-brand-700 underline">
                  {part.text}
                </a>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </pre>
        </Card>
      </section>
      <details className="rounded-2xl border border-line bg-white p-4 shadow-sm" onToggle={(event) => setShowHtml(event.currentTarget.open)}>
        <summary className="cursor-pointer text-sm font-semibold text-ink">{t('accounts.mailbox.html')}</summary>
        {/*
          Rendered only once opened. sandbox="" runs no script and gives the message no access to
          this page. The frame inherits this page's Content-Security-Policy, so with the production
          policy (no inline styles) the message shows unstyled; the text above is the reference.
        */}
        {showHtml ? (
          <iframe title={t('accounts.mailbox.html')} sandbox="" srcDoc={message.html} className="mt-4 h-[36rem] w-full rounded-lg border border-line bg-white" />
        ) : null}
      </details>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
