import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ticketRange } from '~/components/investors/investor-card'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, Card, Notice } from '~/components/ui/card'
import { forbidden, notFound, requireUser } from '~/modules/accounts/guards.server'
import { formatDate } from '~/modules/i18n/format'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { localeNames } from '~/modules/i18n/locales'
import { titleMeta } from '~/modules/i18n/title-meta'
import { canSeeInvestorDirectory, getInvestorPage } from '~/modules/investors/directory.server'
import { countryName } from '~/modules/organisations/countries'
import { regionName } from '~/modules/organisations/regions'
import { isSubsector, subsectorLabelKey } from '~/modules/startups/subsectors'

export const meta = titleMeta

/**
 * An investor's page: for startup members (listed, verified investors), organisers (any) and the
 * investor's own members (a preview). Others get a 403; an investor they may not see, a 404.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context)
  const ownMember = actor.memberships.some((m) => m.kind === 'investor' && m.organisationSlug === params.slug)
  if (!ownMember && !canSeeInvestorDirectory(actor)) throw forbidden()
  const investor = await getInvestorPage(context.db, actor, params.slug, await detectLocale(request, actor.locale))
  if (!investor) throw notFound()
  return { investor, title: `${investor.name} · Ponte` }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-ink">{children}</dd>
    </div>
  )
}

export default function InvestorPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { investor } = useLoaderData<typeof loader>()
  const notStated = <span className="font-normal text-muted">{t('startups.profile.notStated')}</span>
  const tickets = ticketRange(investor.ticketMinCents, investor.ticketMaxCents, locale, t)
  const trl =
    investor.trlMin !== null || investor.trlMax !== null
      ? t('investors.page.trlRange', {
          from: investor.trlMin ?? 1,
          to: investor.trlMax ?? 9,
        })
      : null
  return (
    <article>
      <Link to="/investors" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('investors.page.back')}
      </Link>
      {investor.ownMember && !investor.visibleInDirectory ? (
        <div className="mt-4">
          <Notice tone="info">{t(investor.listed ? 'investors.page.previewNotVerified' : 'investors.page.previewNotListed')}</Notice>
        </div>
      ) : null}
      <header className="mt-4 mb-8">
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{investor.name}</h1>
        <p className="mt-2 text-muted">
          {t(`organisations.investorTypes.${investor.type}`)} · {[investor.city, countryName(investor.country, locale)].filter(Boolean).join(', ')}
        </p>
        <ul className="mt-4 flex flex-wrap gap-1.5">
          {investor.verified ? (
            <li>
              <Badge tone="success">{t('investors.verification.states.verified')}</Badge>
            </li>
          ) : null}
          {investor.coInvestment ? (
            <li>
              <Badge tone="brand">{t('investors.page.coInvests')}</Badge>
            </li>
          ) : null}
        </ul>
      </header>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="text-lg font-semibold text-ink">{t('investors.page.thesis')}</h2>
            {investor.thesis ? (
              <p lang={investor.thesis.lang} className="mt-3 whitespace-pre-line text-ink">
                {investor.thesis.text}
              </p>
            ) : (
              <p className="mt-3 text-muted">{t('investors.page.noThesis')}</p>
            )}
            {investor.theses.length > 1 ? (
              <details className="mt-4 text-sm">
                <summary className="cursor-pointer font-medium text-brand-700">{t('investors.page.otherLanguages')}</summary>
                {investor.theses
                  .filter((entry) => entry.lang !== investor.thesis?.lang)
                  .map((entry) => (
                    <div key={entry.lang} className="mt-3">
                      <p className="text-xs font-semibold uppercase text-muted">{localeNames[entry.lang]}</p>
                      <p lang={entry.lang} className="mt-1 whitespace-pre-line text-ink">
                        {entry.text}
                      </p>
                    </div>
                  ))}
              </details>
            ) : null}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-ink">{t('investors.page.portfolio')}</h2>
            {investor.portfolio.length ? (
              <ul className="mt-3 divide-y divide-line">
                {investor.portfolio.map((item, index) => (
                  <li key={index} className="py-2">
                    <p className="font-medium text-ink">{item.name}</p>
                    <p className="text-sm text-muted">{item.note}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-muted">{t('investors.page.noPortfolio')}</p>
            )}
          </Card>
        </div>
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('investors.page.criteria')}</h2>
          <dl className="mt-4 space-y-4">
            <Fact label={t('investors.profile.ticketRange')}>{tickets ?? notStated}</Fact>
            <Fact label={t('investors.profile.subsectors')}>
              {investor.subsectors
                .filter(isSubsector)
                .map((code) => t(subsectorLabelKey(code)))
                .join(', ') || notStated}
            </Fact>
            <Fact label={t('investors.profile.stages')}>{investor.stages.map((code) => t(`proposals.taxonomy.stages.${code}`)).join(', ') || notStated}</Fact>
            <Fact label={t('investors.profile.trlRange')}>{trl ?? notStated}</Fact>
            <Fact label={t('investors.profile.countries')}>{investor.countries.map((code) => countryName(code, locale)).join(', ') || notStated}</Fact>
            <Fact label={t('investors.profile.regions')}>{investor.regions.map((code) => `${regionName(code)} (${code})`).join(', ') || notStated}</Fact>
            {investor.organiserView ? (
              <>
                <Fact label={t('investors.verification.category')}>
                  {investor.organiserView.category ? t(`investors.categories.${investor.organiserView.category}.name`) : notStated}
                </Fact>
                {investor.organiserView.verificationExpiresAt ? (
                  <Fact label={t('investors.verification.expiresOn')}>{formatDate(new Date(investor.organiserView.verificationExpiresAt), locale)}</Fact>
                ) : null}
              </>
            ) : null}
          </dl>
        </Card>
      </div>
    </article>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
