import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listStudioProposals } from '~/modules/proposals/studio.server'
import type { ProposalStatus } from '~/modules/proposals/taxonomy'
import { ProposalRow } from './proposal-row'

export const meta = titleMeta

/** Whatever needs the startup first comes first. */
const groupOrder: ProposalStatus[] = ['changes_requested', 'draft', 'submitted', 'published', 'closed']

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, membership } = await requireMembership(request, context, params.slug)
  if (membership.kind !== 'startup') throw notFound()
  const locale = await detectLocale(request, actor.locale)
  const proposals = await listStudioProposals(context.db, membership.organisationId, locale)
  return {
    startup: { slug: membership.organisationSlug, name: membership.organisationName },
    proposals,
    locale,
    title: await pageTitle(request, context, 'proposals.studio.title'),
  }
}

export default function StudioStartupPage() {
  const { t } = useTranslation()
  const { startup, proposals } = useLoaderData<typeof loader>()
  const newLink = `/studio/${startup.slug}/proposals/new`
  return (
    <div>
      <PageHeader
        title={startup.name}
        description={t('proposals.studio.startupLead')}
        actions={
          <>
            <Link to={`/studio/${startup.slug}/rounds`} className={buttonClass('secondary')}>
              {t('applying.studioLink')}
            </Link>
            {proposals.length > 0 ? (
              <Link to={newLink} className={buttonClass()}>
                {t('proposals.studio.newProposal')}
              </Link>
            ) : null}
          </>
        }
      />
      {proposals.length === 0 ? (
        <EmptyState
          title={t('proposals.studio.emptyTitle')}
          description={t('proposals.studio.emptyText')}
          action={
            <Link to={newLink} className={buttonClass()}>
              {t('proposals.studio.writeFirst')}
            </Link>
          }
        />
      ) : (
        <div className="space-y-8">
          {groupOrder.map((status) => {
            const group = proposals.filter((p) => p.status === status)
            if (group.length === 0) return null
            return (
              <section key={status} aria-labelledby={`group-${status}`}>
                <h2 id={`group-${status}`} className="mb-3 text-lg font-semibold text-ink">
                  {t(`proposals.taxonomy.statuses.${status}`)} <span className="text-muted">({group.length})</span>
                </h2>
                <ul className="space-y-3">
                  {group.map((proposal) => (
                    <ProposalRow key={proposal.id} slug={startup.slug} proposal={proposal} />
                  ))}
                </ul>
              </section>
            )
          })}
        </div>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
