import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { uploadProblemReply, uploadProblemStatus, type DataRoomReply } from '~/modules/dataroom/replies'
import { startupProfileSchema } from '~/modules/dataroom/schemas'
import { discardUploads, logoUploadPolicy, receiveMultipartForm } from '~/modules/files/storage.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { hasListedRegions, regionsOf } from '~/modules/organisations/regions'
import { getStartupProfileForEditing, updateStartupProfile } from '~/modules/startups/profile-editor.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { ProfileForm } from './profile-form'

export const meta = titleMeta

/** Any member of a startup edits its profile here; everyone else gets a 404. */
async function requireStartupProfile(request: Request, context: LoaderFunctionArgs['context'], slug: string | undefined) {
  const { membership } = await requireMembership(request, context, slug)
  if (membership.kind !== 'startup') throw notFound()
  const profile = await getStartupProfileForEditing(context.db, membership.organisationId)
  if (!profile) throw notFound()
  return { membership, profile }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { profile } = await requireStartupProfile(request, context, params.slug)
  const regions = hasListedRegions(profile.country) ? regionsOf(profile.country).map(({ code, name }) => ({ code, name })) : null
  return { profile, regions, title: await pageTitle(request, context, 'dataroom.profile.title') }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { membership, profile } = await requireStartupProfile(request, context, params.slug)
  const received = await receiveMultipartForm(request, context.config.uploadsDir, { logo: logoUploadPolicy })
  if (!received.ok) return data(uploadProblemReply('profile', received.field, received.problem), { status: uploadProblemStatus(received.problem) })
  const submission = parseWithZod(received.fields, { schema: startupProfileSchema(profile.country) })
  if (submission.status !== 'success') {
    await discardUploads(received.uploads.values())
    return data({ intent: 'profile', result: submission.reply() } satisfies DataRoomReply, { status: submission.status === 'error' ? 400 : 200 })
  }
  await updateStartupProfile(context.db, context.config.uploadsDir, membership.organisationId, submission.value, received.uploads.get('logo'))
  return redirectWithToast(`/organisations/${membership.organisationSlug}/profile`, 'dataroom.toast.profileSaved')
}

export default function StartupProfileEditPage() {
  const { t } = useTranslation()
  const { profile, regions } = useLoaderData<typeof loader>()
  const reply = useActionData<DataRoomReply>()
  return (
    <div className="mx-auto max-w-3xl">
      <Link to={`/organisations/${profile.slug}`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('dataroom.profile.back', { name: profile.name })}
      </Link>
      <div className="mt-4">
        <PageHeader
          title={t('dataroom.profile.title')}
          description={t('dataroom.profile.lead')}
          actions={
            <Link to={`/startups/${profile.slug}`} className="text-sm font-medium text-brand-700 underline">
              {t('dataroom.profile.viewPublic')}
            </Link>
          }
        />
      </div>
      <ProfileForm profile={profile} regions={regions} lastResult={reply?.result} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
