import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { BarList, ColumnChart, StackedBar } from '~/components/rounds/charts'
import { conditionKeys, ConditionMark, useConditionHeaders } from '~/components/rounds/matching-rule'
import { EmptyState } from '~/components/ui/card'
import { formatDate, formatMoney, formatNumber } from '~/modules/i18n/format'
import type { CrossBorderShare, DayCount, JurorScores, RoundDashboard } from '~/modules/rounds/dashboard.server'
import type { MatchConditions, MatchingRule, MatchLimit } from '~/modules/rounds/matching'
import type { EligibilityRule } from '~/modules/rounds/taxonomy'

function SectionTitle({ children }: { children: string }) {
  return <h2 className="mb-4 text-lg font-semibold text-ink">{children}</h2>
}

const dayDate = (day: string) => new Date(`${day}T12:00:00Z`)

export function ApplicationsSection({ figures, timeZone }: { figures: { total: number; withdrawn: number; perDay: DayCount[] }; timeZone: string }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const points = figures.perDay.map((entry) => ({ label: formatDate(dayDate(entry.day), locale), value: entry.count, display: formatNumber(entry.count, locale) }))
  return (
    <section>
      <SectionTitle>{t('pool.dashboard.applications.title')}</SectionTitle>
      <p className="mb-4 text-sm text-muted">
        {t('pool.dashboard.applications.lead', { count: figures.total, withdrawn: formatNumber(figures.withdrawn, locale), zone: timeZone })}
      </p>
      <ColumnChart
        title={t('pool.dashboard.applications.title')}
        description={t('pool.dashboard.applications.chart', {
          count: figures.total,
          from: points[0]?.label ?? '',
          to: points.at(-1)?.label ?? '',
          zone: timeZone,
        })}
        points={points}
        headers={[t('pool.dashboard.applications.day'), t('pool.dashboard.applications.count')]}
      />
    </section>
  )
}

export function EligibilitySection({ figures }: { figures: { startupsChecked: number; startupsEligible: number; failures: { rule: EligibilityRule; startups: number }[] } }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  return (
    <section>
      <SectionTitle>{t('pool.dashboard.eligibility.title')}</SectionTitle>
      <p className="mb-4 text-sm text-muted">
        {t('pool.dashboard.eligibility.lead', { count: figures.startupsChecked, eligible: formatNumber(figures.startupsEligible, locale) })}
      </p>
      <BarList
        items={figures.failures.map((failure) => ({
          key: failure.rule,
          label: t(`pool.dashboard.rules.${failure.rule}`),
          value: failure.startups,
          display: formatNumber(failure.startups, locale),
        }))}
        max={figures.startupsChecked}
      />
    </section>
  )
}

