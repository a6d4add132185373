import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useFetcher, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Button } from '~/components/ui/button'
import { Badge, Card, EmptyState, PageHeader } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { formatDate } from '~/modules/i18n/format'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { setInvestorVerified } from '~/modules/investors/verification.server'
import { listInvestorsForVerification, type InvestorForVerification } from '~/modules/investors/verification-list.server'
import { InvestorVerificationSchema } from '~/modules/investors/verification-schemas'
import { countryName } from '~/modules/organisations/countries'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta = titleMeta

/** Organisers: investor organisations, verified or waiting, with a button to change that. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  return { investors: await listInvestorsForVerification(context.db, actor), title: await pageTitle(request, context, 'catalogue.investors.title') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: InvestorVerificationSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { intent, organisationId } = submission.value
  const changed = await setInvestorVerified(context.db, actor, organisationId, intent === 'verify')
  if (!changed) return data(submission.reply({ formErrors: ['catalogue.investors.errors.notFound'] }), { status: 400 })
  return redirectWithToast('/organiser/investors', intent === 'verify' ? 'catalogue.toast.investorVerified' : 'catalogue.toast.investorUnverified')
}

export default function InvestorVerification() {
  const { t } = useTranslation()
  const { investors } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title={t('catalogue.investors.title')} description={t('catalogue.investors.lead')} />
      {investors.length ? (
        <Card className="p-0">
          <ul className="divide-y divide-line">
            {investors.map((investor) => (
              <InvestorRow key={investor.id} investor={investor} />
            ))}
          </ul>
        </Card>
      ) : (
        <EmptyState title={t('catalogue.investors.emptyTitle')} description={t('catalogue.investors.emptyText')} />
      )}
    </div>
  )
}

function InvestorRow({ investor }: { investor: InvestorForVerification }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const fetcher = useFetcher<SubmissionResult<string[]>>()
  const [form] = useSchemaForm({ id: `verify-${investor.id}`, schema: InvestorVerificationSchema, lastResult: fetcher.data })
  const verified = investor.verifiedAt !== null
  return (
    <li className="flex flex-wrap items-center gap-4 px-6 py-4">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">{investor.name}</p>
        <p className="text-sm text-muted">
          {t(`organisations.investorTypes.${investor.type}`)} · {countryName(investor.country, locale)} · {t('catalogue.investors.members', { count: investor.members })}
        </p>
        {verified ? (
          <p className="text-xs text-muted">
            {t('catalogue.investors.verifiedBy', { name: investor.verifiedBy ?? '—', date: formatDate(new Date(investor.verifiedAt!), locale) })}
          </p>
        ) : null}
      </div>
      <Badge tone={verified ? 'success' : 'warning'}>{t(verified ? 'catalogue.investors.verified' : 'catalogue.investors.notVerified')}</Badge>
      <fetcher.Form method="post" {...getFormProps(form)} className="space-y-2">
        <input type="hidden" name="intent" value={verified ? 'unverify' : 'verify'} />
        <input type="hidden" name="organisationId" value={investor.id} />
        <Button
          type="submit"
          variant={verified ? 'secondary' : 'primary'}
          pending={fetcher.state !== 'idle'}
          aria-label={t(verified ? 'catalogue.investors.unverifyNamed' : 'catalogue.investors.verifyNamed', { name: investor.name })}
        >
          {t(verified ? 'catalogue.investors.unverify' : 'catalogue.investors.verify')}
        </Button>
        <FormErrors errors={allErrors(form, t)} />
      </fetcher.Form>
    </li>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
