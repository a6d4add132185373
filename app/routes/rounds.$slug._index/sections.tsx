import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Localized } from '~/components/rounds/round-bits'
import { Card } from '~/components/ui/card'
import { formatNumber } from '~/modules/i18n/format'
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
        <ul className="mt-4 space-y-3">
          {page.criteria.map((criterion, index) => (
            <li key={criterion.id}>
              <div className="flex items-baseline justify-between gap-4">
                <span className="font-medium text-ink">
                  <Localized text={criterion.name} />
                </span>
                <span className="tabular-nums text-sm text-muted">{`${formatNumber(Math.round(shares[index]!), locale)} %`}</span>
              </div>
              <div className="mt-1 h-2 rounded-full bg-canvas" aria-hidden="true">
                <div className="h-2 rounded-full bg-brand-500" style={{ width: `${shares[index]}%` }} />
              </div>
              {Object.keys(criterion.description).length ? (
                <p className="mt-1 text-sm text-muted">
                  <Localized text={criterion.description} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
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
