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
        <Link to="/organiser/proposals" className="rounded-2xl border border-line bg-white p-6 shadow-sm hover:border-brand-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300">
          <span className="block text-lg font-semibold text-ink">{t('catalogue.organiserLinks.moderation')}</span>
          <span className="mt-1 block text-sm text-muted">{t('catalogue.organiserLinks.moderationText')}</span>
        </Link>
        <Link to="/organiser/investors" className="rounded-2xl border border-line bg-white p-6 shadow-sm hover:border-brand-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300">
          <span className="block text-lg font-semibold text-ink">{t('catalogue.organiserLinks.investors')}</span>
          <span className="mt-1 block text-sm text-muted">{t('catalogue.organiserLinks.investorsText')}</span>
        </Link>
        <Link to="/organiser/import" className="rounded-2xl border border-line bg-white p-6 shadow-sm hover:border-brand-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300">
          <span className="block text-lg font-semibold text-ink">{t('imports.links.import')}</span>
          <span className="mt-1 block text-sm text-muted">{t('imports.links.lead')}</span>
        </Link>
        <a href="/organiser/proposals.csv" download className="rounded-2xl border border-line bg-white p-6 shadow-sm hover:border-brand-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300">
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
