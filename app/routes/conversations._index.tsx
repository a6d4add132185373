import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, Card, EmptyState, PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { formatDate } from '~/modules/i18n/format'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listConversations } from '~/modules/interests/conversations.server'

export const meta = titleMeta

/** The person's conversations (their organisations' introductions), with unread counts. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const conversations = await listConversations(context.db, actor)
  return {
    conversations,
    unread: conversations.reduce((sum, c) => sum + c.unread, 0),
    title: await pageTitle(request, context, 'interests.conversations.title'),
  }
}

export default function ConversationsPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { conversations, unread } = useLoaderData<typeof loader>()
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('interests.conversations.title')} description={t('interests.conversations.lead', { count: unread })} />
      {conversations.length === 0 ? (
        <EmptyState title={t('interests.conversations.emptyTitle')} description={t('interests.conversations.emptyText')} action={<Link to="/proposals" className="text-sm font-semibold text-brand-700 hover:underline">{t('interests.conversations.browse')}</Link>} />
      ) : (
        <Card className="p-0">
          <ul className="divide-y divide-line">
            {conversations.map((c) => (
              <li key={c.id}>
                <Link to={`/conversations/${c.id}`} className="flex items-center justify-between gap-4 px-6 py-4 hover:bg-canvas">
                  <div className="min-w-0">
                    <p className={`truncate text-sm ${c.unread > 0 ? 'font-semibold text-ink' : 'font-medium text-ink'}`}>{c.counterpart}</p>
                    <p className="truncate text-sm text-muted">{c.proposal}</p>
                  </div>
                  <div className="flex shrink-0 items-center gap-3 text-xs text-muted">
                    <span>{formatDate(new Date(c.lastMessageAt ?? c.createdAt), locale)}</span>
                    {c.unread > 0 ? <Badge tone="brand">{t('interests.conversations.unread', { count: c.unread })}</Badge> : null}
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
