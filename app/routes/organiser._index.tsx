import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
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
