import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ClassificationBadges, OtherLanguageNote, startupPlace } from '~/components/proposals/proposal-bits'
import { formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import type { CatalogueCard } from '~/modules/proposals/catalogue.server'
import { labelKey, trlLabelKey } from '~/modules/proposals/labels'

/** A proposal in the catalogue (public tier only); the whole card is the link to its page. */
export function ProposalCard({ proposal, locale }: { proposal: CatalogueCard; locale: Locale }) {
  const { t } = useTranslation()
  const { text } = proposal
  return (
    <article className="relative flex h-full flex-col rounded-2xl border border-line bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-300">
      <p className="text-sm font-medium text-muted">
        <span className="text-ink">{proposal.startup.name}</span>
        {startupPlace(proposal.startup, locale) ? ` · ${startupPlace(proposal.startup, locale)}` : null}
      </p>
      <h2 lang={text.lang} className="mt-2 text-lg font-semibold leading-snug text-ink">
        <Link to={`/proposals/${proposal.id}`} className="after:absolute after:inset-0 focus:outline-none">
          {text.title}
        </Link>
      </h2>
      <p lang={text.lang} className="mt-2 line-clamp-4 text-sm leading-relaxed text-muted">
        {text.summary}
      </p>
      <OtherLanguageNote lang={text.lang} locale={locale} />
      <ClassificationBadges proposal={proposal} />
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
