import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ConflictReasons, JurorStateBadge } from '~/components/rounds/jury-bits'
import { RoundStatusBadge, useRoundTime } from '~/components/rounds/round-bits'
import { Card, EmptyState, PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { juryRound } from '~/modules/rounds/reviews.server'
import { titleMeta } from '~/modules/i18n/title-meta'

export const meta = titleMeta

/** A round's applications for one of its jurors, with where the juror stands on each. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const data = await juryRound(context.db, actor, params.roundSlug ?? '', locale)
  return { ...data, title: `${data.round.name} · Ponte` }
}

export default function JuryRoundPage() {
  const { t } = useTranslation()
  const { inViewerZone } = useRoundTime()
  const { round, applications } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/jury" className="text-brand-700 hover:underline">
          ← {t('jury.round.back')}
        </Link>
      </p>
      <PageHeader
        title={round.name}
        description={`${t(`jury.round.lead.${round.status}`)} ${t('jury.list.deadline', { date: inViewerZone(round.closesAt) })}`}
        actions={<RoundStatusBadge status={round.status} />}
      />
      {applications.length === 0 ? (
        <EmptyState title={t('jury.round.emptyTitle')} description={t('jury.round.emptyText')} />
      ) : (
        <ul className="space-y-3">
          {applications.map((application) => (
            <li key={application.id}>
              <Card className="flex flex-wrap items-start justify-between gap-4">
                <div className="min-w-0 flex-1 space-y-1">
                  <h2 className="font-semibold text-ink">{application.startup}</h2>
                  <p className="text-sm text-muted">{application.proposal}</p>
                  {application.state === 'excluded' ? (
                    <div className="pt-2">
                      <ConflictReasons
                        automatic={application.conflict.automatic}
                        declared={application.conflict.declaration?.conflicted ? (application.conflict.declaration.reason ?? '') : null}
                        perspective="juror"
                      />
                    </div>
                  ) : null}
                </div>
                <div className="flex items-center gap-3">
                  <JurorStateBadge state={application.state} />
                  <Link
                    to={`/jury/${round.slug}/${application.id}`}
                    className="text-sm font-semibold text-brand-700 hover:underline"
                    aria-label={t('jury.round.openApplication', { startup: application.startup })}
                  >
                    {t('jury.list.open')}
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
