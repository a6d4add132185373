import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Badge, Card } from '~/components/ui/card'
import { formatDate } from '~/modules/i18n/format'
import { useLoaderData } from '@remix-run/react'
import type { VerificationState } from '~/modules/investors/verification.server'
import type { loader } from './route'

const tones: Record<VerificationState, 'neutral' | 'brand' | 'success' | 'warning'> = {
  unverified: 'neutral',
  pending: 'brand',
  verified: 'success',
  lapsed: 'warning',
  declined: 'warning',
  revoked: 'warning',
}

/** Where the organisation's verification stands, with the dates and the reason of a refusal. */
export function StatusCard() {
  const { status } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const locale = useUiLocale()
  const date = (value: Date | string | null) => (value ? formatDate(new Date(value), locale) : '—')
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold text-ink">{t('investors.verification.statusHeading')}</h2>
        <Badge tone={tones[status.state]}>{t(`investors.verification.states.${status.state}`)}</Badge>
      </div>
      <p className="mt-2 text-sm text-muted">{t(`investors.verification.explain.${status.state}`)}</p>
      <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
        {status.pending ? (
          <div>
            <dt className="text-muted">{t('investors.verification.pendingSince')}</dt>
            <dd className="font-medium text-ink">{date(status.pending.createdAt)}</dd>
          </div>
        ) : null}
        {status.state === 'verified' || status.state === 'lapsed' || (status.state === 'pending' && status.verifiedAt) ? (
          <>
            <div>
              <dt className="text-muted">{t('investors.verification.verifiedOn')}</dt>
              <dd className="font-medium text-ink">{date(status.verifiedAt)}</dd>
            </div>
            <div>
              <dt className="text-muted">{t(status.state === 'lapsed' ? 'investors.verification.expiredOn' : 'investors.verification.expiresOn')}</dt>
              <dd className="font-medium text-ink">{date(status.expiresAt)}</dd>
            </div>
          </>
        ) : null}
        {status.category ? (
          <div>
            <dt className="text-muted">{t('investors.verification.category')}</dt>
            <dd className="font-medium text-ink">{t(`investors.categories.${status.category}.name`)}</dd>
          </div>
        ) : null}
      </dl>
      {status.state === 'verified' && !status.canRequest && status.renewalOpensAt ? (
        <p className="mt-4 text-sm text-muted">
          {t('investors.verification.renewFrom', {
            date: date(status.renewalOpensAt),
          })}
        </p>
      ) : null}
      {status.reason ? (
        <div className="mt-4 rounded-lg border border-line bg-canvas px-4 py-3 text-sm">
          <p className="font-medium text-ink">{t('investors.verification.reasonHeading')}</p>
          <p className="mt-1 whitespace-pre-line text-ink">{status.reason}</p>
        </div>
      ) : null}
    </Card>
  )
}
