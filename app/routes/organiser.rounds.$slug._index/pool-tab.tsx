import { getFormProps } from '@conform-to/react'
import { Form, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, fieldProps, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { formatMoney } from '~/modules/i18n/format'
import { countryName } from '~/modules/organisations/countries'
import { centsToInput } from '~/modules/proposals/schemas'
import { canEditSection, MatchingSchema, PledgeSchema, RemovePledgeSchema } from '~/modules/rounds/schemas'
import type { RoundPageData } from './route'
import { LockNotice, useFormReply } from './tabs'

/** The co-investment pool: the matching rule, and the investors taking part with what each pledges. */
export function PoolTab({ page }: { page: RoundPageData }) {
  // A fresh pledge form after each saved pledge (the page comes back with a new location key).
  const location = useLocation()
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <MatchingCard page={page} />
      <div className="space-y-6">
        <PledgesCard page={page} />
        {canEditSection('pool', page.round.status) ? <PledgeForm key={location.key} page={page} /> : null}
      </div>
    </div>
  )
}

function MatchingCard({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { round } = page
  const editable = canEditSection('matching', round.status)
  const [form, fields] = useSchemaForm({
    id: 'matching',
    schema: MatchingSchema,
    lastResult: useFormReply('matching'),
    defaultValue: {
      matchRatioPercent: String(round.matchRatioPercent),
      matchCapPerStartup: centsToInput(round.matchCapPerStartupCents),
      matchCapRound: centsToInput(round.matchCapRoundCents),
      matchMinCommitted: centsToInput(round.matchMinCommittedCents),
      matchMinInvestors: String(round.matchMinInvestors),
      matchRequiresCrossBorder: round.matchRequiresCrossBorder ? 'on' : '',
    },
  })
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="matching" />
        <h2 className="text-lg font-semibold text-ink">{t('rounds.matching.title')}</h2>
        <p className="text-sm text-muted">{t('rounds.matching.lead')}</p>
        <LockNotice section="matching" status={round.status} />
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <fieldset disabled={!editable} className="grid gap-5 sm:grid-cols-2">
          <Field label={t('rounds.matching.ratio')} hint={t('rounds.matching.ratioHint')} type="number" inputMode="numeric" min={1} step={1} {...fieldProps(fields.matchRatioPercent, t)} />
          <Field label={t('rounds.matching.minInvestors')} type="number" inputMode="numeric" min={1} step={1} {...fieldProps(fields.matchMinInvestors, t)} />
          <Field label={t('rounds.matching.minCommitted')} hint={t('rounds.eligibility.eurosHint')} inputMode="decimal" {...fieldProps(fields.matchMinCommitted, t)} />
          <Field label={t('rounds.matching.capPerStartup')} hint={t('rounds.matching.capHint')} inputMode="decimal" {...fieldProps(fields.matchCapPerStartup, t)} />
          <Field label={t('rounds.matching.capRound')} hint={t('rounds.matching.capHint')} inputMode="decimal" {...fieldProps(fields.matchCapRound, t)} />
          <label className="flex items-start gap-3 text-sm text-ink sm:col-span-2">
            <input type="checkbox" name={fields.matchRequiresCrossBorder.name} defaultChecked={fields.matchRequiresCrossBorder.initialValue === 'on'} className="mt-0.5 h-4 w-4 accent-brand-700" />
            <span>
              <span className="font-medium">{t('rounds.matching.crossBorder')}</span>
              <span className="block text-muted">{t('rounds.matching.crossBorderHint')}</span>
            </span>
          </label>
        </fieldset>
        {editable ? (
          <Button type="submit" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'matching'}>
            {t('rounds.setup.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  )
}

function PledgesCard({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const editable = canEditSection('pool', page.round.status)
  const total = page.pledges.reduce((sum, pledge) => sum + pledge.pledgeCents, 0)
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('rounds.pool.title')}</h2>
      <LockNotice section="pool" status={page.round.status} />
      {page.pledges.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t('rounds.pool.empty')}</p>
      ) : (
        <ul className="mt-4 divide-y divide-line">
          {page.pledges.map((pledge) => (
            <li key={pledge.investorOrganisationId} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-ink">{pledge.name}</p>
                <p className="text-xs text-muted">{countryName(pledge.country, locale)}</p>
              </div>
              {pledge.matchesCommitments ? <Badge tone="brand">{t('rounds.pool.matchingFund')}</Badge> : null}
              <p className="tabular-nums text-ink">{formatMoney(pledge.pledgeCents, locale)}</p>
              {editable ? <RemovePledgeButton investorOrganisationId={pledge.investorOrganisationId} name={pledge.name} /> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm font-medium text-ink">{t('rounds.pool.total', { total: formatMoney(total, locale) })}</p>
    </Card>
  )
}

function RemovePledgeButton({ investorOrganisationId, name }: { investorOrganisationId: string; name: string }) {
  const { t } = useTranslation()
  const reply = useFormReply('remove-pledge')
  const [form] = useSchemaForm({ id: `remove-pledge-${investorOrganisationId}`, schema: RemovePledgeSchema, lastResult: reply?.initialValue?.investorOrganisationId === investorOrganisationId ? reply : undefined })
  return (
    <Form method="post" {...getFormProps(form)} preventScrollReset>
      <input type="hidden" name="intent" value="remove-pledge" />
      <input type="hidden" name="investorOrganisationId" value={investorOrganisationId} />
      <Button variant="ghost" type="submit" aria-label={t('rounds.pool.removeNamed', { name })}>
        {t('rounds.pool.remove')}
      </Button>
      <FormErrors errors={allErrors(form, t)} />
    </Form>
  )
}

function PledgeForm({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const locale = useUiLocale()
  const [form, fields] = useSchemaForm({ id: 'pledge', schema: PledgeSchema, lastResult: useFormReply('pledge') })
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} preventScrollReset className="space-y-4">
        <input type="hidden" name="intent" value="pledge" />
        <h2 className="text-lg font-semibold text-ink">{t('rounds.pool.addTitle')}</h2>
        <p className="text-sm text-muted">{t('rounds.pool.addLead')}</p>
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <SelectField
          label={t('rounds.pool.investor')}
          options={[{ value: '', label: t('rounds.pool.investorPlaceholder') }, ...page.investors.map((o) => ({ value: o.id, label: `${o.name} (${countryName(o.country, locale)})` }))]}
          {...fieldProps(fields.investorOrganisationId, t)}
        />
        <Field label={t('rounds.pool.pledge')} hint={t('rounds.eligibility.eurosHint')} inputMode="decimal" {...fieldProps(fields.pledge, t)} />
        <label className="flex items-start gap-3 text-sm text-ink">
          <input type="checkbox" name={fields.matchesCommitments.name} className="mt-0.5 h-4 w-4 accent-brand-700" />
          <span>
            <span className="font-medium">{t('rounds.pool.matches')}</span>
            <span className="block text-muted">{t('rounds.pool.matchesHint')}</span>
          </span>
        </label>
        <Button type="submit" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'pledge'}>
          {t('rounds.pool.save')}
        </Button>
      </Form>
    </Card>
  )
}
