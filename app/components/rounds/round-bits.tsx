import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Badge } from '~/components/ui/card'
import { formatDateTime, formatMoney } from '~/modules/i18n/format'
import { pickLocalizedText, type LocalizedText } from '~/modules/i18n/localized-text'
import { countryName } from '~/modules/organisations/countries'
import { regionName } from '~/modules/organisations/regions'
import type { RoundStatus } from '~/modules/rounds/taxonomy'
import { isSubsector, subsectorLabelKey } from '~/modules/startups/subsectors'
import { useViewerTimeZone } from '~/root'

const statusTones: Record<RoundStatus, 'neutral' | 'brand' | 'success' | 'warning'> = {
  draft: 'neutral',
  open: 'success',
  under_review: 'warning',
  shortlisted: 'brand',
  closed: 'neutral',
}

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation()
  return <Badge tone={statusTones[status]}>{t(`rounds.status.${status}`)}</Badge>
}

/** A text in the reader's language (else another), with its `lang`; `fallback` when there is none. */
export function Localized({ text, fallback = '' }: { text: LocalizedText | null | undefined; fallback?: string }) {
  const locale = useUiLocale()
  const picked = pickLocalizedText(text, locale)
  return picked ? <span lang={picked.lang}>{picked.text}</span> : <>{fallback}</>
}

/** A moment in the viewer's time zone, naming it ("15 April 2026 at 14:00 GMT+2"). */
export function useRoundTime() {
  const locale = useUiLocale()
  const viewerZone = useViewerTimeZone()
  return {
    viewerZone,
    inViewerZone: (date: Date | string) => formatDateTime(new Date(date), locale, viewerZone),
    inZone: (date: Date | string, zone: string) => formatDateTime(new Date(date), locale, zone),
  }
}

/**
 * The application window in the viewer's time zone with the zone named, and in the round's own
 * zone when the viewer's differs (the deadline must read exactly on both sides of the border).
 */
export function WindowTimes({ opensAt, closesAt, timeZone }: { opensAt: Date | string; closesAt: Date | string; timeZone: string }) {
  const { t } = useTranslation()
  const { viewerZone, inViewerZone, inZone } = useRoundTime()
  return (
    <div className="space-y-2">
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-ink">{t('rounds.window.opens')}</dt>
        <dd className="text-ink">
          <time dateTime={new Date(opensAt).toISOString()}>{inViewerZone(opensAt)}</time>
        </dd>
        <dt className="font-medium text-ink">{t('rounds.window.closes')}</dt>
        <dd className="text-ink">
          <time dateTime={new Date(closesAt).toISOString()}>{inViewerZone(closesAt)}</time>
        </dd>
      </dl>
      <p className="text-xs text-muted">
        {viewerZone === timeZone
          ? t('rounds.window.sameZone', { zone: timeZone })
          : t('rounds.window.otherZone', { viewerZone, zone: timeZone, opens: inZone(opensAt, timeZone), closes: inZone(closesAt, timeZone) })}
      </p>
    </div>
  )
}

export interface EligibilityRules {
  regions: string[]
  countries: string[]
  subsectors: string[]
  stages: string[]
  minTrl: number | null
  amountMinCents: number | null
  amountMaxCents: number | null
  maxCompanyAgeYears: number | null
}

/** The round's eligibility rules in words, one a line; "open to every startup" without any. */
export function EligibilityInWords({ rules }: { rules: EligibilityRules }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const list = (items: string[]) => items.join(', ')
  const lines: { key: string; text: string }[] = []
  if (rules.regions.length) lines.push({ key: 'regions', text: t('rounds.eligibility.regionsRule', { regions: list(rules.regions.map((code) => (regionName(code) === code ? code : `${regionName(code)} (${code})`))) }) })
  if (rules.countries.length) lines.push({ key: 'countries', text: t('rounds.eligibility.countriesRule', { countries: list(rules.countries.map((code) => countryName(code, locale))) }) })
  if (rules.subsectors.length) lines.push({ key: 'subsectors', text: t('rounds.eligibility.subsectorsRule', { subsectors: list(rules.subsectors.filter(isSubsector).map((code) => t(subsectorLabelKey(code)))) }) })
  if (rules.stages.length) lines.push({ key: 'stages', text: t('rounds.eligibility.stagesRule', { stages: list(rules.stages.map((code) => t(`proposals.taxonomy.stages.${code}`))) }) })
  if (rules.minTrl !== null) lines.push({ key: 'trl', text: t('rounds.eligibility.trlRule', { level: rules.minTrl }) })
  const money = (cents: number) => formatMoney(cents, locale)
  if (rules.amountMinCents !== null && rules.amountMaxCents !== null) lines.push({ key: 'amount', text: t('rounds.eligibility.amountBetween', { min: money(rules.amountMinCents), max: money(rules.amountMaxCents) }) })
  else if (rules.amountMinCents !== null) lines.push({ key: 'amount', text: t('rounds.eligibility.amountAtLeast', { min: money(rules.amountMinCents) }) })
  else if (rules.amountMaxCents !== null) lines.push({ key: 'amount', text: t('rounds.eligibility.amountAtMost', { max: money(rules.amountMaxCents) }) })
  if (rules.maxCompanyAgeYears !== null) lines.push({ key: 'age', text: t('rounds.eligibility.ageRule', { count: rules.maxCompanyAgeYears }) })
  if (lines.length === 0) return <p className="text-sm text-ink">{t('rounds.eligibility.anyone')}</p>
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-ink">
      {lines.map((line) => (
        <li key={line.key}>{line.text}</li>
      ))}
    </ul>
  )
}
