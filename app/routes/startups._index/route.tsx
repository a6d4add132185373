import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { Pagination } from '~/components/ui/pagination'
import { isLocale, defaultLocale } from '~/modules/i18n/locales'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { directoryUrl, parseDirectoryQuery } from '~/modules/startups/directory-query'
import { listStartups } from '~/modules/startups/directory.server'
import { DirectoryFilters } from './directory-filters'
import { StartupCard } from './startup-card'

export const meta = titleMeta

/** The public startup directory: open to everyone; the URL's query drives every filter. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(new URL(request.url).searchParams)
  const result = await listStartups(context.db, query)
  return { query, ...result, title: await pageTitle(request, context, 'startups.directory.title') }
}

export default function StartupDirectory() {
  const { t, i18n } = useTranslation()
  const { query, startups, total, page, pageCount } = useLoaderData<typeof loader>()
  const locale = isLocale(i18n.language) ? i18n.language : defaultLocale
  return (
    <>
      <PageHeader title={t('startups.directory.title')} description={t('startups.directory.lead')} />
      <DirectoryFilters query={query} />
      <p role="status" className="mt-6 text-sm font-medium text-muted">
        {t('startups.directory.results', { count: total })}
        {pageCount > 1 ? ` · ${t('startups.directory.pageOf', { page, pageCount })}` : null}
      </p>
      {startups.length ? (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {startups.map((startup) => (
            <li key={startup.slug}>
              <StartupCard startup={startup} locale={locale} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4">
          <EmptyState
            title={t('startups.directory.empty.title')}
            description={t('startups.directory.empty.description')}
            action={
              <Link to="/startups" className={buttonClass('secondary')}>
                {t('startups.directory.empty.action')}
              </Link>
            }
          />
        </div>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(target) => directoryUrl({ ...query, page: target })}
        label={t('startups.directory.pagination.label')}
      />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
