import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { applicationsOfStartup, roundsOpenToStartup } from '~/modules/rounds/applications.server'
import { ApplicationsList } from './applications-list'
import { OpenRoundCard } from './open-round-card'

export const meta = titleMeta

/** A startup's funding rounds: those taking applications, each with the pre-check of its proposals, and its applications. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, membership } = await requireMembership(request, context, params.slug)
  if (membership.kind !== 'startup') throw notFound()
  const locale = await detectLocale(request, actor.locale)
  const [rounds, applications] = await Promise.all([
    roundsOpenToStartup(context.db, membership.organisationId, locale),
    applicationsOfStartup(context.db, membership.organisationId, locale),
  ])
  return {
    startup: { slug: membership.organisationSlug, name: membership.organisationName },
    rounds,
    applications,
    title: await pageTitle(request, context, 'applying.list.title'),
  }
}

export default function StartupRoundsPage() {
  const { t } = useTranslation()
  const { startup, rounds, applications } = useLoaderData<typeof loader>()
  return (
    <div className="mx-auto max-w-4xl space-y-10">
      <div>
        <Link to={`/studio/${startup.slug}`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          ← {t('applying.list.back')}
        </Link>
        <div className="mt-4">
          <PageHeader title={t('applying.list.title')} description={`${startup.name} — ${t('applying.list.lead')}`} />
        </div>
        <section aria-labelledby="open-rounds" className="space-y-4">
          <h2 id="open-rounds" className="text-lg font-semibold text-ink">
            {t('applying.list.openTitle')}
          </h2>
          {rounds.length === 0 ? (
            <EmptyState title={t('applying.list.emptyTitle')} description={t('applying.list.emptyText')} />
          ) : (
            <ul className="space-y-4">
              {rounds.map((round) => (
                <li key={round.slug}>
                  <OpenRoundCard startupSlug={startup.slug} round={round} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="my-applications" className="space-y-4">
        <h2 id="my-applications" className="text-lg font-semibold text-ink">
          {t('applying.list.applicationsTitle')}
        </h2>
        <ApplicationsList startupSlug={startup.slug} applications={applications} />
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
