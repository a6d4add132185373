import { useTranslation } from 'react-i18next'
import { Badge, Card } from '~/components/ui/card'
import type { ImportResult } from '~/modules/imports/import.server'

/** The outcome of an upload: every problem as a table (row, line, column, message), or the summary. */
export function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation()
  if (!result.ok) {
    const hasLines = result.issues.some((issue) => issue.line !== null)
    return (
      <section aria-labelledby="import-report-title" className="rounded-2xl border border-danger/30 bg-white p-6 shadow-sm">
        <h2 id="import-report-title" className="text-lg font-semibold text-danger">
          {t('imports.report.failedTitle')}
        </h2>
        <p className="mt-1 text-sm text-muted">{t('imports.report.failedLead', { count: result.issues.length })}</p>
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-line text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t('imports.report.row')}</th>
                {hasLines ? <th scope="col" className="py-2 pr-4 font-medium">{t('imports.report.line')}</th> : null}
                <th scope="col" className="py-2 pr-4 font-medium">{t('imports.report.field')}</th>
                <th scope="col" className="py-2 font-medium">{t('imports.report.message')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.issues.map((issue, index) => (
                <tr key={index} className="align-top">
                  <td className="py-2 pr-4 tabular-nums">{issue.row ?? t('imports.report.wholeFile')}</td>
                  {hasLines ? <td className="py-2 pr-4 tabular-nums">{issue.line ?? ''}</td> : null}
                  <td className="py-2 pr-4 font-mono text-xs">{issue.field ?? ''}</td>
                  <td className="py-2">{t(issue.message, issue.values ?? {})}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    )
  }
  const { summary } = result
  const statusKey = { published: 'imports.report.statusPublished', submitted: 'imports.report.statusSubmitted', draft: 'imports.report.statusDraft' }[summary.status]
  return (
    <Card>
      <section aria-labelledby="import-report-title" role="status">
        <h2 id="import-report-title" className="text-lg font-semibold text-success">
          {t(summary.dryRun ? 'imports.report.dryRunTitle' : 'imports.report.successTitle')}
        </h2>
        {summary.dryRun ? <p className="mt-1 text-sm text-muted">{t('imports.report.dryRunLead')}</p> : null}
        <p className="mt-3 text-sm">{t('imports.report.summary', { proposals: summary.proposalsImported, startups: summary.startupsCreated })}</p>
        <p className="text-sm text-muted">{t(statusKey)}</p>
        <ul className="mt-4 divide-y divide-line text-sm">
          {summary.startups.map((startup) => (
            <li key={startup.key} className="flex flex-wrap items-center gap-3 py-2">
              <span className="font-medium">{startup.name}</span>
              <span className="font-mono text-xs text-muted">{startup.key}</span>
              <Badge tone={startup.created ? 'brand' : 'neutral'}>{t(startup.created ? 'imports.report.startupNew' : 'imports.report.startupExisting')}</Badge>
              <span className="text-muted">{t('imports.report.startupProposals', { count: startup.proposals })}</span>
            </li>
          ))}
        </ul>
      </section>
    </Card>
  )
}
