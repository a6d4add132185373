import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PlatformStats } from '~/components/organisations/platform-stats'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Card, PageHeader } from '~/components/ui/card'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { getPlatformCounts } from '~/modules/organisations/platform.server'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  return { title: await pageTitle(request, context, 'organisations.organiser.title'), counts: await getPlatformCounts(context.db, actor) }
}

const taskClass = 'rounded-2xl border border-line bg-white p-6 shadow-sm hover:border-brand-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300'

/** One of the organiser's tasks: where it is done, and what it is. */
function TaskLink({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <Link to={to} className={taskClass}>
      <span className="block text-lg font-semibold text-ink">{title}</span>
      <span className="mt-1 block text-sm text-muted">{text}</span>
    </Link>
  )
}

export default function OrganiserOverview() {
  const { t } = useTranslation()
  const { counts } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-8">
      <PageHeader title={t('organisations.organiser.title')} description={t('organisations.organiser.lead')} />
      <section aria-label={t('organisations.stats.label')}>
        <PlatformStats counts={counts} />
      </section>
      <nav aria-label={t('catalogue.organiserLinks.label')} className="grid gap-4 sm:grid-cols-2">
        <TaskLink to="/organiser/proposals" title={t('catalogue.organiserLinks.moderation')} text={t('catalogue.organiserLinks.moderationText')} />
        <TaskLink to="/organiser/investors" title={t('catalogue.organiserLinks.investors')} text={t('catalogue.organiserLinks.investorsText')} />
        <TaskLink to="/organiser/conversations" title={t('interests.moderation.title')} text={t('interests.moderation.linkText')} />
        <TaskLink to="/organiser/rounds" title={t('rounds.links.organiser')} text={t('rounds.links.organiserText')} />
        <TaskLink to="/organiser/import" title={t('imports.links.import')} text={t('imports.links.lead')} />
        <a href="/organiser/proposals.csv" download className={taskClass}>
          <span className="block text-lg font-semibold text-ink">{t('imports.links.export')}</span>
          <span className="mt-1 block text-sm text-muted">{t('imports.links.exportText')}</span>
        </a>
      </nav>
      <Card>
        <h2 className="text-lg font-semibold">{t('organisations.organiser.nextTitle')}</h2>
        <p className="mt-2 text-sm text-muted">{t('organisations.organiser.next')}</p>
      </Card>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
