import { Link } from '@remix-run/react'
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
export function ProposalCard({ proposal, locale, query }: { proposal: SearchCard; locale: Locale; query: string }) {
  const { t } = useTranslation()
  const { text } = proposal
  const place = startupPlace(proposal.startup, locale)
  return (
    <article className="relative flex h-full flex-col rounded-2xl border border-line bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-300">
      <p className="text-sm font-medium text-muted">
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
