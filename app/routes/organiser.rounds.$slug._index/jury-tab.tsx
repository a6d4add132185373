import { getFormProps } from '@conform-to/react'
import { Form, useLocation, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { allErrors, fieldProps, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { useRoundTime } from '~/components/rounds/round-bits'
import { Button } from '~/components/ui/button'
import { Badge, Card, EmptyState } from '~/components/ui/card'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { countryName } from '~/modules/organisations/countries'
import { canEditSection, InviteJurorSchema, JurorSchema } from '~/modules/rounds/schemas'
import { jurorKinds } from '~/modules/rounds/taxonomy'
import type { RoundPageData } from './route'
import { LockNotice, useFormReply } from './tabs'

type Member = RoundPageData['jury'][number]

/** The jury: who is invited or seated, for which investor or as an independent expert; invite, resend, remove. */
export function JuryTab({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const location = useLocation()
  const editable = canEditSection('jury', page.round.status)
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <h2 className="text-lg font-semibold text-ink">{t('rounds.jury.title')}</h2>
        <p className="mt-1 text-sm text-muted">{t('rounds.jury.lead')}</p>
        <LockNotice section="jury" status={page.round.status} />
        {page.jury.length === 0 ? (
          <div className="mt-4">
            <EmptyState title={t('rounds.jury.emptyTitle')} description={t('rounds.jury.emptyText')} />
          </div>
        ) : (
          <ul className="mt-4 divide-y divide-line">
            {page.jury.map((member) => (
              <JurorRow key={member.id} member={member} editable={editable} />
            ))}
          </ul>
        )}
      </Card>
      {editable ? <InviteJurorCard key={location.key} page={page} /> : null}
    </div>
  )
}

function JurorRow({ member, editable }: { member: Member; editable: boolean }) {
  const { t } = useTranslation()
  const { inViewerZone } = useRoundTime()
  const reply = useFormReply('resend-juror', 'remove-juror')
  const [form] = useSchemaForm({ id: `juror-${member.id}`, schema: JurorSchema, lastResult: reply?.initialValue?.jurorId === member.id ? reply : undefined })
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">{member.name}</p>
        <p className="text-sm text-muted">{member.email}</p>
        <p className="text-xs text-muted">
          {member.kind === 'investor' && member.organisationName ? t('rounds.jury.forInvestor', { organisation: member.organisationName }) : t(`rounds.jurorKinds.${member.kind}`)}
        </p>
      </div>
      {member.acceptedAt ? (
        <Badge tone="success">{t('rounds.jury.accepted', { when: inViewerZone(member.acceptedAt) })}</Badge>
      ) : (
        <Badge tone="warning">{t('rounds.jury.invited', { when: inViewerZone(member.invitedAt) })}</Badge>
      )}
      {editable ? (
        <Form method="post" {...getFormProps(form)} preventScrollReset className="flex gap-2">
          <input type="hidden" name="jurorId" value={member.id} />
          {member.acceptedAt ? null : (
            <Button variant="secondary" type="submit" name="intent" value="resend-juror" aria-label={t('rounds.jury.resendNamed', { name: member.name })}>
              {t('rounds.jury.resend')}
            </Button>
          )}
          <Button variant="ghost" type="submit" name="intent" value="remove-juror" aria-label={t('rounds.jury.removeNamed', { name: member.name })}>
            {t('rounds.jury.remove')}
          </Button>
        </Form>
      ) : null}
      <div className="w-full">
        <FormErrors errors={allErrors(form, t)} />
      </div>
    </li>
  )
}

function InviteJurorCard({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({ id: 'invite-juror', schema: InviteJurorSchema, lastResult: useFormReply('invite-juror'), defaultValue: { kind: 'independent' } })
  const [kind, setKind] = useState(fields.kind.initialValue ?? 'independent')
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} preventScrollReset className="space-y-4">
        <input type="hidden" name="intent" value="invite-juror" />
        <h2 className="text-lg font-semibold text-ink">{t('rounds.jury.inviteTitle')}</h2>
        <p className="text-sm text-muted">{t('rounds.jury.inviteLead')}</p>
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <Field label={t('rounds.jury.name')} autoComplete="off" {...fieldProps(fields.name, t)} />
        <Field label={t('rounds.jury.email')} type="email" autoComplete="off" {...fieldProps(fields.email, t)} />
        <fieldset>
          <legend className="text-sm font-medium text-ink">{t('rounds.jury.kind')}</legend>
          <div className="mt-2 space-y-2">
            {jurorKinds.map((option) => (
              <label key={option} className="flex items-center gap-2 text-sm text-ink">
                <input type="radio" name={fields.kind.name} value={option} defaultChecked={kind === option} onChange={() => setKind(option)} className="h-4 w-4 accent-brand-700" />
                {t(`rounds.jurorKinds.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t('rounds.jury.organisation')}
          hint={kind === 'investor' ? t('rounds.jury.organisationHint') : t('rounds.jury.organisationOnlyInvestor')}
          options={[{ value: '', label: t('rounds.pool.investorPlaceholder') }, ...page.investors.map((o) => ({ value: o.id, label: `${o.name} (${countryName(o.country, locale)})` }))]}
          {...fieldProps(fields.investorOrganisationId, t)}
        />
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'invite-juror'}>
          {t('rounds.jury.invite')}
        </Button>
      </Form>
    </Card>
  )
}

