import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { buttonClass } from '~/components/ui/button'
import { Card, Notice } from '~/components/ui/card'
import { formatDate } from '~/modules/i18n/format'
import { useUiLocale } from '~/components/organisations/form-fields'
import { labelKey } from '~/modules/proposals/labels'
import type { ProposalPageData } from '~/modules/proposals/proposal-page.server'

/**
 * Under the proposal: the data room for those who may open it, else what verification would
 * unlock and how to get there (sign in, create an investor firm, wait for verification).
 */
export function AccessPanel({ proposal }: { proposal: ProposalPageData }) {
  const { t } = useTranslation()
  if (proposal.canOpenDataRoom) {
    return (
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('catalogue.access.dataRoomTitle')}</h2>
        <p className="mt-2 text-sm text-muted">
          {t(proposal.relation === 'verified_investor' ? 'catalogue.access.dataRoomInvestor' : 'catalogue.access.dataRoomInsider')}
        </p>
        <Link to={`/proposals/${proposal.id}/data-room`} className={buttonClass('primary', 'mt-4')}>
          {t('catalogue.access.dataRoomAction')}
        </Link>
      </Card>
    )
  }
  if (proposal.tier === 'verified') return null
  const next =
    proposal.relation === 'anonymous'
      ? { text: 'catalogue.access.anonymous', to: `/login?redirectTo=${encodeURIComponent(`/proposals/${proposal.id}`)}`, action: 'catalogue.access.login' }
      : proposal.relation === 'investor'
        ? { text: 'catalogue.access.unverifiedInvestor', to: null, action: null }
        : { text: 'catalogue.access.noInvestorFirm', to: '/organisations/new', action: 'catalogue.access.createInvestorFirm' }
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('catalogue.access.lockedTitle')}</h2>
      <p className="mt-2 text-sm text-muted">{t('catalogue.access.unlocks')}</p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-ink">
        <li>{t('catalogue.access.unlockDescription')}</li>
        <li>{t('catalogue.access.unlockTerms')}</li>
        <li>{t('catalogue.access.unlockScience')}</li>
        <li>{t('catalogue.access.unlockTeam')}</li>
        <li>{t('catalogue.access.unlockDataRoom')}</li>
      </ul>
      <p className="mt-4 text-sm text-muted">{t(next.text)}</p>
      {next.to && next.action ? (
        <Link to={next.to} className={buttonClass('secondary', 'mt-4')}>
          {t(next.action)}
        </Link>
      ) : null}
    </Card>
  )
}

/** For the startup's members and organisers: where the working copy stands, and the latest comment. */
export function WorkingCopyBanner({ proposal }: { proposal: ProposalPageData }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const copy = proposal.workingCopy
  if (!copy) return null
  const status = copy.status === 'closed' && copy.closedReason ? t(labelKey.closedReason(copy.closedReason)) : t(labelKey.status(copy.status))
  const last = copy.lastTransition
  const manage =
    proposal.relation === 'member'
      ? { to: `/studio/${proposal.startup.slug}/proposals/${proposal.id}`, label: 'catalogue.banner.openStudio' }
      : { to: `/organiser/proposals/${proposal.id}`, label: 'catalogue.banner.openReview' }
  return (
    <div className="mt-4">
      <Notice tone="info">
        <p>
          <strong>{t('catalogue.banner.status', { status })}</strong>{' '}
          {t(proposal.visible ? 'catalogue.banner.visible' : proposal.published ? 'catalogue.banner.hiddenPublished' : 'catalogue.banner.hidden')}
        </p>
        {last?.comment ? (
          <p className="mt-2">
            {t('catalogue.banner.lastComment', { date: formatDate(new Date(last.createdAt), locale) })} <q className="italic">{last.comment}</q>
          </p>
        ) : null}
        <Link to={manage.to} className="mt-2 inline-block font-semibold underline">
          {t(manage.label)}
        </Link>
      </Notice>
    </div>
  )
}
