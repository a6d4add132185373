import { useTranslation } from 'react-i18next'
import { Fact, MarkdownContent } from '~/components/proposals/proposal-bits'
import { Card } from '~/components/ui/card'
import { formatMoney, formatNumber } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { labelKey } from '~/modules/proposals/labels'
import type { VerifiedPageProposal } from '~/modules/proposals/proposal-page.server'

/** What verified investors, organisers and the startup see: description, terms, use of funds, science, team. */
export function VerifiedSections({ proposal, locale }: { proposal: VerifiedPageProposal; locale: Locale }) {
  const { t } = useTranslation()
  const notStated = <span className="font-normal text-muted">{t('catalogue.page.notStated')}</span>
  return (
    <>
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('catalogue.page.description')}</h2>
        <div className="mt-4">
          <MarkdownContent html={proposal.text.descriptionHtml} lang={proposal.text.lang} />
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('catalogue.page.terms')}</h2>
        <dl className="mt-4 text-sm">
          <Fact label={t('catalogue.fields.minimumTicket')}>{formatMoney(proposal.minimumTicketCents, locale)}</Fact>
          <Fact label={t('catalogue.fields.preMoneyValuation')}>
            {proposal.preMoneyValuationCents === null ? notStated : formatMoney(proposal.preMoneyValuationCents, locale)}
          </Fact>
        </dl>
        <h3 className="mt-6 font-semibold text-ink">{t('catalogue.fields.useOfFunds')}</h3>
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">{t('catalogue.fields.useOfFunds')}</caption>
          <thead>
            <tr className="border-b border-line text-left text-muted">
              <th scope="col" className="py-2 font-medium">
                {t('catalogue.page.fundsItem')}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t('catalogue.page.fundsAmount')}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t('catalogue.page.fundsShare')}
              </th>
            </tr>
          </thead>
          <tbody>
            {proposal.useOfFunds.map((item, index) => (
              <tr key={index} className="border-b border-line last:border-0">
                <td className="py-2 text-ink">{item.label}</td>
                <td className="py-2 text-right font-medium text-ink">{formatMoney(item.amountCents, locale)}</td>
                <td className="py-2 text-right text-muted">
                  {t('catalogue.page.share', { value: formatNumber(Math.round((item.amountCents / Math.max(1, proposal.amountSoughtCents)) * 100), locale) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('catalogue.page.science')}</h2>
        <dl className="mt-4 text-sm">
          <Fact label={t('catalogue.fields.modality')}>{t(labelKey.modality(proposal.modality))}</Fact>
          <Fact label={t('catalogue.fields.therapeuticAreas')}>
            {proposal.therapeuticAreas.length ? proposal.therapeuticAreas.map((area) => t(labelKey.therapeuticArea(area))).join(', ') : notStated}
          </Fact>
          <Fact label={t('catalogue.fields.regulatoryPathway')}>{t(labelKey.regulatoryPathway(proposal.regulatoryPathway))}</Fact>
          {proposal.deviceClass ? <Fact label={t('catalogue.fields.deviceClass')}>{t(labelKey.deviceClass(proposal.deviceClass))}</Fact> : null}
          <Fact label={t('catalogue.fields.ipStatus')}>{t(labelKey.ipStatus(proposal.ipStatus))}</Fact>
        </dl>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('catalogue.page.team')}</h2>
        {proposal.team.length ? (
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {proposal.team.map((member, index) => (
              <li key={index} className="rounded-lg border border-line px-4 py-3">
                <p className="font-medium text-ink">{member.name}</p>
                <p className="text-sm text-muted">{member.role}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-muted">{t('catalogue.page.noTeam')}</p>
        )}
      </Card>
    </>
  )
}
