import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Localized, RoundStatusBadge, useRoundTime } from '~/components/rounds/round-bits'
import { Card, EmptyState, PageHeader } from '~/components/ui/card'
import { formatMoney } from '~/modules/i18n/format'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listPublicRounds } from '~/modules/rounds/rounds-list.server'

export const meta = titleMeta

/** Anyone: the funding rounds open now, those about to open, and past ones. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return { ...(await listPublicRounds(context.db)), title: await pageTitle(request, context, 'rounds.public.title') }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['open'][number]

export default function PublicRounds() {
  const { t } = useTranslation()
  const { open, upcoming, past } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-10">
      <PageHeader title={t('rounds.public.title')} description={t('rounds.public.lead')} />
      <section aria-labelledby="open-rounds" className="space-y-4">
        <h2 id="open-rounds" className="text-lg font-semibold text-ink">
          {t('rounds.public.open')}
        </h2>
        {open.length ? <RoundCards rows={open} when="closes" /> : <EmptyState title={t('rounds.public.noneOpenTitle')} description={t('rounds.public.noneOpen')} />}
      </section>
      {upcoming.length ? (
        <section aria-labelledby="upcoming-rounds" className="space-y-4">
          <h2 id="upcoming-rounds" className="text-lg font-semibold text-ink">
            {t('rounds.public.upcoming')}
          </h2>
          <RoundCards rows={upcoming} when="opens" />
        </section>
      ) : null}
      {past.length ? (
        <section aria-labelledby="past-rounds" className="space-y-4">
          <h2 id="past-rounds" className="text-lg font-semibold text-ink">
            {t('rounds.public.past')}
          </h2>
          <RoundCards rows={past} when="closed" />
        </section>
      ) : null}
    </div>
  )
}

function RoundCards({ rows, when }: { rows: Row[]; when: 'opens' | 'closes' | 'closed' }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { inViewerZone } = useRoundTime()
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {rows.map((round) => (
        <li key={round.slug}>
          <Card className="h-full space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <RoundStatusBadge status={round.status} />
              <span className="text-xs text-muted">{round.organiserName}</span>
            </div>
            <h3 className="text-lg font-semibold">
              <Link to={`/rounds/${round.slug}`} className="text-brand-700 underline-offset-4 hover:underline">
                <Localized text={round.name} fallback={round.slug} />
              </Link>
            </h3>
            <p className="line-clamp-3 text-sm text-muted">
              <Localized text={round.description} />
            </p>
            <p className="text-sm text-ink">
              {when === 'opens'
                ? t('rounds.public.opensOn', { time: inViewerZone(round.opensAt) })
                : when === 'closes'
                  ? t('rounds.public.closesOn', { time: inViewerZone(round.closesAt) })
                  : t('rounds.public.closedOn', { time: inViewerZone(round.closesAt) })}
            </p>
            {round.pool > 0 ? <p className="text-sm text-muted">{t('rounds.public.poolTotal', { total: formatMoney(round.pool, locale) })}</p> : null}
          </Card>
        </li>
      ))}
    </ul>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
