import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InvestorRow, RequestRow } from '~/components/investors/verification-rows'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Card, EmptyState, PageHeader } from '~/components/ui/card'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { approveVerification, declineVerification, revokeVerification } from '~/modules/investors/verification.server'
import { listInvestorsForVerification } from '~/modules/investors/verification-list.server'
import { verificationDecisionSchemas } from '~/modules/investors/verification-schemas'
import { ruleErrorReply, unknownIntentReply, type FormReply } from '~/modules/organisations/replies.server'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta = titleMeta

/** Organisers: the verification requests to decide, and every investor organisation with its verification. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const { requests, investors } = await listInvestorsForVerification(context.db, actor)
  return {
    requests,
    investors,
    title: await pageTitle(request, context, 'catalogue.investors.title'),
  }
}

const toasts = {
  approve: 'investors.toast.approved',
  decline: 'investors.toast.declined',
  revoke: 'investors.toast.revoked',
} as const

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent !== 'approve' && intent !== 'decline' && intent !== 'revoke') return data(unknownIntentReply(), { status: 400 })
  const submission = parseWithZod(formData, {
    schema: verificationDecisionSchemas[intent],
  })
  if (submission.status !== 'success')
    return data({ intent, result: submission.reply() } satisfies FormReply, {
      status: 400,
    })
  const value = submission.value
  try {
    if (value.intent === 'approve') await approveVerification(context.db, actor, value.requestId)
    else if (value.intent === 'decline') await declineVerification(context.db, actor, value.requestId, value.reason)
    else await revokeVerification(context.db, actor, value.organisationId, value.reason)
  } catch (error) {
    const reply = ruleErrorReply(intent, submission, error)
    if (reply) return data(reply, { status: 400 })
    throw error
  }
  return redirectWithToast('/organiser/investors', toasts[intent])
}

export default function InvestorVerification() {
  const { t } = useTranslation()
  const { requests, investors } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-8">
      <PageHeader title={t('catalogue.investors.title')} description={t('catalogue.investors.lead')} />
      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" className="text-lg font-semibold text-ink">
          {t('investors.queue.requestsHeading', { count: requests.length })}
        </h2>
        {requests.length ? (
          <Card className="p-0">
            <ul className="divide-y divide-line">
              {requests.map((request) => (
                <RequestRow key={request.id} request={request} />
              ))}
            </ul>
          </Card>
        ) : (
          <EmptyState title={t('investors.queue.emptyTitle')} description={t('investors.queue.emptyText')} />
        )}
      </section>
      <section aria-labelledby="investors-heading" className="space-y-3">
        <h2 id="investors-heading" className="text-lg font-semibold text-ink">
          {t('investors.queue.investorsHeading')}
        </h2>
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
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
