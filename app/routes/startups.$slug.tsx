import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, Card } from '~/components/ui/card'
import { notFound } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { getPublicStartupProfile } from '~/modules/startups/directory.server'
import { startupRegionLabel } from '~/modules/startups/place'
import { subsectorLabelKey } from '~/modules/startups/subsectors'

export const meta = titleMeta

/** A startup's public profile: anyone may read it; an unknown or suspended startup is a 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const locale = await detectLocale(request, actor?.locale)
  const startup = await getPublicStartupProfile(context.db, params.slug, locale)
  if (!startup) throw notFound()
  return { startup, locale, title: `${startup.name} · Ponte` }
}

export default function StartupProfile() {
  const { t } = useTranslation()
  const { startup, locale } = useLoaderData<typeof loader>()
  const region = startupRegionLabel(startup.region, startup.country, locale)
  const notStated = <span className="text-muted">{t('startups.profile.notStated')}</span>
  return (
    <article>
      <Link to="/startups" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('startups.profile.back')}
      </Link>
      <header className="mt-4 mb-8">
        <div className="flex items-center gap-4">
          {startup.logoFile ? (
            <img src={`/logos/${startup.logoFile}`} alt={t('dataroom.profile.logoAlt', { name: startup.name })} className="h-16 w-16 rounded-xl border border-line bg-white object-contain" />
          ) : null}
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{startup.name}</h1>
            {startup.legalName && startup.legalName !== startup.name ? <p className="text-sm text-muted">{startup.legalName}</p> : null}
          </div>
        </div>
        <p className="mt-2 text-muted">
          {startup.city} · {region}
        </p>
        <ul aria-label={t('startups.profile.subsectors')} className="mt-4 flex flex-wrap gap-1.5">
          {startup.subsectors.map((code) => (
            <li key={code}>
              <Badge tone="brand">{t(subsectorLabelKey(code))}</Badge>
            </li>
          ))}
        </ul>
      </header>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('startups.profile.about', { name: startup.name })}</h2>
          {startup.description ? (
            <>
              <p lang={startup.description.lang} className="mt-3 leading-relaxed text-ink">
                {startup.description.text}
              </p>
              {startup.description.lang !== locale ? (
                <p className="mt-3 text-xs text-muted">{t('startups.profile.otherLanguage')}</p>
              ) : null}
            </>
          ) : (
            <p className="mt-3 text-muted">{t('startups.profile.noDescription')}</p>
          )}
          {startup.team.length > 0 ? (
            <>
              <h3 className="mt-6 text-base font-semibold text-ink">{t('dataroom.profile.sections.team')}</h3>
              <ul className="mt-2 space-y-1 text-sm">
                {startup.team.map((person, index) => (
                  <li key={index}>
                    <span className="font-medium text-ink">{person.name}</span> · <span className="text-muted">{person.role}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('startups.profile.facts')}</h2>
          <dl className="mt-4 space-y-3 text-sm">
            <Fact label={t('startups.profile.region')}>
              {region} ({startup.region})
            </Fact>
            <Fact label={t('startups.profile.city')}>{startup.city}</Fact>
            <Fact label={t('startups.profile.founded')}>{startup.foundedYear ?? notStated}</Fact>
            <Fact label={t('startups.profile.headcount')}>
              {startup.headcount ? t('startups.profile.people', { count: startup.headcount }) : notStated}
            </Fact>
            <Fact label={t('startups.profile.website')}>
              {startup.website ? (
                <a href={startup.website} rel="noopener noreferrer nofollow" className="break-all font-medium text-brand-700 underline">
                  {new URL(startup.website).host}
                </a>
              ) : (
                notStated
              )}
            </Fact>
          </dl>
        </Card>
      </div>
    </article>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line pb-3 last:border-0 last:pb-0">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-medium text-ink">{children}</dd>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
