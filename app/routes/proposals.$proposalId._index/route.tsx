import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { BookmarkPanel } from '~/components/watchlist/bookmark-panel'
import { notFound, requireInvestor } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { getProposalForViewer } from '~/modules/proposals/disclosure.server'
import { proposalPageData } from '~/modules/proposals/proposal-page.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { runWatchlistAction } from '~/modules/watchlist/actions.server'
import { bookmarkButtonState } from '~/modules/watchlist/bookmarks.server'
import { interestPanelFor } from '~/modules/interests/interests.server'
import { InterestPanel } from '~/components/interests/interest-panel'
import { AccessPanel, WorkingCopyBanner } from './access-panels'
import { ProposalHeader, PublicFacts } from '~/components/proposals/public-sections'
import { VerifiedSections } from '~/components/proposals/verified-sections'

export const meta = titleMeta

/**
 * A proposal's page. Everyone sees the public tier of a visible proposal; verified investors,
 * organisers and the startup's members also the verified tier. A proposal not in the catalogue
 * is a 404 for everyone but its startup and organisers.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const locale = await detectLocale(request, actor?.locale)
  const view = await getProposalForViewer(context.db, actor, params.proposalId)
  if (!view) throw notFound()
  const proposal = proposalPageData(view, locale)
  const interest = await interestPanelFor(context.db, actor, view)
  const watchlist = await bookmarkButtonState(context.db, actor, view)
  return { proposal, interest, watchlist, locale, title: `${proposal.published?.text.title ?? proposal.startup.name} · Ponte` }
}

/**
 * The watchlist panel's forms (bookmark, tags, notes, remove), for members of investor
 * organisations; a refused form comes back here with its errors.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, membership } = await requireInvestor(request, context)
  const result = await runWatchlistAction(context.db, actor, membership, await request.formData())
  if (!result.ok) return data(result, { status: 400 })
  return redirectWithToast(result.redirectTo, result.toast)
}

export default function ProposalPage() {
  const { t } = useTranslation()
  const { proposal, interest, watchlist, locale } = useLoaderData<typeof loader>()
  const { published } = proposal
  return (
    <article>
      <Link to="/proposals" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('catalogue.page.back')}
      </Link>
      {proposal.workingCopy ? <WorkingCopyBanner proposal={proposal} /> : null}
      {published ? (
        <>
          <ProposalHeader proposal={published} locale={locale} />
          <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
            <div className="min-w-0 space-y-6">
              {published.tier === 'verified' ? <VerifiedSections proposal={published} locale={locale} /> : <PublicFacts proposal={published} locale={locale} />}
            </div>
            <div className="space-y-6">
              <InterestPanel proposalId={proposal.id} panel={interest} />
              {watchlist ? <BookmarkPanel proposalId={proposal.id} state={watchlist} /> : null}
              <AccessPanel proposal={proposal} />
              {published.tier === 'verified' ? <PublicFacts proposal={published} locale={locale} /> : null}
            </div>
          </div>
        </>
      ) : (
        <p className="mt-8 text-muted">{t('catalogue.page.neverPublished')}</p>
      )}
    </article>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
