import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Badge, Card, EmptyState } from '~/components/ui/card'
import { formatDate, formatMoney, formatNumber } from '~/modules/i18n/format'
import type { CommitmentEntry } from '~/modules/interests/commitments.server'
import { NonBindingBanner } from './non-binding-banner'

type Entry = Omit<CommitmentEntry, 'createdAt' | 'withdrawnAt'> & { createdAt: string | Date; withdrawnAt: string | Date | null }

/** One commitment: amount, investor, validity, conditions, and its state (withdrawn by whom and when). */
export function CommitmentRow({ entry, canWithdraw }: { entry: Entry; canWithdraw: boolean }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-4">
      <div className="min-w-0 space-y-1">
        <p className="text-sm font-semibold text-ink">
          {formatMoney(entry.amountCents, locale)} · {entry.investor} <span className="font-normal text-muted">({entry.investorCountry})</span>
        </p>
        <p className="text-xs text-muted">
          {t('interests.ledger.validUntil', { date: formatDate(new Date(`${entry.validUntil}T00:00:00Z`), locale) })} ·{' '}
          {t('interests.ledger.recorded', { date: formatDate(new Date(entry.createdAt), locale) })}
        </p>
        {entry.conditions ? <p className="whitespace-pre-line text-sm text-ink">{entry.conditions}</p> : null}
        {entry.withdrawnAt && entry.withdrawnBy ? (
          <p className="text-xs text-muted">
            {t(`interests.ledger.withdrawnBy.${entry.withdrawnBy.side}`, { name: entry.withdrawnBy.name, date: formatDate(new Date(entry.withdrawnAt), locale) })}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <Badge tone={entry.active ? 'success' : 'neutral'}>
          {t(entry.active ? 'interests.ledger.active' : entry.withdrawnAt ? 'interests.ledger.withdrawn' : 'interests.ledger.expired')}
        </Badge>
        {canWithdraw && !entry.withdrawnAt ? (
          <Form method="post" action={`/conversations/${entry.conversationId}`}>
            <input type="hidden" name="intent" value="withdrawCommitment" />
            <input type="hidden" name="id" value={entry.id} />
            <button type="submit" className="text-sm font-medium text-danger hover:underline">
              {t('interests.ledger.withdraw')}
            </button>
          </Form>
        ) : null}
      </div>
    </li>
  )
}

export interface LedgerView {
  totalCents: number
  investors: number
  crossBorderCents: number
  crossBorderShare: number
  commitments: Entry[]
}

/** The startup's ledger of soft commitments on one proposal: figures, then the list. */
export function LedgerCard({ ledger }: { ledger: LedgerView }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const percent = Math.round(ledger.crossBorderShare * 100)
  return (
    <section aria-labelledby="ledger-title" className="space-y-4">
      <h2 id="ledger-title" className="text-xl font-semibold text-ink">
        {t('interests.ledger.title')}
      </h2>
      <NonBindingBanner />
      <dl className="grid gap-4 sm:grid-cols-3">
        <Card>
          <dt className="text-sm text-muted">{t('interests.ledger.total')}</dt>
          <dd className="mt-1 text-2xl font-semibold text-ink" data-figure="total">
            {formatMoney(ledger.totalCents, locale)}
          </dd>
        </Card>
        <Card>
          <dt className="text-sm text-muted">{t('interests.ledger.investors')}</dt>
          <dd className="mt-1 text-2xl font-semibold text-ink" data-figure="investors">
            {formatNumber(ledger.investors, locale)}
          </dd>
        </Card>
        <Card>
          <dt className="text-sm text-muted">{t('interests.ledger.crossBorder')}</dt>
          <dd className="mt-1 text-2xl font-semibold text-ink" data-figure="cross-border">
            {formatNumber(percent, locale)} %
          </dd>
          {/* An SVG bar: its width is an attribute, which the content security policy allows (inline styles it does not). */}
          <svg viewBox="0 0 100 4" preserveAspectRatio="none" className="mt-3 h-2 w-full overflow-hidden rounded-full" aria-hidden="true">
            <rect width="100" height="4" className="fill-canvas" />
            <rect width={percent} height="4" className="fill-brand-500" />
          </svg>
          <p className="mt-2 text-xs text-muted">{t('interests.ledger.crossBorderAmount', { amount: formatMoney(ledger.crossBorderCents, locale) })}</p>
        </Card>
      </dl>
      {ledger.commitments.length === 0 ? (
        <EmptyState title={t('interests.ledger.emptyTitle')} description={t('interests.ledger.emptyText')} />
      ) : (
        <Card className="py-2">
          <ul className="divide-y divide-line">
            {ledger.commitments.map((entry) => (
              <CommitmentRow key={entry.id} entry={entry} canWithdraw />
            ))}
          </ul>
        </Card>
      )}
    </section>
  )
}
