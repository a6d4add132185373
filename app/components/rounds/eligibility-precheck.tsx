import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Badge } from '~/components/ui/card'
import { acceptsAny, describeVerdict } from '~/modules/rounds/eligibility'
import type { EligibilityResult } from '~/modules/rounds/taxonomy'

/**
 * A proposal's eligibility pre-check: eligible or not, and every rule with why it passes or
 * fails; the rules the round sets no condition on are shown quietly.
 */
export function EligibilityPrecheck({ title, titleLang, result }: { title: string; titleLang: string; result: EligibilityResult }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  return (
    <div className="rounded-xl border border-line bg-canvas/50 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 className="text-sm font-semibold text-ink" lang={titleLang}>
          {title}
        </h4>
        <Badge tone={result.eligible ? 'success' : 'warning'}>{t(result.eligible ? 'applying.check.eligible' : 'applying.check.ineligible')}</Badge>
      </div>
      <ul className="mt-3 space-y-1.5 text-sm">
        {result.verdicts.map((verdict) => {
          const quiet = acceptsAny(verdict)
          return (
            <li key={verdict.rule} className={`flex gap-2 ${quiet ? 'text-xs text-muted' : ''}`}>
              <span aria-hidden="true" className={`w-3 shrink-0 text-center ${quiet ? '' : verdict.passed ? 'text-success' : 'text-danger'}`}>
                {quiet ? '·' : verdict.passed ? '✓' : '✗'}
              </span>
              <span className={quiet ? '' : verdict.passed ? 'text-ink' : 'font-medium text-danger'}>
                {quiet ? null : <span className="sr-only">{t(verdict.passed ? 'applying.check.passed' : 'applying.check.failed')}: </span>}
                {describeVerdict(verdict, t, locale)}
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
