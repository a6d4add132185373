import { useTranslation } from 'react-i18next'
import { formatNumber } from '~/modules/i18n/format'
import type { getPlatformCounts } from '~/modules/organisations/platform.server'
import { useUiLocale } from './form-fields'

type Counts = Awaited<ReturnType<typeof getPlatformCounts>>

/** The headline figures of the platform, as a row of tiles. */
export function PlatformStats({ counts }: { counts: Counts }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const tiles: [string, number][] = [
    [t('organisations.stats.users'), counts.users],
    [t('organisations.stats.startups'), counts.organisations.startup],
    [t('organisations.stats.investors'), counts.organisations.investor],
    [t('organisations.stats.organisers'), counts.organisations.organiser],
    [t('organisations.stats.pendingInvitations'), counts.pendingInvitations],
  ]
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {tiles.map(([label, value]) => (
        <div key={label} className="rounded-2xl border border-line bg-white p-5 shadow-sm">
          <dt className="text-sm text-muted">{label}</dt>
          <dd className="mt-2 text-3xl font-semibold tracking-tight text-ink">{formatNumber(value, locale)}</dd>
        </div>
      ))}
    </dl>
  )
}
