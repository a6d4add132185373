import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Badge } from '~/components/ui/card'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { StudioProposalSummary } from '~/modules/proposals/studio.server'

/** One proposal in the studio list: title, money, closing date and what happens next. */
export function ProposalRow({ slug, proposal }: { slug: string; proposal: SerializeFrom<StudioProposalSummary> }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const nextStep = () => {
    switch (proposal.status) {
      case 'draft':
        return t('proposals.studio.next.draft')
      case 'submitted':
        return proposal.visible ? t('proposals.studio.next.submittedVisible') : t('proposals.studio.next.submitted')
      case 'changes_requested':
        return t('proposals.studio.next.changesRequested', { comment: proposal.changesComment ?? '' })
      case 'published':
        return t('proposals.studio.next.published')
      case 'closed':
        return t('proposals.studio.next.closed', { reason: t(`proposals.taxonomy.closedReasons.${proposal.closedReason ?? 'withdrawn'}`) })
    }
  }
  return (
    <li className="rounded-2xl border border-line bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h3 className="text-base font-semibold text-ink">
          <Link to={`/studio/${slug}/proposals/${proposal.id}`} lang={proposal.titleLang} className="hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-200">
            {proposal.title || t('proposals.studio.untitled')}
          </Link>
        </h3>
        <Badge tone={proposal.status === 'published' ? 'success' : proposal.status === 'changes_requested' ? 'warning' : 'neutral'}>
          {t(`proposals.taxonomy.statuses.${proposal.status}`)}
        </Badge>
      </div>
      <p className="mt-1 text-sm text-muted">
        {t('proposals.studio.rowFacts', {
          amount: formatMoney(proposal.amountSoughtCents, locale),
          date: formatDate(new Date(`${proposal.closingDate}T00:00:00Z`), locale),
        })}
      </p>
      <p className="mt-2 text-sm text-ink">{nextStep()}</p>
    </li>
  )
}
