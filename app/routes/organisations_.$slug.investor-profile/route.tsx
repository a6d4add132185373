import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { getInvestorProfileForEditing, updateInvestorProfile } from '~/modules/investors/profile.server'
import { InvestorProfileSchema } from '~/modules/investors/profile-schema'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { InvestorProfileForm } from './profile-form'

export const meta = titleMeta

/** Owners and admins of an investor organisation edit its profile; plain members get a 403, everyone else a 404. */
async function requireInvestorProfile(request: Request, context: LoaderFunctionArgs['context'], slug: string | undefined) {
  const { membership } = await requireMembership(request, context, slug)
  if (membership.kind !== 'investor') throw notFound()
  const { membership: manager } = await requireMembership(request, context, slug, { manage: true })
  const profile = await getInvestorProfileForEditing(context.db, manager.organisationId)
  if (!profile) throw notFound()
  return { membership: manager, profile }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { profile } = await requireInvestorProfile(request, context, params.slug)
  return {
    profile,
    title: await pageTitle(request, context, 'investors.profile.title'),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { membership } = await requireInvestorProfile(request, context, params.slug)
  const submission = parseWithZod(await request.formData(), {
    schema: InvestorProfileSchema,
  })
  if (submission.status !== 'success')
    return data(submission.reply(), {
      status: submission.status === 'error' ? 400 : 200,
    })
  await updateInvestorProfile(context.db, membership.organisationId, submission.value)
  return redirectWithToast(`/organisations/${membership.organisationSlug}/investor-profile`, 'investors.toast.profileSaved')
}

export default function InvestorProfileEditPage() {
  const { t } = useTranslation()
  const { profile } = useLoaderData<typeof loader>()
  const reply = useActionData<SubmissionResult<string[]>>()
  return (
    <div className="mx-auto max-w-3xl">
      <Link to={`/organisations/${profile.slug}`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('investors.profile.back', { name: profile.name })}
      </Link>
      <div className="mt-4">
        <PageHeader
          title={t('investors.profile.title')}
          description={t('investors.profile.lead')}
          actions={
            <div className="flex flex-wrap gap-4">
              <Link to={`/organisations/${profile.slug}/verification`} className="text-sm font-medium text-brand-700 underline">
                {t('investors.verification.link')}
              </Link>
              <Link to={`/investors/${profile.slug}`} className="text-sm font-medium text-brand-700 underline">
                {t('investors.profile.viewPage')}
              </Link>
            </div>
          }
        />
      </div>
      <InvestorProfileForm profile={profile} lastResult={reply} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
