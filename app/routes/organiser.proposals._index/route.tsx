import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, Card, EmptyState, PageHeader } from '~/components/ui/card'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { formatDate } from '~/modules/i18n/format'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { labelKey } from '~/modules/proposals/labels'
import { listModerationQueue } from '~/modules/proposals/moderation.server'

export const meta = titleMeta

/** Organisers: proposals waiting for review (oldest first) and the latest decisions. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const queue = await listModerationQueue(context.db, actor, locale)
  return { ...queue, locale, title: `${getFixedT(locale)('catalogue.moderation.title')} · Ponte` }
}

export default function ModerationQueue() {
  const { t } = useTranslation()
  const { waiting, decided, locale } = useLoaderData<typeof loader>()
  const untitled = <span className="text-muted">{t('catalogue.moderation.untitled')}</span>
  return (
    <div className="space-y-8">
      <PageHeader title={t('catalogue.moderation.title')} description={t('catalogue.moderation.lead')} />
      <section aria-labelledby="waiting">
        <h2 id="waiting" className="mb-3 text-lg font-semibold text-ink">
          {t('catalogue.moderation.waiting', { count: waiting.length })}
        </h2>
        {waiting.length ? (
          <Card className="p-0">
            <ul className="divide-y divide-line">
              {waiting.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-6 py-4">
                  <div className="min-w-0 flex-1">
                    <Link to={`/organiser/proposals/${item.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                      {item.title ? <span lang={item.title.lang}>{item.title.title}</span> : untitled}
                    </Link>
                    <p className="text-sm text-muted">{item.startupName}</p>
                  </div>
                  {item.isUpdate ? <Badge tone="warning">{t('catalogue.moderation.update')}</Badge> : <Badge tone="brand">{t('catalogue.moderation.new')}</Badge>}
                  <p className="text-sm text-muted">{t('catalogue.moderation.submittedOn', { date: formatDate(new Date(item.submittedAt), locale) })}</p>
                </li>
              ))}
            </ul>
          </Card>
        ) : (
          <EmptyState title={t('catalogue.moderation.emptyTitle')} description={t('catalogue.moderation.emptyText')} />
        )}
      </section>
      <section aria-labelledby="decided">
        <h2 id="decided" className="mb-3 text-lg font-semibold text-ink">
          {t('catalogue.moderation.decided')}
        </h2>
        {decided.length ? (
          <Card className="p-0">
            <ul className="divide-y divide-line">
              {decided.map((item, index) => (
                <li key={`${item.proposalId}-${index}`} className="px-6 py-4">
                  <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                    <Link to={`/organiser/proposals/${item.proposalId}`} className="min-w-0 flex-1 font-medium text-brand-700 underline-offset-4 hover:underline">
                      {item.title ? <span lang={item.title.lang}>{item.title.title}</span> : untitled}
                    </Link>
                    <Badge tone={item.toStatus === 'published' ? 'success' : 'warning'}>{t(labelKey.status(item.toStatus))}</Badge>
                  </div>
                  <p className="mt-1 text-sm text-muted">
                    {t('catalogue.moderation.decidedBy', { startup: item.startupName, name: item.decidedBy, date: formatDate(new Date(item.createdAt), locale) })}
                  </p>
                  {item.comment ? (
                    <p className="mt-1 text-sm text-ink">
                      <q>{item.comment}</q>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : (
          <p className="text-sm text-muted">{t('catalogue.moderation.noDecisions')}</p>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
