import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { useUiLocale } from '~/components/organisations/form-fields'
import { conditionKeys, ConditionMark, MatchedAmount, StartupName, useConditionHeaders } from '~/components/rounds/matching-rule'
import { Button } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { Field, FormErrors } from '~/components/ui/field'
import { formatDate, formatMoney, formatNumber } from '~/modules/i18n/format'
import { EUROS_MAX, EUROS_MIN } from '~/modules/interests/schemas'
import type { ShortlistMatch } from '~/modules/rounds/commitments.server'
import type { MatchingRule } from '~/modules/rounds/matching'
import { RoundCommitmentSchema } from '~/modules/rounds/pool-schemas'
import { useViewerTimeZone } from '~/root'

export type PoolStartupView = Pick<
  ShortlistMatch,
  'applicationId' | 'name' | 'slug' | 'country' | 'title' | 'committedCents' | 'investors' | 'conditions' | 'qualifies' | 'matchedCents' | 'limitedBy'
> & {
  /** The organisation's own active commitment. */
  mine: { amountCents: number; updatedAt: string | Date } | null
}

/** One shortlisted startup: its figures, the conditions, the matched amount, and the organisation's commitment. */
export function PoolStartupCard(props: {
  startup: PoolStartupView
  rule: MatchingRule
  organisationId: string
  canCommit: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const headers = useConditionHeaders(props.rule)
  const timeZone = useViewerTimeZone()
  const { startup } = props
  return (
    <Card className="space-y-4">
      <div data-startup={startup.slug} className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-lg font-semibold">
            <StartupName startup={startup} />
          </h3>
          {startup.title ? <p className="text-sm text-muted">{startup.title}</p> : null}
        </div>
        <Badge tone={startup.qualifies ? 'success' : 'neutral'}>{t(startup.qualifies ? 'pool.startup.qualifies' : 'pool.startup.notYet')}</Badge>
      </div>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted">{t('pool.startup.committed')}</dt>
          <dd className="font-semibold text-ink" data-figure="committed">
            {formatMoney(startup.committedCents, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{t('pool.startup.investors')}</dt>
          <dd className="font-semibold text-ink" data-figure="investors">
            {formatNumber(startup.investors, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{t('pool.startup.matched')}</dt>
          <dd data-figure="matched">
            <MatchedAmount cents={startup.matchedCents} limitedBy={startup.limitedBy} />
          </dd>
        </div>
      </dl>
      <ul className="grid gap-2 text-sm sm:grid-cols-3">
        {conditionKeys.map((key) => (
          <li key={key}>
            <span className="block text-muted">{headers[key]}</span>
            <ConditionMark state={startup.conditions[key]} />
          </li>
        ))}
      </ul>
      <div className="border-t border-line pt-4">
        {startup.mine ? (
          <p className="mb-3 text-sm text-ink" data-figure="mine">
            {t('pool.startup.yours', { amount: formatMoney(startup.mine.amountCents, locale), date: formatDate(new Date(startup.mine.updatedAt), locale, timeZone) })}
          </p>
        ) : (
          <p className="mb-3 text-sm text-muted">{t('pool.startup.noneYours')}</p>
        )}
        {props.canCommit ? <CommitmentForms {...props} /> : null}
      </div>
    </Card>
  )
}

function CommitmentForms({ startup, organisationId, lastResult }: { startup: PoolStartupView; organisationId: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `commit-${startup.applicationId}`,
    lastResult,
    defaultValue: startup.mine ? { amount: String(startup.mine.amountCents / 100) } : undefined,
    constraint: getZodConstraint(RoundCommitmentSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RoundCommitmentSchema }),
  })
  const sending = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('applicationId') === startup.applicationId && navigation.formData?.get('intent') === intent
  return (
    <div className="space-y-3">
      <FormErrors errors={formErrors(form.errors)} />
      <div className="flex flex-wrap items-end gap-3">
        <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="commit" />
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="applicationId" value={startup.applicationId} />
          <Field
            label={t('pool.startup.amount', { startup: startup.name })}
            type="number"
            inputMode="numeric"
            min={EUROS_MIN}
            max={EUROS_MAX}
            step={1}
            {...control(fields.amount)}
          />
          <Button type="submit" pending={sending('commit')}>
            {t(startup.mine ? 'pool.startup.change' : 'pool.startup.commit')}
          </Button>
        </Form>
        {startup.mine ? (
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="organisationId" value={organisationId} />
            <input type="hidden" name="applicationId" value={startup.applicationId} />
            <Button type="submit" variant="secondary" pending={sending('withdraw')}>
              {t('pool.startup.withdraw')}
            </Button>
          </Form>
        ) : null}
      </div>
    </div>
  )
}
