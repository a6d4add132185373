import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, Notice, PageHeader } from '~/components/ui/card'
import { Pagination } from '~/components/ui/pagination'
import { saveSearchFromPage, saveSearchState } from '~/modules/alerts/save-search.server'
import { getActor } from '~/modules/accounts/session.server'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { isNarrowed, readCatalogueSearch, searchPageUrl, withPage } from '~/modules/proposals/search-params'
import { searchCatalogue } from '~/modules/proposals/search.server'
import { cardBookmarks } from '~/modules/watchlist/bookmarks.server'
import { ActiveFilters, NoResultsSuggestions } from './active-filters'
import { ProposalCard } from './proposal-card'
import { SaveSearchPanel } from './save-search'
import { SearchForm, useShownSearch } from './search-form'

export const meta = titleMeta

/**
 * The catalogue: proposals seeking financing, searched and filtered. Open to everyone; the
 * search's scope and the cards follow the viewer's tier. The whole search is in the URL.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const locale = await detectLocale(request, actor?.locale)
  const answer = await searchCatalogue(context, actor, readCatalogueSearch(new URL(request.url).searchParams), locale)
  const t = getFixedT(locale)
  const title = answer.search.q ? t('catalogue.search.pageTitle', { q: answer.search.q }) : t('catalogue.list.title')
  // Independent of each other: asked together (this loader runs at every keystroke of a search).
  const [saveSearch, bookmarked] = await Promise.all([
    saveSearchState(context.db, actor, answer.search, t, locale),
    cardBookmarks(context.db, actor, answer.hits.map((hit) => hit.id)),
  ])
  return { ...answer, locale, signedIn: actor !== null, saveSearch, bookmarked, title: `${title} · Ponte` }
}

/** Saving the search in view (the only form of the page that posts). */
export async function action({ request, context }: ActionFunctionArgs) {
  const result = await saveSearchFromPage(request, context)
  return result.status === 'saved' ? result.response : data({ result: result.reply }, { status: 400 })
}

export default function ProposalCatalogue() {
  const { t } = useTranslation()
  const { hits, total, page, pageCount, facets, scope, degraded, search, locale, signedIn, saveSearch, bookmarked } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { pending } = useShownSearch(search)
  const narrowed = isNarrowed(search)
  return (
    <>
      <PageHeader title={t('catalogue.list.title')} description={t('catalogue.list.lead')} />
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <aside>
          <SearchForm search={search} facets={facets} scope={scope} />
        </aside>
        <section aria-labelledby="results-heading" aria-busy={pending} className={`min-w-0 space-y-4 transition-opacity ${pending ? 'opacity-60' : ''}`}>
          <h2 id="results-heading" className="sr-only">
            {t('catalogue.search.resultsHeading')}
          </h2>
          {degraded ? <Notice tone="info">{t('catalogue.search.degraded')}</Notice> : null}
          <p role="status" className="text-sm font-medium text-muted">
            {t(narrowed ? 'catalogue.search.results' : 'catalogue.list.results', { count: total })}
            {pageCount > 1 ? ` · ${t('catalogue.list.pageOf', { page, pageCount })}` : null}
          </p>
          <ActiveFilters search={search} locale={locale} />
          <SaveSearchPanel state={saveSearch} lastResult={actionData?.result} />
          {hits.length ? (
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {hits.map((proposal) => (
                <li key={proposal.id}>
                  <ProposalCard
                    proposal={proposal}
                    locale={locale}
                    query={search.q}
                    bookmark={bookmarked ? { bookmarkId: bookmarked[proposal.id] ?? null, back: searchPageUrl(search) } : null}
                  />
                </li>
              ))}
            </ul>
          ) : narrowed ? (
            <NoResultsSuggestions search={search} facets={facets} locale={locale} />
          ) : (
            <EmptyState
              title={t('catalogue.list.empty.title')}
              description={t('catalogue.list.empty.description')}
              action={
                <Link to={signedIn ? '/dashboard' : '/signup'} className={buttonClass('secondary')}>
                  {t(signedIn ? 'catalogue.list.empty.dashboard' : 'catalogue.list.empty.signup')}
                </Link>
              }
            />
          )}
          <Pagination
            page={page}
            pageCount={pageCount}
            hrefFor={(target) => searchPageUrl(withPage(search, target))}
            label={t('catalogue.list.pagination.label')}
          />
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
