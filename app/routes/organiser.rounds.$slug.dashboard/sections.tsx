import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { BarList, ColumnChart, StackedBar } from '~/components/rounds/charts'
import { ConditionCells, ConditionHeaders, MatchedAmount, StartupName, useConditionHeaders } from '~/components/rounds/matching-rule'
import { EmptyState } from '~/components/ui/card'
import { Cell, ColumnHeader, DataTable, RowHeader } from '~/components/ui/table'
import { formatDate, formatMoney, formatNumber } from '~/modules/i18n/format'
import type { CrossBorderShare, DayCount, JurorScores, RoundDashboard } from '~/modules/rounds/dashboard.server'
import type { ShortlistMatch } from '~/modules/rounds/commitments.server'
import type { MatchingRule } from '~/modules/rounds/matching'
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
        <DataTable
          head={
            <>
              <ColumnHeader>{t('pool.dashboard.jurors.juror')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.dashboard.jurors.reviews')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.dashboard.jurors.mean')}</ColumnHeader>
              {values.map((value) => (
                <ColumnHeader key={value} numeric>
                  {value}
                </ColumnHeader>
              ))}
              <ColumnHeader>{t('pool.dashboard.jurors.distribution')}</ColumnHeader>
            </>
          }
        >
          {jurors.map((juror) => (
            <tr key={juror.id} data-juror={juror.name}>
              <RowHeader>
                {juror.name} <span className="font-normal text-muted">· {t(`pool.dashboard.jurors.kind.${juror.kind}`)}</span>
              </RowHeader>
              <Cell numeric>{formatNumber(juror.reviews, locale)}</Cell>
              <Cell numeric figure="mean">
                {juror.mean === null ? '–' : formatNumber(Math.round(juror.mean * 100) / 100, locale)}
              </Cell>
              {juror.counts.map((count, index) => (
                <Cell key={index} numeric>
                  {formatNumber(count, locale)}
                </Cell>
              ))}
              <Cell>
                <Histogram counts={juror.counts} label={t('pool.dashboard.jurors.histogram', { juror: juror.name, counts: juror.counts.map((c, i) => `${i + 1}: ${c}`).join(', ') })} />
              </Cell>
            </tr>
          ))}
        </DataTable>
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

type ShortlistRow = Pick<
  ShortlistMatch,
  'applicationId' | 'name' | 'slug' | 'country' | 'title' | 'committedCents' | 'privateCents' | 'investors' | 'conditions' | 'servedAs' | 'matchedCents' | 'limitedBy'
>

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
        <DataTable
          head={
            <>
              <ColumnHeader>{t('pool.table.startup')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.dashboard.shortlist.committed')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.dashboard.shortlist.private')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.startup.investors')}</ColumnHeader>
              <ConditionHeaders headers={headers} />
              <ColumnHeader numeric>{t('pool.dashboard.shortlist.order')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.table.matched')}</ColumnHeader>
            </>
          }
        >
          {shortlist.map((row) => (
            <tr key={row.applicationId} data-startup={row.slug}>
              <RowHeader>
                <StartupName startup={row} />
                {row.title ? <span className="block text-xs font-normal text-muted">{row.title}</span> : null}
              </RowHeader>
              <Cell numeric figure="committed">
                {formatMoney(row.committedCents, locale)}
              </Cell>
              <Cell numeric figure="private">
                {formatMoney(row.privateCents, locale)}
              </Cell>
              <Cell numeric>{formatNumber(row.investors, locale)}</Cell>
              <ConditionCells conditions={row.conditions} />
              <Cell numeric>{row.servedAs === null ? '–' : formatNumber(row.servedAs, locale)}</Cell>
              <Cell numeric figure="matched">
                <MatchedAmount cents={row.matchedCents} limitedBy={row.limitedBy} />
              </Cell>
            </tr>
          ))}
        </DataTable>
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
        <DataTable
          head={
            <>
              <ColumnHeader>{t('pool.dashboard.pool.investor')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.figures.pledged')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.figures.committed')}</ColumnHeader>
              <ColumnHeader numeric>{t('pool.figures.left')}</ColumnHeader>
            </>
          }
        >
          {pool.pledges.map((pledge) => (
            <tr key={pledge.investorOrganisationId} data-pledge={pledge.name}>
              <RowHeader>
                {pledge.name} <span className="font-normal text-muted">({pledge.country})</span>
                {pledge.matchesCommitments ? <span className="block text-xs font-normal text-muted">{t('pool.dashboard.pool.matchingFund')}</span> : null}
              </RowHeader>
              <Cell numeric>{money(pledge.pledgeCents)}</Cell>
              <Cell numeric>{money(pledge.committedCents)}</Cell>
              <Cell numeric>{money(pledge.leftCents)}</Cell>
            </tr>
          ))}
        </DataTable>
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
