import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { BarList } from '~/components/rounds/charts'
import { Localized } from '~/components/rounds/round-bits'
import { Card } from '~/components/ui/card'
import { formatNumber } from '~/modules/i18n/format'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { weightShares } from '~/modules/rounds/schemas'
import type { PublicRoundData } from './route'

/** What applicants are asked, and how juries score them: criteria with their weights as shares of the total. */
export function RoundSections({ page }: { page: PublicRoundData }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const shares = weightShares(page.criteria.map((criterion) => criterion.weight))
  return (
    <>
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('rounds.public.criteria')}</h2>
        <p className="mt-1 text-sm text-muted">{t('rounds.public.criteriaLead', { max: page.round.scoreScale })}</p>
        <div className="mt-4">
          <BarList
            max={100}
            items={page.criteria.map((criterion, index) => ({
              key: criterion.id,
              label: pickLocalizedText(criterion.name, locale)?.text ?? '',
              value: shares[index]!,
              display: `${formatNumber(Math.round(shares[index]!), locale)} %`,
            }))}
          />
        </div>
        {page.criteria.some((criterion) => Object.keys(criterion.description).length) ? (
          <dl className="mt-4 space-y-2 text-sm">
            {page.criteria
              .filter((criterion) => Object.keys(criterion.description).length)
              .map((criterion) => (
                <div key={criterion.id}>
                  <dt className="font-medium text-ink">
                    <Localized text={criterion.name} />
                  </dt>
                  <dd className="text-muted">
                    <Localized text={criterion.description} />
                  </dd>
                </div>
              ))}
          </dl>
        ) : null}
      </Card>
      {page.questions.length ? (
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('rounds.public.questions')}</h2>
          <ol className="mt-4 list-decimal space-y-2 pl-5 text-sm">
            {page.questions.map((question) => (
              <li key={question.id} className="text-ink">
                <Localized text={question.label} />{' '}
                <span className="text-muted">
                  ({t(`rounds.questionKinds.${question.kind}`)}
                  {question.required ? '' : `, ${t('rounds.public.optional')}`})
                </span>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </>
  )
}
