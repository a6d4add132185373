import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CreateOrganisationForm } from '~/components/organisations/create-organisation-form'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Card, PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { createOrganisation } from '~/modules/organisations/organisations.server'
import { CreateOrganisationSchema } from '~/modules/organisations/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const kinds = actor.isAdmin ? (['startup', 'investor', 'organiser'] as const) : (['startup', 'investor'] as const)
  return { kinds: [...kinds], title: await pageTitle(request, context, 'organisations.create.title') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: CreateOrganisationSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { slug } = await createOrganisation(context.db, actor, submission.value)
  return redirectWithToast(`/organisations/${slug}`, 'organisations.toast.created')
}

export default function NewOrganisationPage() {
  const { t } = useTranslation()
  const { kinds } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t('organisations.create.title')} description={t('organisations.create.lead')} />
      <Card>
        <CreateOrganisationForm kinds={kinds} lastResult={lastResult} />
      </Card>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
