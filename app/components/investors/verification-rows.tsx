import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Link, useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, fieldProps, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { Button, buttonClass } from '~/components/ui/button'
import { Badge } from '~/components/ui/card'
import { FormErrors, TextareaField } from '~/components/ui/field'
import { formatDate } from '~/modules/i18n/format'
import type { InvestorForVerification, VerificationRequestRow } from '~/modules/investors/verification-list.server'
import { ApproveVerificationSchema, DeclineVerificationSchema, RevokeVerificationSchema } from '~/modules/investors/verification-schemas'
import { countryName } from '~/modules/organisations/countries'
import type { FormReply } from '~/modules/organisations/replies.server'

const date = (value: Date | string, locale: Parameters<typeof formatDate>[1]) => formatDate(new Date(value), locale)

/** A form's last reply, from its fetcher (the page's own reply has no row to name). */
function useReply() {
  const fetcher = useFetcher<FormReply>()
  return {
    fetcher,
    lastResult: fetcher.data?.result as SubmissionResult<string[]> | undefined,
  }
}

/** A pending verification request: who asks, in which category, with approve and decline (with a reason). */
export function RequestRow({ request }: { request: VerificationRequestRow }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const approve = useReply()
  const [approveForm] = useSchemaForm({
    id: `approve-${request.id}`,
    schema: ApproveVerificationSchema,
    lastResult: approve.lastResult,
  })
  return (
    <li className="space-y-3 px-6 py-4">
      <div className="flex flex-wrap items-start gap-4">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-ink">
            <Link to={`/investors/${request.slug}`} className="underline-offset-4 hover:underline">
              {request.name}
            </Link>
            {request.renewal ? <span className="ml-2 text-sm font-normal text-muted">({t('investors.queue.renewal')})</span> : null}
          </p>
          <p className="text-sm text-muted">
            {t(`organisations.investorTypes.${request.type}`)} · {countryName(request.country, locale)} ·{' '}
            {t('catalogue.investors.members', { count: request.members })}
          </p>
          <p className="text-xs text-muted">
            {t('investors.queue.askedBy', {
              name: request.requestedBy ?? '—',
              date: date(request.createdAt, locale),
            })}
          </p>
        </div>
        <Badge tone={request.category === 'sophisticated' ? 'brand' : 'neutral'}>{t(`investors.categories.${request.category}.name`)}</Badge>
        <div className="flex flex-wrap items-start gap-2">
          <approve.fetcher.Form method="post" {...getFormProps(approveForm)} className="space-y-2">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="requestId" value={request.id} />
            <Button
              type="submit"
              pending={approve.fetcher.state !== 'idle'}
              aria-label={t('investors.queue.approveNamed', {
                name: request.name,
              })}
            >
              {t('investors.queue.approve')}
            </Button>
            <FormErrors errors={allErrors(approveForm, t)} />
          </approve.fetcher.Form>
        </div>
      </div>
      <ReasonForm intent="decline" idField={{ name: 'requestId', value: request.id }} name={request.name} />
    </li>
  )
}

/** A reason to give, for a decline or a revocation. */
function ReasonForm(props: { intent: 'decline' | 'revoke'; idField: { name: string; value: string }; name: string }) {
  const { t } = useTranslation()
  const { fetcher, lastResult } = useReply()
  const schema = props.intent === 'decline' ? DeclineVerificationSchema : RevokeVerificationSchema
  const [form, fields] = useSchemaForm({
    id: `${props.intent}-${props.idField.value}`,
    schema,
    lastResult,
  })
  return (
    // A disclosure, so it opens without JavaScript too; it stays open while the reason is refused.
    <details open={lastResult?.status === 'error' || undefined} className="group">
      <summary
        className={buttonClass('secondary', 'cursor-pointer list-none group-open:hidden')}
        aria-label={t(`investors.queue.${props.intent}Named`, {
          name: props.name,
        })}
      >
        {t(`investors.queue.${props.intent}`)}
      </summary>
      <fetcher.Form method="post" {...getFormProps(form)} className="space-y-3 rounded-lg border border-line bg-canvas p-4">
        <input type="hidden" name="intent" value={props.intent} />
        <input type="hidden" name={props.idField.name} value={props.idField.value} />
        <TextareaField
          label={t(`investors.queue.${props.intent}Reason`, {
            name: props.name,
          })}
          hint={t('investors.queue.reasonHint')}
          rows={3}
          maxLength={1000}
          {...fieldProps(fields.reason, t)}
        />
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <div className="flex gap-2">
          <Button type="submit" variant="danger" pending={fetcher.state !== 'idle'}>
            {t(`investors.queue.${props.intent}Confirm`)}
          </Button>
        </div>
      </fetcher.Form>
    </details>
  )
}

/** An investor organisation: verified (until when, in which category, by whom), lapsed or not verified; verified ones can be revoked. */
export function InvestorRow({ investor }: { investor: InvestorForVerification }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const lapsed = !investor.verified && investor.verifiedAt !== null
  const state = investor.verified ? 'verified' : lapsed ? 'lapsed' : 'unverified'
  return (
    <li className="space-y-3 px-6 py-4">
      <div className="flex flex-wrap items-center gap-4">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-ink">
            <Link to={`/investors/${investor.slug}`} className="underline-offset-4 hover:underline">
              {investor.name}
            </Link>
            {investor.suspended ? <span className="ml-2 text-sm font-normal text-danger">({t('investors.queue.suspended')})</span> : null}
          </p>
          <p className="text-sm text-muted">
            {t(`organisations.investorTypes.${investor.type}`)} · {countryName(investor.country, locale)} ·{' '}
            {t('catalogue.investors.members', { count: investor.members })}
            {investor.listed ? ` · ${t('investors.queue.listed')}` : null}
          </p>
          {investor.verifiedAt ? (
            <p className="text-xs text-muted">
              {t('catalogue.investors.verifiedBy', {
                name: investor.verifiedBy ?? '—',
                date: date(investor.verifiedAt, locale),
              })}
              {investor.expiresAt
                ? ` · ${t(lapsed ? 'investors.queue.expired' : 'investors.queue.expires', { date: date(investor.expiresAt, locale) })}`
                : null}
            </p>
          ) : null}
        </div>
        {investor.category ? <Badge tone="neutral">{t(`investors.categories.${investor.category}.name`)}</Badge> : null}
        <Badge tone={investor.verified ? 'success' : 'warning'}>{t(`investors.verification.states.${state}`)}</Badge>
      </div>
      {investor.verified ? <ReasonForm intent="revoke" idField={{ name: 'organisationId', value: investor.id }} name={investor.name} /> : null}
    </li>
  )
}
