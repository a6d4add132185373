import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { Card, PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { formatMoney, formatNumber } from '~/modules/i18n/format'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { timeZoneFromCookieHeader } from '~/modules/i18n/time-zone'
import { titleMeta } from '~/modules/i18n/title-meta'
import { requireRoundOrganiser } from '~/modules/rounds/access.server'
import { matchingRuleOf } from '~/modules/rounds/commitments.server'
import { roundDashboard } from '~/modules/rounds/dashboard.server'
import { roundExports } from '~/modules/rounds/exports'
import { ApplicationsSection, CrossBorderSection, EligibilitySection, JurorsSection, PoolSection, ShortlistSection } from './sections'

export const meta = titleMeta

/** A round's dashboard, for its organisers only (everyone else, other organisers included, gets a 404). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const round = await requireRoundOrganiser(context.db, actor, params.slug ?? '')
  const locale = await detectLocale(request, actor.locale)
  const timeZone = timeZoneFromCookieHeader(request.headers.get('Cookie'), locale)
  const dashboard = await roundDashboard(context.db, round, { timeZone, locale })
  const name = pickLocalizedText(round.name, locale)?.text ?? round.slug
  return {
    round: { slug: round.slug, name, rule: matchingRuleOf(round) },
    timeZone,
    dashboard,
    title: `${getFixedT(locale)('pool.dashboard.title')} · ${name} · Ponte`,
  }
}

export default function RoundDashboardPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { round, timeZone, dashboard } = useLoaderData<typeof loader>()
  const committedCents = dashboard.crossBorder.totalCents
  const tiles: [string, string, string][] = [
    ['applications', t('pool.dashboard.tiles.applications'), formatNumber(dashboard.applications.total, locale)],
    ['shortlisted', t('pool.dashboard.tiles.shortlisted'), formatNumber(dashboard.applications.shortlisted, locale)],
    ['committed', t('pool.dashboard.tiles.committed'), formatMoney(committedCents, locale)],
    ['matched', t('pool.dashboard.tiles.matched'), formatMoney(dashboard.pool.usedCents, locale)],
    ['pool-left', t('pool.dashboard.tiles.poolLeft'), formatMoney(dashboard.pool.leftCents, locale)],
  ]
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link to={`/rounds/${round.slug}`} className="text-brand-700 hover:underline">
          ← {t('pool.dashboard.back')}
        </Link>
      </p>
      <PageHeader
        title={t('pool.dashboard.title')}
        description={round.name}
        actions={roundExports.map((which) => (
          <a key={which} href={`/organiser/rounds/${round.slug}/export/${which}.csv`} download className={buttonClass('secondary')}>
            {t(`pool.dashboard.export.${which}`)}
          </a>
        ))}
      />
      <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {tiles.map(([key, label, value]) => (
          <div key={key} className="rounded-2xl border border-line bg-white p-5 shadow-sm">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-2 text-2xl font-semibold tracking-tight text-ink" data-figure={key}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <ApplicationsSection figures={dashboard.applications} timeZone={timeZone} />
        </Card>
        <Card>
          <EligibilitySection figures={dashboard.eligibility} />
        </Card>
      </div>
      <Card>
        <JurorsSection jurors={dashboard.jurors} scale={dashboard.scoreScale} />
      </Card>
      <Card>
        <ShortlistSection shortlist={dashboard.shortlist} rule={round.rule} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <PoolSection pool={dashboard.pool} />
        </Card>
        <Card>
          <CrossBorderSection share={dashboard.crossBorder} />
        </Card>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
