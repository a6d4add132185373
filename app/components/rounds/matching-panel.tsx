import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '~/components/ui/card'
import { Cell, ColumnHeader, DataTable, RowHeader } from '~/components/ui/table'
import type { MatchingPanel as Panel } from '~/modules/rounds/commitments.server'
import { ConditionCells, ConditionHeaders, MatchedAmount, MatchingRuleSummary, StartupName, useConditionHeaders } from './matching-rule'

/**
 * The public round page's panel once the shortlist is out: for each shortlisted startup, which
 * conditions of the matching rule hold and the amount the pool matches.
 */
export function MatchingPanel({ panel }: { panel: Panel }) {
  const { t } = useTranslation()
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
        <Card>
          <DataTable
            caption={t('pool.panel.caption')}
            head={
              <>
                <ColumnHeader>{t('pool.table.startup')}</ColumnHeader>
                <ConditionHeaders headers={headers} />
                <ColumnHeader numeric>{t('pool.table.matched')}</ColumnHeader>
              </>
            }
          >
            {panel.startups.map((startup) => (
              <tr key={startup.slug} data-startup={startup.slug}>
                <RowHeader>
                  <StartupName startup={startup} />
                </RowHeader>
                <ConditionCells conditions={startup.conditions} />
                <Cell numeric figure="matched">
                  <MatchedAmount cents={startup.matchedCents} />
                </Cell>
              </tr>
            ))}
          </DataTable>
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