export function JurorsSection({ jurors, scale }: { jurors: JurorScores[]; scale: number }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const values = Array.from({ length: scale }, (_, index) => index + 1)
  return (
    <section>
      <SectionTitle>{t('pool.dashboard.jurors.title')}</SectionTitle>
      <p className="mb-4 text-sm text-muted">{t('pool.dashboard.jurors.lead', { scale })}</p>
      {jurors.length === 0 ? (
        <EmptyState title={t('pool.dashboard.jurors.emptyTitle')} description={t('pool.dashboard.jurors.emptyText')} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  {t('pool.dashboard.jurors.juror')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('pool.dashboard.jurors.reviews')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('pool.dashboard.jurors.mean')}
                </th>
                {values.map((value) => (
                  <th key={value} scope="col" className="py-2 px-1 text-right">
                    {value}
                  </th>
                ))}
                <th scope="col" className="py-2 pl-4">
                  {t('pool.dashboard.jurors.distribution')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {jurors.map((juror) => (
                <tr key={juror.id} data-juror={juror.name}>
                  <th scope="row" className="py-2 pr-4 font-medium text-ink">
                    {juror.name} <span className="font-normal text-muted">· {t(`pool.dashboard.jurors.kind.${juror.kind}`)}</span>
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(juror.reviews, locale)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums" data-figure="mean">
                    {juror.mean === null ? '–' : formatNumber(Math.round(juror.mean * 100) / 100, locale)}
                  </td>
                  {juror.counts.map((count, index) => (
                    <td key={index} className="py-2 px-1 text-right tabular-nums text-muted">
                      {count}
                    </td>
                  ))}
                  <td className="py-2 pl-4">
                    <Histogram counts={juror.counts} label={t('pool.dashboard.jurors.histogram', { juror: juror.name, counts: juror.counts.map((c, i) => `${i + 1}: ${c}`).join(', ') })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** A juror's scores as a small histogram (its figures are in the row beside it). */
function Histogram({ counts, label }: { counts: number[]; label: string }) {
  const max = Math.max(1, ...counts)
  return (
    <svg role="img" viewBox={`0 0 ${counts.length * 10} 30`} preserveAspectRatio="none" className="h-8 w-32 rounded bg-canvas">
      <title>{label}</title>
      {counts.map((count, index) => {
        const height = (count / max) * 28
        return <rect key={index} x={index * 10 + 1.5} width={7} y={30 - height} height={height} className="fill-brand-500" />
      })}
    </svg>
  )
}

interface ShortlistRow {
  applicationId: string
  name: string
  slug: string
  country: string
  title: string
  committedCents: number
  privateCents: number
  investors: number
  conditions: MatchConditions
  servedAs: number | null
  matchedCents: number
  limitedBy: MatchLimit | null
}

export function ShortlistSection({ shortlist, rule }: { shortlist: ShortlistRow[]; rule: MatchingRule }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const headers = useConditionHeaders(rule)
  return (
    <section>
      <SectionTitle>{t('pool.dashboard.shortlist.title')}</SectionTitle>
      <p className="mb-4 text-sm text-muted">{t('pool.dashboard.shortlist.lead')}</p>
      {shortlist.length === 0 ? (
        <EmptyState title={t('pool.dashboard.shortlist.emptyTitle')} description={t('pool.dashboard.shortlist.emptyText')} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  {t('pool.table.startup')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('pool.dashboard.shortlist.committed')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('pool.dashboard.shortlist.private')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('pool.startup.investors')}
                </th>
                {conditionKeys.map((key) => (
                  <th key={key} scope="col" className="py-2 pr-4">
                    {headers[key]}
                  </th>
                ))}
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('pool.dashboard.shortlist.order')}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t('pool.table.matched')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {shortlist.map((row) => (
                <tr key={row.applicationId} data-startup={row.slug}>
                  <th scope="row" className="py-2 pr-4 font-medium text-ink">
                    <Link to={`/startups/${row.slug}`} className="text-brand-700 hover:underline">
                      {row.name}
                    </Link>{' '}
                    <span className="font-normal text-muted">({row.country})</span>
                    {row.title ? <span className="block text-xs font-normal text-muted">{row.title}</span> : null}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums" data-figure="committed">
                    {formatMoney(row.committedCents, locale)}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums" data-figure="private">
                    {formatMoney(row.privateCents, locale)}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(row.investors, locale)}</td>
                  {conditionKeys.map((key) => (
                    <td key={key} className="py-2 pr-4">
                      <ConditionMark state={row.conditions[key]} />
                    </td>
                  ))}
                  <td className="py-2 pr-4 text-right tabular-nums">{row.servedAs === null ? '–' : formatNumber(row.servedAs, locale)}</td>
                  <td className="py-2 text-right font-semibold tabular-nums" data-figure="matched">
                    {formatMoney(row.matchedCents, locale)}
                    {row.limitedBy ? <span className="block text-xs font-normal text-muted">{t(`pool.limit.${row.limitedBy}`)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function PoolSection({ pool }: { pool: RoundDashboard['pool'] }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const money = (cents: number) => formatMoney(cents, locale)
  const share = (value: number) => (pool.poolCents === 0 ? '–' : `${formatNumber(Math.round((value / pool.poolCents) * 100), locale)} %`)
  return (
    <section className="space-y-4">
      <SectionTitle>{t('pool.dashboard.pool.title')}</SectionTitle>
      <p className="text-sm text-muted">
        {t('pool.dashboard.pool.lead', { pledged: money(pool.fundPledgeCents), own: money(pool.fundCommittedCents), pool: money(pool.poolCents) })}
      </p>
      <StackedBar
        title={t('pool.dashboard.pool.title')}
        segments={[
          { key: 'used', label: t('pool.figures.used'), value: pool.usedCents, display: money(pool.usedCents), fill: 'fill-brand-600' },
          { key: 'left', label: t('pool.figures.left'), value: pool.leftCents, display: money(pool.leftCents), fill: 'fill-brand-200' },
        ]}
        shareOf={share}
      />
      {pool.roundCapCents !== null ? (
        <p className="text-sm text-muted">{t('pool.dashboard.pool.roundCap', { cap: money(pool.roundCapCents), left: money(pool.roundCapLeftCents ?? 0) })}</p>
      ) : null}
      <h3 className="pt-2 text-sm font-semibold text-ink">{t('pool.dashboard.pool.pledges')}</h3>
      {pool.pledges.length === 0 ? (
        <p className="text-sm text-muted">{t('pool.dashboard.pool.noPledges')}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3">
                {t('pool.dashboard.pool.investor')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('pool.figures.pledged')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('pool.figures.committed')}
              </th>
              <th scope="col" className="py-2 text-right">
                {t('pool.figures.left')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {pool.pledges.map((pledge) => (
              <tr key={pledge.organisationId} data-pledge={pledge.name}>
                <th scope="row" className="py-2 pr-3 font-medium text-ink">
                  {pledge.name} <span className="font-normal text-muted">({pledge.country})</span>
                  {pledge.matchesCommitments ? <span className="block text-xs font-normal text-muted">{t('pool.dashboard.pool.matchingFund')}</span> : null}
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">{money(pledge.pledgeCents)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{money(pledge.committedCents)}</td>
                <td className="py-2 text-right tabular-nums">{money(pledge.leftCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function CrossBorderSection({ share }: { share: CrossBorderShare }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const money = (cents: number) => formatMoney(cents, locale)
  const percent = (value: number) => (share.totalCents === 0 ? '–' : `${formatNumber(Math.round((value / share.totalCents) * 100), locale)} %`)
  return (
    <section className="space-y-4">
      <SectionTitle>{t('pool.dashboard.crossBorder.title')}</SectionTitle>
      <p className="text-sm text-muted">{t('pool.dashboard.crossBorder.lead', { total: money(share.totalCents) })}</p>
      <StackedBar
        title={t('pool.dashboard.crossBorder.title')}
        segments={[
          { key: 'es-pt', label: t('pool.dashboard.crossBorder.esToPt'), value: share.esToPtCents, display: money(share.esToPtCents), fill: 'fill-brand-700' },
          { key: 'pt-es', label: t('pool.dashboard.crossBorder.ptToEs'), value: share.ptToEsCents, display: money(share.ptToEsCents), fill: 'fill-accent-500' },
          { key: 'other', label: t('pool.dashboard.crossBorder.other'), value: share.otherCrossBorderCents, display: money(share.otherCrossBorderCents), fill: 'fill-brand-300' },
          { key: 'domestic', label: t('pool.dashboard.crossBorder.domestic'), value: share.domesticCents, display: money(share.domesticCents), fill: 'fill-line' },
        ]}
        shareOf={percent}
      />
    </section>
  )
}
