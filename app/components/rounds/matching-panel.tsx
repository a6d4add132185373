import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Card, EmptyState } from '~/components/ui/card'
import { formatMoney } from '~/modules/i18n/format'
import type { MatchingPanel as Panel } from '~/modules/rounds/commitments.server'
import { conditionKeys, ConditionMark, MatchingRuleSummary, useConditionHeaders } from './matching-rule'

/**
 * The public round page's panel once the shortlist is out: for each shortlisted startup, which
 * conditions of the matching rule hold and the amount the pool matches.
 */
export function MatchingPanel({ panel }: { panel: Panel }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const headers = useConditionHeaders(panel.rule)
  return (
    <section aria-labelledby="matching-title" className="space-y-4">
      <h2 id="matching-title" className="text-xl font-semibold text-ink">
        {t('pool.panel.title')}
      </h2>
      <p className="text-sm text-muted">{t('pool.panel.lead')}</p>
      {panel.startups.length === 0 ? (
        <EmptyState title={t('pool.panel.emptyTitle')} description={t('pool.panel.emptyText')} />
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('pool.panel.caption')}</caption>
            <thead className="border-b border-line bg-canvas text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t('pool.table.startup')}
                </th>
                {conditionKeys.map((key) => (
                  <th key={key} scope="col" className="px-4 py-3">
                    {headers[key]}
                  </th>
                ))}
                <th scope="col" className="px-4 py-3 text-right">
                  {t('pool.table.matched')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {panel.startups.map((startup) => (
                <tr key={startup.slug} data-startup={startup.slug}>
                  <th scope="row" className="px-4 py-3 font-medium text-ink">
                    <Link to={`/startups/${startup.slug}`} className="text-brand-700 hover:underline">
                      {startup.name}
                    </Link>{' '}
                    <span className="font-normal text-muted">({startup.country})</span>
                  </th>
                  {conditionKeys.map((key) => (
                    <td key={key} className="px-4 py-3">
                      <ConditionMark state={startup.conditions[key]} />
                    </td>
                  ))}
                  <td className="px-4 py-3 text-right font-semibold text-ink" data-figure="matched">
                    {formatMoney(startup.matchedCents, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <details className="rounded-2xl border border-line bg-white p-4">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('pool.rule.title')}</summary>
        <div className="mt-3">
          <MatchingRuleSummary rule={panel.rule} />
        </div>
      </details>
    </section>
  )
}
