import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { membershipsOfKind } from '~/modules/accounts/actor'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'

export const meta = titleMeta

/** The startups the person writes proposals for; with only one, straight to it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const startups = membershipsOfKind(actor, 'startup').map((m) => ({ slug: m.organisationSlug, name: m.organisationName }))
  if (startups.length === 1) throw redirect(`/studio/${startups[0]!.slug}`)
  return { startups, title: await pageTitle(request, context, 'proposals.studio.title') }
}

export default function StudioIndexPage() {
  const { t } = useTranslation()
  const { startups } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title={t('proposals.studio.title')} description={t('proposals.studio.lead')} />
      {startups.length === 0 ? (
        <EmptyState
          title={t('proposals.studio.noStartupTitle')}
          description={t('proposals.studio.noStartupText')}
          action={
            <Link to="/organisations/new" className={buttonClass()}>
              {t('proposals.studio.createStartup')}
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {startups.map((startup) => (
            <li key={startup.slug}>
              <Link
                to={`/studio/${startup.slug}`}
                className="block rounded-2xl border border-line bg-white p-6 font-semibold text-ink shadow-sm hover:border-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-200"
              >
                {startup.name}
              </Link>
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
