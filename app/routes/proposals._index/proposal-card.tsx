import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ClassificationBadges, OtherLanguageNote, startupPlace } from '~/components/proposals/proposal-bits'
import { Highlighted } from '~/components/search/highlighted'
import { formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { labelKey, trlLabelKey } from '~/modules/proposals/labels'
import type { SearchCard } from '~/modules/proposals/search.server'

/**
 * A proposal in the search results (public tier; therapeutic areas for verified viewers); the
 * whole card is the link to its page. Words the search matched are marked.
 */
export function ProposalCard(props: {
  proposal: SearchCard
  locale: Locale
  query: string
  /** For members of investor organisations: the card's watchlist toggle (bookmark id when on it; the page to come back to). */
  bookmark: { bookmarkId: string | null; back: string } | null
}) {
  const { proposal, locale, query, bookmark } = props
  const { t } = useTranslation()
  const { text } = proposal
  const place = startupPlace(proposal.startup, locale)
  return (
    <article className="relative flex h-full flex-col rounded-2xl border border-line bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-300">
      {bookmark ? <WatchlistToggle proposalId={proposal.id} title={text.title} {...bookmark} /> : null}
      <p className={`text-sm font-medium text-muted ${bookmark ? 'pr-10' : ''}`}>
        <span className="text-ink">
          <Highlighted text={proposal.startup.name} query={query} />
        </span>
        {place ? ` · ${place}` : null}
      </p>
      <h2 lang={text.lang} className="mt-2 text-lg font-semibold leading-snug text-ink">
        <Link to={`/proposals/${proposal.id}`} className="after:absolute after:inset-0 focus:outline-none">
          <Highlighted text={text.title} query={query} />
        </Link>
      </h2>
      <p lang={text.lang} className="mt-2 line-clamp-4 text-sm leading-relaxed text-muted">
        <Highlighted text={text.summary} query={query} />
      </p>
      <OtherLanguageNote lang={text.lang} locale={locale} />
      <ClassificationBadges proposal={proposal} />
      {proposal.therapeuticAreas?.length ? (
        <p className="mt-2 text-xs text-muted">
          <span className="font-medium text-ink">{t('catalogue.fields.therapeuticAreas')}:</span>{' '}
          <Highlighted text={proposal.therapeuticAreas.map((area) => t(labelKey.therapeuticArea(area))).join(', ')} query={query} />
        </p>
      ) : null}
      <dl className="mt-auto grid grid-cols-2 gap-x-4 gap-y-2 border-t border-line pt-4 text-sm">
        <div className="col-span-2">
          <dt className="text-xs text-muted">{t('catalogue.fields.amountSought')}</dt>
          <dd className="text-xl font-semibold tracking-tight text-ink">{formatMoney(proposal.amountSoughtCents, locale)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t('catalogue.fields.trl')}</dt>
          <dd className="font-medium text-ink" title={t(trlLabelKey, { level: proposal.trl })}>
            {t('catalogue.card.trl', { level: proposal.trl })}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t('catalogue.fields.developmentPhase')}</dt>
          <dd className="font-medium text-ink">{t(labelKey.developmentPhase(proposal.developmentPhase))}</dd>
        </div>
      </dl>
    </article>
  )
}

/** A star above the card's link: adds the proposal to the organisation's watchlist, or takes it off. */
function WatchlistToggle({ proposalId, title, bookmarkId, back }: { proposalId: string; title: string; bookmarkId: string | null; back: string }) {
  const { t } = useTranslation()
  const label = t(bookmarkId ? 'watchlist.button.cardRemove' : 'watchlist.button.cardAdd', { title })
  return (
    <Form method="post" action="/watchlist" preventScrollReset className="absolute right-3 top-3 z-10">
      <input type="hidden" name="redirectTo" value={back} />
      {bookmarkId ? (
        <>
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="bookmarkId" value={bookmarkId} />
        </>
      ) : (
        <>
          <input type="hidden" name="intent" value="bookmark" />
          <input type="hidden" name="proposalId" value={proposalId} />
        </>
      )}
      <button
        type="submit"
        aria-label={label}
        title={label}
        className={`inline-flex h-8 w-8 items-center justify-center rounded-full border text-lg leading-none transition-colors ${bookmarkId ? 'border-brand-200 bg-brand-50 text-brand-700' : 'border-line bg-white text-muted hover:text-brand-700'}`}
      >
        <span aria-hidden="true">{bookmarkId ? '★' : '☆'}</span>
      </button>
    </Form>
  )
}
