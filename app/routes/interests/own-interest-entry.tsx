import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InterestStatusBadge } from '~/components/interests/interest-status'
import { Button, buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import type { InterestStatus, OwnInterest } from '~/modules/interests/own-interests.server'
import { useViewerTimeZone } from '~/root'

type Item = Omit<OwnInterest, 'createdAt' | 'decidedAt'> & { createdAt: string | Date; decidedAt: string | Date | null }

const filterClass = (active: boolean) =>
  `inline-flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300 ${
    active ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-white text-ink hover:bg-canvas'
  }`

/** Links to every status with how many interests have it; the current one is marked. */
export function StatusFilter({ counts, current }: { counts: Record<InterestStatus, number>; current: InterestStatus | null }) {
  const { t } = useTranslation()
  const statuses = Object.keys(counts) as InterestStatus[]
  const all = statuses.reduce((sum, status) => sum + counts[status], 0)
  const links = [{ status: null, label: t('interests.own.allStatuses'), count: all }, ...statuses.map((status) => ({ status, label: t(`interests.statuses.${status}`), count: counts[status] }))]
  return (
    <nav aria-label={t('interests.own.filterLabel')} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.status ?? 'all'}>
            <Link
              to={link.status ? `/interests?status=${link.status}` : '/interests'}
              aria-current={link.status === current ? 'page' : undefined}
              className={filterClass(link.status === current)}
            >
              {link.label}
              <span className="text-xs opacity-80">{link.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** One interest: the proposal, the startup, when, the ticket, where it stands and what can be done. */
export function OwnInterestEntry({ item, locale, here, showInvestor, error }: { item: Item; locale: Locale; here: string; showInvestor: boolean; error: string | null }) {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  const navigation = useNavigation()
  const withdrawing = navigation.state === 'submitting' && navigation.formData?.get('id') === item.id
  const title = item.title ?? t('watchlist.item.untitled', { startup: item.startup })
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-medium text-muted">{item.startup}</p>
          <h2 lang={item.lang ?? undefined} className="mt-1 text-lg font-semibold leading-snug text-ink">
            {item.proposalVisible ? (
              <Link to={`/proposals/${item.proposalId}`} className="hover:text-brand-700 hover:underline">
                {title}
              </Link>
            ) : (
              title
            )}
          </h2>
        </div>
        <InterestStatusBadge status={item.status} />
      </div>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
        <span>{t('interests.own.expressedOn', { date: formatDate(new Date(item.createdAt), locale, timeZone) })}</span>
        <span className="font-medium text-ink">
          {t('interests.inbox.ticket', { min: formatMoney(item.ticketMinCents, locale), max: formatMoney(item.ticketMaxCents, locale) })}
        </span>
        {showInvestor ? <span>{t('interests.own.by', { organisation: item.investor })}</span> : null}
        {!item.proposalVisible ? <span>{t('interests.own.notInCatalogue')}</span> : null}
      </p>
      {item.status === 'declined' ? (
        <p className="mt-3 text-sm text-muted">{item.declineReason ? t('interests.inbox.declinedWith', { reason: item.declineReason }) : t('interests.own.declinedNoReason')}</p>
      ) : null}
      {item.status === 'accepted' && item.conversationId ? (
        <Link to={`/conversations/${item.conversationId}`} className={buttonClass('secondary', 'mt-4')}>
          {t('interests.inbox.openConversation')}
        </Link>
      ) : null}
      {item.status === 'pending' ? (
        <Form method="post" className="mt-4 space-y-3">
          {error ? <FormErrors errors={[t(error)]} /> : null}
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="redirectTo" value={here} />
          <Button type="submit" variant="secondary" pending={withdrawing}>
            {t('interests.panel.withdraw')}
          </Button>
        </Form>
      ) : null}
    </Card>
  )
}
