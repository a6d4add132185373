import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Badge } from '~/components/ui/card'
import { describeVerdict } from '~/modules/rounds/eligibility'
import type { EligibilityResult } from '~/modules/rounds/taxonomy'

/** A proposal's eligibility pre-check: eligible or not, and every rule with why it passes or fails. */
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
        {result.verdicts.map((verdict) => (
          <li key={verdict.rule} className="flex gap-2">
            <span aria-hidden="true" className={verdict.passed ? 'text-success' : 'text-danger'}>
              {verdict.passed ? '✓' : '✗'}
            </span>
            <span className={verdict.passed ? 'text-ink' : 'font-medium text-danger'}>
              <span className="sr-only">{t(verdict.passed ? 'applying.check.passed' : 'applying.check.failed')}: </span>
              {describeVerdict(verdict, t, locale)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
