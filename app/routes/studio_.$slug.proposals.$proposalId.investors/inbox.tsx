import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InterestStatusBadge } from '~/components/interests/interest-status'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Button, buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { FormErrors, TextareaField } from '~/components/ui/field'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { InboxEntry } from '~/modules/interests/interests.server'
import { REASON_MAX } from '~/modules/interests/schemas'

type Entry = Omit<InboxEntry, 'createdAt' | 'decidedAt'> & { createdAt: string | Date; decidedAt: string | Date | null }

/** The interests received for a proposal: who (an organisation, never a person), what they wrote, the ticket. */
export function Inbox({ entries, error }: { entries: Entry[]; error: { interestId: string; message: string } | null }) {
  const { t } = useTranslation()
  if (entries.length === 0) return <EmptyState title={t('interests.inbox.emptyTitle')} description={t('interests.inbox.emptyText')} />
  return (
    <ul className="space-y-4">
      {entries.map((entry) => (
        <li key={entry.id}>
          <InterestCard entry={entry} error={error?.interestId === entry.id ? error.message : null} />
        </li>
      ))}
    </ul>
  )
}

function InterestCard({ entry, error }: { entry: Entry; error: string | null }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('interestId') === entry.id
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-base font-semibold text-ink">{entry.investor.name}</h3>
          <p className="text-sm text-muted">
            {entry.investor.type ? t(`interests.investorTypes.${entry.investor.type}`) : null} · {entry.investor.country} ·{' '}
            {formatDate(new Date(entry.createdAt), locale)}
          </p>
        </div>
        <InterestStatusBadge status={entry.status} />
      </div>
      <p className="mt-3 text-sm font-medium text-ink">
        {t('interests.inbox.ticket', { min: formatMoney(entry.ticketMinCents, locale), max: formatMoney(entry.ticketMaxCents, locale) })}
      </p>
      <blockquote className="mt-3 whitespace-pre-line border-l-4 border-brand-100 pl-4 text-sm text-ink">{entry.message}</blockquote>
      {entry.status === 'declined' && entry.declineReason ? (
        <p className="mt-3 text-sm text-muted">{t('interests.inbox.declinedWith', { reason: entry.declineReason })}</p>
      ) : null}
      {entry.status === 'accepted' && entry.conversationId ? (
        <Link to={`/conversations/${entry.conversationId}`} className={buttonClass('secondary', 'mt-4')}>
          {t('interests.inbox.openConversation')}
        </Link>
      ) : null}
      {entry.status === 'pending' ? (
        <div className="mt-4 space-y-3">
          {error ? <FormErrors errors={[t(error)]} /> : null}
          <p className="text-xs text-muted">{t('interests.inbox.acceptExplains')}</p>
          <div className="flex flex-wrap items-start gap-3">
            <Form method="post">
              <input type="hidden" name="interestId" value={entry.id} />
              <Button type="submit" name="intent" value="accept" pending={busy && navigation.formData?.get('intent') === 'accept'}>
                {t('interests.inbox.accept')}
              </Button>
            </Form>
            <details className="min-w-64 flex-1">
              <summary className={buttonClass('secondary', 'cursor-pointer list-none')}>{t('interests.inbox.decline')}</summary>
              <Form method="post" className="mt-3 space-y-3">
                <input type="hidden" name="interestId" value={entry.id} />
                <TextareaField label={t('interests.fields.reason')} hint={t('interests.fields.reasonHint')} name="reason" rows={3} maxLength={REASON_MAX} />
                <Button type="submit" name="intent" value="decline" variant="danger" pending={busy && navigation.formData?.get('intent') === 'decline'}>
                  {t('interests.inbox.confirmDecline')}
                </Button>
              </Form>
            </details>
          </div>
        </div>
      ) : null}
    </Card>
  )
}
