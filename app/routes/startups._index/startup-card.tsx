import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Badge } from '~/components/ui/card'
import type { Locale } from '~/modules/i18n/locales'
import { startupRegionLabel } from '~/modules/startups/place'
import { subsectorLabelKey, type Subsector } from '~/modules/startups/subsectors'

export interface StartupCardData {
  slug: string
  name: string
  country: string
  region: string
  city: string
  foundedYear: number | null
  subsectors: Subsector[]
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0])
    .join('')
    .toUpperCase()
}

/** A startup in the directory; the whole card is the link to its profile. */
export function StartupCard({ startup, locale }: { startup: StartupCardData; locale: Locale }) {
  const { t } = useTranslation()
  return (
    <article className="relative flex h-full flex-col rounded-2xl border border-line bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-300">
      <div className="flex items-start gap-3">
        <span aria-hidden="true" className="flex h-10 w-10 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-sm font-semibold text-brand-700">
          {initials(startup.name)}
        </span>
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-ink">
            <Link to={`/startups/${startup.slug}`} className="after:absolute after:inset-0 focus:outline-none">
              {startup.name}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            {startup.city} · {startupRegionLabel(startup.region, startup.country, locale)}
          </p>
        </div>
      </div>
      <ul className="mt-4 flex flex-wrap gap-1.5">
        {startup.subsectors.map((code) => (
          <li key={code}>
            <Badge tone="brand">{t(subsectorLabelKey(code))}</Badge>
          </li>
        ))}
      </ul>
      {startup.foundedYear ? (
        <p className="mt-auto pt-4 text-xs text-muted">{t('startups.directory.founded', { year: startup.foundedYear })}</p>
      ) : null}
    </article>
  )
}
