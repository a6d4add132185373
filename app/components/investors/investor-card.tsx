import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Badge } from '~/components/ui/card'
import { formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import type { InvestorCard as InvestorCardData } from '~/modules/investors/directory.server'
import { countryName } from '~/modules/organisations/countries'
import { isSubsector, subsectorLabelKey } from '~/modules/startups/subsectors'

/** "€250,000 – €2,000,000", "from €50,000", "up to €1,000,000", or null. */
export function ticketRange(
  min: number | null,
  max: number | null,
  locale: Locale,
  t: (key: string, values?: Record<string, string>) => string,
): string | null {
  const money = (cents: number) => formatMoney(cents, locale)
  if (min !== null && max !== null) return `${money(min)} – ${money(max)}`
  if (min !== null) return t('investors.page.ticketFrom', { amount: money(min) })
  if (max !== null) return t('investors.page.ticketUpTo', { amount: money(max) })
  return null
}

/** An investor in the directory; the whole card links to its page. */
export function InvestorCard({
  investor,
  locale,
}: {
  investor: Omit<InvestorCardData, 'thesis'> & {
    thesis: { text: string; lang: string } | null
  }
  locale: Locale
}) {
  const { t } = useTranslation()
  const tickets = ticketRange(investor.ticketMinCents, investor.ticketMaxCents, locale, t)
  return (
    <article className="relative flex h-full flex-col rounded-2xl border border-line bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-300">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-ink">
            <Link to={`/investors/${investor.slug}`} className="after:absolute after:inset-0 focus:outline-none">
              {investor.name}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            {t(`organisations.investorTypes.${investor.type}`)} · {[investor.city, countryName(investor.country, locale)].filter(Boolean).join(', ')}
          </p>
        </div>
        {tickets ? <p className="text-sm font-semibold text-brand-700">{tickets}</p> : null}
      </div>
      {investor.thesis ? (
        <p lang={investor.thesis.lang} className="mt-3 line-clamp-3 text-sm text-ink">
          {investor.thesis.text}
        </p>
      ) : null}
      <ul className="mt-4 flex flex-wrap gap-1.5">
        {investor.subsectors.filter(isSubsector).map((code) => (
          <li key={code}>
            <Badge tone="brand">{t(subsectorLabelKey(code))}</Badge>
          </li>
        ))}
        {investor.stages.map((code) => (
          <li key={code}>
            <Badge>{t(`proposals.taxonomy.stages.${code}`)}</Badge>
          </li>
        ))}
        {investor.coInvestment ? (
          <li>
            <Badge tone="success">{t('investors.page.coInvests')}</Badge>
          </li>
        ) : null}
      </ul>
    </article>
  )
}
