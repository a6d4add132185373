import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { Pagination } from '~/components/ui/pagination'
import { getActor } from '~/modules/accounts/session.server'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listCatalogue } from '~/modules/proposals/catalogue.server'
import { cataloguePage, catalogueUrl } from '~/modules/proposals/catalogue-query'
import { ProposalCard } from './proposal-card'

export const meta = titleMeta

/** The catalogue of proposals seeking financing: open to everyone, public tier only, newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const locale = await detectLocale(request, actor?.locale)
  const page = cataloguePage(new URL(request.url).searchParams)
  const result = await listCatalogue(context.db, { page, locale })
  return { ...result, locale, signedIn: actor !== null, title: `${getFixedT(locale)('catalogue.list.title')} · Ponte` }
}

export default function ProposalCatalogue() {
  const { t } = useTranslation()
  const { cards, total, page, pageCount, locale, signedIn } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={t('catalogue.list.title')} description={t('catalogue.list.lead')} />
      <p role="status" className="text-sm font-medium text-muted">
        {t('catalogue.list.results', { count: total })}
        {pageCount > 1 ? ` · ${t('catalogue.list.pageOf', { page, pageCount })}` : null}
      </p>
      {cards.length ? (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {cards.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard proposal={proposal} locale={locale} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4">
          <EmptyState
            title={t('catalogue.list.empty.title')}
            description={t('catalogue.list.empty.description')}
            action={
              <Link to={signedIn ? '/dashboard' : '/signup'} className={buttonClass('secondary')}>
                {t(signedIn ? 'catalogue.list.empty.dashboard' : 'catalogue.list.empty.signup')}
              </Link>
            }
          />
        </div>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={catalogueUrl}
        labels={{
          nav: t('catalogue.list.pagination.label'),
          previous: t('catalogue.list.pagination.previous'),
          next: t('catalogue.list.pagination.next'),
          page: (target) => t('catalogue.list.pagination.page', { page: target }),
        }}
      />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
