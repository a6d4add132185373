import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ClassificationBadges, Fact, OtherLanguageNote, startupPlace } from '~/components/proposals/proposal-bits'
import { Card } from '~/components/ui/card'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { labelKey } from '~/modules/proposals/labels'
import type { PageProposal } from '~/modules/proposals/proposal-page.server'

/** Title, startup, teaser: the top of the page, in every tier. */
export function ProposalHeader({ proposal, locale }: { proposal: PageProposal; locale: Locale }) {
  const { text, startup } = proposal
  const place = startupPlace(startup, locale)
  return (
    <header className="mt-4 mb-8">
      <p className="text-sm font-medium text-muted">
        <Link to={`/startups/${startup.slug}`} className="text-brand-700 underline-offset-4 hover:underline">
          {startup.name}
        </Link>
        {place ? ` · ${place}` : null}
      </p>
      <h1 lang={text.lang} className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
        {text.title}
      </h1>
      <p lang={text.lang} className="mt-3 max-w-3xl text-lg leading-relaxed text-muted">
        {text.summary}
      </p>
      <OtherLanguageNote lang={text.lang} locale={locale} />
      <ClassificationBadges proposal={proposal} />
    </header>
  )
}

/** The public key facts, shown to everyone. */
export function PublicFacts({ proposal, locale }: { proposal: PageProposal; locale: Locale }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="key-facts">
      <Card>
        <h2 id="key-facts" className="text-lg font-semibold text-ink">
          {t('catalogue.page.keyFacts')}
        </h2>
        <dl className="mt-4 text-sm">
          <Fact label={t('catalogue.fields.amountSought')}>{formatMoney(proposal.amountSoughtCents, locale)}</Fact>
          <Fact label={t('catalogue.fields.instrument')}>{t(labelKey.instrument(proposal.instrument))}</Fact>
          <Fact label={t('catalogue.fields.stage')}>{t(labelKey.stage(proposal.stage))}</Fact>
          <Fact label={t('catalogue.fields.subsector')}>{t(labelKey.subsector(proposal.subsector))}</Fact>
          <Fact label={t('catalogue.fields.trl')}>{proposal.trl}</Fact>
          <Fact label={t('catalogue.fields.developmentPhase')}>{t(labelKey.developmentPhase(proposal.developmentPhase))}</Fact>
          <Fact label={t('catalogue.fields.closingDate')}>{formatDate(new Date(`${proposal.closingDate}T00:00:00Z`), locale)}</Fact>
          <Fact label={t('catalogue.fields.publishedAt')}>{formatDate(new Date(proposal.publishedAt), locale)}</Fact>
        </dl>
      </Card>
    </section>
  )
}
