import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { EligibilityPrecheck } from '~/components/rounds/eligibility-precheck'
import { buttonClass } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { formatDateTime } from '~/modules/i18n/format'
import type { OpenRound } from '~/modules/rounds/applications.server'
import { useViewerTimeZone } from '~/root'

/** A round taking applications (or about to): its deadline in the viewer's zone and the pre-check of each proposal. */
export function OpenRoundCard({ startupSlug, round }: { startupSlug: string; round: SerializeFrom<OpenRound> }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const zone = useViewerTimeZone()
  const time = (value: Date | string) => formatDateTime(new Date(value), locale, zone)
  const link = `/studio/${startupSlug}/rounds/${round.slug}`
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-base font-semibold text-ink" lang={round.nameLang}>
            <Link to={link} className="hover:underline">
              {round.name}
            </Link>
          </h3>
          <p className="text-sm text-muted">{t('applying.list.organisedBy', { organiser: round.organiser })}</p>
        </div>
        {round.applicationId ? <Badge tone="brand">{t('applying.statuses.submitted')}</Badge> : null}
      </div>
      <p className="mt-3 text-sm font-medium text-ink">
        {round.state === 'upcoming' ? `${t('applying.list.opens', { time: time(round.opensAt) })} · ` : null}
        {t('applying.list.closes', { time: time(round.closesAt) })}
      </p>
      <div className="mt-4 space-y-3">
        {round.checks.length === 0 ? (
          <div className="rounded-xl border border-dashed border-line p-4 text-sm">
            <p className="font-medium text-ink">{t('applying.list.noProposalsTitle')}</p>
            <p className="mt-1 text-muted">{t('applying.list.noProposalsText')}</p>
          </div>
        ) : (
          round.checks.map((check) => <EligibilityPrecheck key={check.proposalId} title={check.title} titleLang={check.titleLang} result={check.result} />)
        )}
      </div>
      <Link to={link} className={buttonClass(round.applicationId ? 'secondary' : 'primary', 'mt-4')}>
        {t(round.applicationId ? 'applying.list.viewApplication' : round.state === 'open' ? 'applying.list.apply' : 'applying.list.viewRound')}
      </Link>
    </Card>
  )
}
