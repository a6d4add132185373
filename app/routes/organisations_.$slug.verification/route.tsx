import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Card, PageHeader } from '~/components/ui/card'
import { canManageOrganisation } from '~/modules/accounts/actor'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { formatDate } from '~/modules/i18n/format'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { getVerificationStatus, requestVerification } from '~/modules/investors/verification.server'
import { VerificationRequestSchema } from '~/modules/investors/verification-schemas'
import { ruleErrorReply, type FormReply } from '~/modules/organisations/replies.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { RequestForm } from './request-form'
import { StatusCard } from './status-card'

export const meta = titleMeta

/** Any member of an investor organisation sees where its verification stands; owners and admins ask for it. */
async function requireInvestorMembership(request: Request, context: LoaderFunctionArgs['context'], slug: string | undefined) {
  const found = await requireMembership(request, context, slug)
  if (found.membership.kind !== 'investor') throw notFound()
  return found
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { membership } = await requireInvestorMembership(request, context, params.slug)
  const status = await getVerificationStatus(context.db, membership.organisationId)
  if (!status) throw notFound()
  return {
    organisation: {
      name: membership.organisationName,
      slug: membership.organisationSlug,
    },
    canManage: canManageOrganisation(membership),
    status,
    title: await pageTitle(request, context, 'investors.verification.title'),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, membership } = await requireMembership(request, context, params.slug, { manage: true })
  if (membership.kind !== 'investor') throw notFound()
  const submission = parseWithZod(await request.formData(), {
    schema: VerificationRequestSchema,
  })
  if (submission.status !== 'success') return data({ intent: 'request', result: submission.reply() } satisfies FormReply, { status: 400 })
  try {
    await requestVerification(context.db, actor, membership, submission.value)
  } catch (error) {
    const reply = ruleErrorReply('request', submission, error)
    if (reply) return data(reply, { status: 400 })
    throw error
  }
  return redirectWithToast(`/organisations/${membership.organisationSlug}/verification`, 'investors.toast.verificationRequested')
}

export default function VerificationPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { organisation, canManage, status } = useLoaderData<typeof loader>()
  const reply = useActionData<FormReply>()
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to={`/organisations/${organisation.slug}`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('investors.profile.back', { name: organisation.name })}
      </Link>
      <PageHeader
        title={t('investors.verification.title')}
        description={t('investors.verification.lead')}
        actions={
          canManage ? (
            <Link to={`/organisations/${organisation.slug}/investor-profile`} className="text-sm font-medium text-brand-700 underline">
              {t('investors.profile.editLink')}
            </Link>
          ) : null
        }
      />
      <StatusCard />
      {status.canRequest ? (
        canManage ? (
          <RequestForm lastResult={reply?.result} renewal={status.state === 'verified' || status.state === 'lapsed'} />
        ) : (
          <p className="text-sm text-muted">{t('investors.verification.askAnOwner')}</p>
        )
      ) : null}
      {status.history.length ? (
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('investors.verification.history')}</h2>
          <ol className="mt-4 divide-y divide-line">
            {status.history.map((entry) => (
              <li key={entry.id} className="py-3 text-sm">
                <p className="text-ink">
                  <span className="font-medium">{t(`investors.verification.requestStatus.${entry.status}`)}</span> ·{' '}
                  {t(`investors.categories.${entry.category}.name`)}
                </p>
                <p className="text-muted">
                  {t('investors.verification.askedOn', {
                    date: formatDate(new Date(entry.createdAt), locale),
                    name: entry.requestedBy ?? '—',
                  })}
                  {entry.decidedAt ? ` · ${t('investors.verification.decidedOn', { date: formatDate(new Date(entry.decidedAt), locale) })}` : null}
                </p>
                {entry.reason ? (
                  <p className="mt-1 text-ink">
                    {t('investors.verification.reasonGiven', {
                      reason: entry.reason,
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
