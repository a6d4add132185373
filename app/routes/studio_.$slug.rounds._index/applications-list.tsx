import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { ApplicationStatusBadge } from '~/components/rounds/application-status'
import { formatDateTime } from '~/modules/i18n/format'
import type { StartupApplication } from '~/modules/rounds/applications.server'
import { useViewerTimeZone } from '~/root'

/** The startup's applications, newest first: round, proposal, status and when. */
export function ApplicationsList({ startupSlug, applications }: { startupSlug: string; applications: SerializeFrom<StartupApplication>[] }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const zone = useViewerTimeZone()
  if (applications.length === 0) return <p className="text-sm text-muted">{t('applying.list.applicationsEmpty')}</p>
  return (
    <ul className="divide-y divide-line rounded-2xl border border-line bg-white shadow-sm">
      {applications.map((application) => (
        <li key={application.id} className="flex flex-wrap items-start justify-between gap-3 p-5">
          <div>
            <Link to={`/studio/${startupSlug}/rounds/${application.round.slug}`} lang={application.round.nameLang} className="font-semibold text-ink hover:underline">
              {application.round.name}
            </Link>
            <p className="text-sm text-muted">
              {t('applying.list.withProposal', { title: application.proposalTitle })} ·{' '}
              {application.withdrawnAt
                ? t('applying.list.withdrawnOn', { time: formatDateTime(new Date(application.withdrawnAt), locale, zone) })
                : t('applying.list.submittedOn', { time: formatDateTime(new Date(application.submittedAt), locale, zone) })}
            </p>
          </div>
          <ApplicationStatusBadge status={application.status} />
        </li>
      ))}
    </ul>
  )
}
