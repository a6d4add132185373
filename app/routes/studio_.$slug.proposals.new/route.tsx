import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProposalEditorForm } from '~/components/proposals/proposal-editor-form'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { editorDefaults, type StudioReply } from '~/modules/proposals/editor-form'
import { createProposal } from '~/modules/proposals/editor.server'
import { submitProposal } from '~/modules/proposals/lifecycle.server'
import { proposalEditorSchema } from '~/modules/proposals/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta = titleMeta

async function requireStartup(args: LoaderFunctionArgs) {
  const { actor, membership } = await requireMembership(args.request, args.context, args.params.slug)
  if (membership.kind !== 'startup') throw notFound()
  return { actor, membership }
}

export async function loader(args: LoaderFunctionArgs) {
  const { membership } = await requireStartup(args)
  return {
    startup: { slug: membership.organisationSlug, name: membership.organisationName },
    defaults: editorDefaults(null, {}),
    title: await pageTitle(args.request, args.context, 'proposals.editor.newTitle'),
  }
}

export async function action(args: ActionFunctionArgs) {
  const { actor, membership } = await requireStartup(args)
  const formData = await args.request.formData()
  const submission = parseWithZod(formData, { schema: proposalEditorSchema() })
  // Adding or removing a use-of-funds row (without JavaScript) comes back with the new rows.
  if (submission.status !== 'success') {
    return data({ form: 'editor', result: submission.reply() } satisfies StudioReply, { status: submission.status === 'error' ? 400 : 200 })
  }
  const { db } = args.context
  const id = await db.transaction((tx) => createProposal(tx, actor, membership.organisationId, submission.value))
  const editor = `/studio/${membership.organisationSlug}/proposals/${id}`
  if (formData.get('intent') === 'submit') {
    await submitProposal(db, actor, id)
    return redirectWithToast(editor, 'proposals.toast.submitted')
  }
  return redirectWithToast(editor, 'proposals.toast.created')
}

export default function NewProposalPage() {
  const { t } = useTranslation()
  const { startup, defaults } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-2 text-sm">
        <Link to={`/studio/${startup.slug}`} className="text-brand-700 hover:underline">
          {t('proposals.editor.backToStudio', { name: startup.name })}
        </Link>
      </p>
      <PageHeader title={t('proposals.editor.newTitle')} description={t('proposals.editor.newLead')} />
      <ProposalEditorForm defaultValue={defaults} lastResult={reply?.result} status={null} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
