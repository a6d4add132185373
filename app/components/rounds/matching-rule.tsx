import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Cell, ColumnHeader } from '~/components/ui/table'
import { formatMoney, formatNumber } from '~/modules/i18n/format'
import type { ConditionState, MatchConditions, MatchingRule, MatchLimit } from '~/modules/rounds/matching'

/** The round's matching rule in plain sentences, with the order the pool is served in. */
export function MatchingRuleSummary({ rule }: { rule: MatchingRule }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const money = (cents: number) => formatMoney(cents, locale)
  return (
    <div className="space-y-3 text-sm text-ink">
      <ul className="list-disc space-y-1 pl-5">
        <li>{t('pool.rule.ratio', { amount: money(rule.matchRatioPercent) })}</li>
        <li>{rule.matchCapPerStartupCents === null ? t('pool.rule.noCapStartup') : t('pool.rule.capStartup', { amount: money(rule.matchCapPerStartupCents) })}</li>
        <li>{rule.matchCapRoundCents === null ? t('pool.rule.noCapRound') : t('pool.rule.capRound', { amount: money(rule.matchCapRoundCents) })}</li>
      </ul>
      <p>{t('pool.rule.conditionsLead')}</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t('pool.rule.minCommitted', { amount: money(rule.matchMinCommittedCents) })}</li>
        <li>{t('pool.rule.minInvestors', { count: rule.matchMinInvestors, number: formatNumber(rule.matchMinInvestors, locale) })}</li>
        <li>{t(rule.matchRequiresCrossBorder ? 'pool.rule.crossBorder' : 'pool.rule.noCrossBorder')}</li>
      </ul>
      <p className="text-muted">{t('pool.rule.order')}</p>
      <p className="text-muted">{t('pool.rule.fundOwn')}</p>
    </div>
  )
}

const marks: Record<ConditionState, { symbol: string; className: string }> = {
  met: { symbol: '✓', className: 'text-success' },
  unmet: { symbol: '✗', className: 'text-danger' },
  not_required: { symbol: '–', className: 'text-muted' },
}

/** Whether one condition holds, as a mark and a word (never colour alone). */
export function ConditionMark({ state }: { state: ConditionState }) {
  const { t } = useTranslation()
  const mark = marks[state]
  return (
    <span className={`inline-flex items-center gap-1 font-medium ${mark.className}`} data-condition={state}>
      <span aria-hidden="true">{mark.symbol}</span>
      {t(`pool.condition.${state}`)}
    </span>
  )
}

/** The headers of the three conditions, with the round's thresholds. */
export function useConditionHeaders(rule: MatchingRule): Record<keyof MatchConditions, string> {
  const { t } = useTranslation()
  const locale = useUiLocale()
  return {
    minCommitted: t('pool.conditions.minCommitted', { amount: formatMoney(rule.matchMinCommittedCents, locale) }),
    minInvestors: t('pool.conditions.minInvestors', { count: rule.matchMinInvestors, number: formatNumber(rule.matchMinInvestors, locale) }),
    crossBorder: t('pool.conditions.crossBorder'),
  }
}

export const conditionKeys = ['minCommitted', 'minInvestors', 'crossBorder'] as const

/** The three condition columns of a table, with the round's thresholds. */
export function ConditionHeaders({ headers }: { headers: Record<keyof MatchConditions, string> }) {
  return (
    <>
      {conditionKeys.map((key) => (
        <ColumnHeader key={key}>{headers[key]}</ColumnHeader>
      ))}
    </>
  )
}

/** A startup's three conditions as table cells. */
export function ConditionCells({ conditions }: { conditions: MatchConditions }) {
  return (
    <>
      {conditionKeys.map((key) => (
        <Cell key={key}>
          <ConditionMark state={conditions[key]} />
        </Cell>
      ))}
    </>
  )
}

/** The matched amount, with what held it back when something did. */
export function MatchedAmount({ cents, limitedBy }: { cents: number; limitedBy?: MatchLimit | null }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  return (
    <>
      <span className="font-semibold text-ink">{formatMoney(cents, locale)}</span>
      {limitedBy ? <span className="block text-xs font-normal text-muted">{t(`pool.limit.${limitedBy}`)}</span> : null}
    </>
  )
}

/** A shortlisted startup's name, linking to its public page, and its country. */
export function StartupName({ startup }: { startup: { name: string; slug: string; country: string } }) {
  return (
    <>
      <Link to={`/startups/${startup.slug}`} className="text-brand-700 hover:underline">
        {startup.name}
      </Link>{' '}
      <span className="font-normal text-muted">({startup.country})</span>
    </>
  )
}
