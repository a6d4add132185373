import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { Pagination } from '~/components/ui/pagination'
import { requireUser } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { investorDirectoryUrl, parseInvestorDirectoryQuery } from '~/modules/investors/directory-query'
import { canSeeInvestorDirectory, listInvestors } from '~/modules/investors/directory.server'
import { InvestorCard } from '~/components/investors/investor-card'
import { InvestorFilters } from './investor-filters'

export const meta = titleMeta

/**
 * The investor directory, for members of startups and organisers: signed-out visitors go to the
 * login page; anyone else gets a 403 page that says who may look.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context)
  const title = await pageTitle(request, context, 'investors.directory.title')
  if (!canSeeInvestorDirectory(actor)) return data({ allowed: false as const, title }, { status: 403 })
  const query = parseInvestorDirectoryQuery(new URL(request.url).searchParams)
  const result = await listInvestors(context.db, query, await detectLocale(request, actor.locale))
  return { allowed: true as const, query, ...result, title }
}

export default function InvestorDirectory() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const page = useLoaderData<typeof loader>()
  if (!page.allowed) {
    return (
      <div className="mx-auto max-w-xl py-16 text-center">
        <p className="text-sm font-semibold text-brand-700">403</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t('investors.directory.restricted.title')}</h1>
        <p className="mt-4 text-muted">{t('investors.directory.restricted.description')}</p>
        <Link to="/dashboard" className="mt-8 inline-block font-semibold text-brand-700 underline">
          {t('investors.directory.restricted.back')}
        </Link>
      </div>
    )
  }
  const { query, investors, total, pageCount } = page
  return (
    <>
      <PageHeader title={t('investors.directory.title')} description={t('investors.directory.lead')} />
      <InvestorFilters query={query} />
      <p role="status" className="mt-6 text-sm font-medium text-muted">
        {t('investors.directory.results', { count: total })}
        {pageCount > 1 ? ` · ${t('startups.directory.pageOf', { page: page.page, pageCount })}` : null}
      </p>
      {investors.length ? (
        <ul className="mt-4 grid gap-4 lg:grid-cols-2">
          {investors.map((investor) => (
            <li key={investor.slug}>
              <InvestorCard investor={investor} locale={locale} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4">
          <EmptyState
            title={t('investors.directory.empty.title')}
            description={t('investors.directory.empty.description')}
            action={
              <Link to="/investors" className={buttonClass('secondary')}>
                {t('investors.directory.empty.action')}
              </Link>
            }
          />
        </div>
      )}
      <Pagination
        page={page.page}
        pageCount={pageCount}
        hrefFor={(target) => investorDirectoryUrl({ ...query, page: target })}
        label={t('investors.directory.pagination')}
      />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
