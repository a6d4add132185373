import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { RoundStatusBadge, useRoundTime } from '~/components/rounds/round-bits'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState, PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { juryRoundsOf } from '~/modules/rounds/reviews.server'

export const meta = titleMeta

/** The rounds whose jury the person sits on (an accepted seat), with their progress. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const locale = await detectLocale(request, actor.locale)
  return { rounds: await juryRoundsOf(context.db, actor, locale), title: await pageTitle(request, context, 'jury.list.title') }
}

export default function JuryPage() {
  const { t } = useTranslation()
  const { inViewerZone } = useRoundTime()
  const { rounds } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title={t('jury.list.title')} description={t('jury.list.lead')} />
      {rounds.length === 0 ? (
        <EmptyState title={t('jury.list.emptyTitle')} description={t('jury.list.emptyText')} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rounds.map((round) => (
            <li key={round.slug}>
              <Card className="flex h-full flex-col gap-3">
                <div className="flex items-start justify-between gap-3">
                  <h2 className="text-lg font-semibold text-ink">{round.name}</h2>
                  <RoundStatusBadge status={round.status} />
                </div>
                <p className="text-sm text-muted">{t('jury.list.deadline', { date: inViewerZone(round.closesAt) })}</p>
                <p className="text-sm font-medium text-ink">{t('jury.list.progress', { submitted: round.submitted, count: round.applications })}</p>
                <div className="mt-auto">
                  <Link to={`/jury/${round.slug}`} className={buttonClass('secondary')}>
                    {t('jury.list.open')}
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
