import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MatchingPanel } from '~/components/rounds/matching-panel'
import { EligibilityInWords, Localized, RoundStatusBadge, WindowTimes } from '~/components/rounds/round-bits'
import { buttonClass } from '~/components/ui/button'
import { Badge, Card, Notice } from '~/components/ui/card'
import { getActor } from '~/modules/accounts/session.server'
import { formatMoney } from '~/modules/i18n/format'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { getPublicRound } from '~/modules/rounds/rounds-list.server'
import { RoundSections } from './sections'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Ponte' }]

/** A round's public page (anyone, once it is no longer a draft; its organisers always). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const page = await getPublicRound(context.db, actor, params.slug)
  const locale = await detectLocale(request, actor?.locale)
  return { ...page, title: `${pickLocalizedText(page.round.name, locale)?.text ?? page.round.slug} · Ponte` }
}
export type PublicRoundData = ReturnType<typeof useLoaderData<typeof loader>>

export default function PublicRoundPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const page = useLoaderData<typeof loader>()
  const { round } = page
  return (
    <div className="space-y-8">
      <Link to="/rounds" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('rounds.public.back')}
      </Link>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <RoundStatusBadge status={round.status} />
          {round.phase === 'upcoming' ? <Badge tone="warning">{t('rounds.public.upcomingBadge')}</Badge> : null}
          <span className="text-sm text-muted">{t('rounds.public.by', { organiser: round.organiserName })}</span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
          <Localized text={round.name} fallback={round.slug} />
        </h1>
        <div className="flex flex-wrap gap-3">
          {page.viewer.organises ? (
            <Link to={`/organiser/rounds/${round.slug}`} className={buttonClass('secondary')}>
              {t('rounds.public.manage')}
            </Link>
          ) : null}
          {page.viewer.participates ? (
            <Link to={`/rounds/${round.slug}/pool`} className={buttonClass('secondary')}>
              {t('rounds.public.poolPage')}
            </Link>
          ) : null}
        </div>
      </header>
      {round.status === 'draft' ? <Notice tone="info">{t('rounds.public.draftNotice')}</Notice> : null}
      {page.matching ? <MatchingPanel panel={page.matching} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <h2 className="text-lg font-semibold text-ink">{t('rounds.public.about')}</h2>
            <p className="mt-3 whitespace-pre-line text-ink">
              <Localized text={round.description} fallback={t('rounds.public.noDescription')} />
            </p>
          </Card>
          <RoundSections page={page} />
        </div>
        <div className="space-y-6">
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold text-ink">{t('rounds.public.when')}</h2>
            <p className="text-sm text-ink">{t(`rounds.public.phase.${round.phase}`)}</p>
            <WindowTimes opensAt={round.opensAt} closesAt={round.closesAt} timeZone={round.timeZone} />
            {round.phase === 'open'
              ? page.viewer.startups.map((startup) => (
                  <Link key={startup.slug} to={`/studio/${startup.slug}/rounds/${round.slug}`} className={buttonClass('primary', 'w-full')}>
                    {page.viewer.startups.length > 1 ? t('rounds.public.applyAs', { startup: startup.name }) : t('rounds.public.apply')}
                  </Link>
                ))
              : null}
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold text-ink">{t('rounds.public.eligibility')}</h2>
            <EligibilityInWords rules={round.eligibility} />
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold text-ink">{t('rounds.public.pool')}</h2>
            {page.investors.length ? <p className="text-2xl font-semibold tabular-nums text-ink">{formatMoney(page.poolCents, locale)}</p> : null}
            {page.investors.length ? (
              <ul className="space-y-1 text-sm">
                {page.investors.map((investor) => (
                  <li key={investor.slug} className="flex flex-wrap items-center gap-2">
                    <Link to={`/investors/${investor.slug}`} className="text-brand-700 underline-offset-4 hover:underline">
                      {investor.name}
                    </Link>
                    {investor.matchesCommitments ? <Badge tone="brand">{t('rounds.pool.matchingFund')}</Badge> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">{t('rounds.public.noInvestors')}</p>
            )}
          </Card>
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
