import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProposalEditorForm } from '~/components/proposals/proposal-editor-form'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, Notice, PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { titleMeta } from '~/modules/i18n/title-meta'
import { editorDefaults, type StudioReply } from '~/modules/proposals/editor-form'
import { updateProposal, type UpdateOutcome } from '~/modules/proposals/editor.server'
import { closeProposal, submitProposal } from '~/modules/proposals/lifecycle.server'
import { ProposalRuleError } from '~/modules/proposals/rule-error'
import { CloseProposalSchema, proposalEditorSchema } from '~/modules/proposals/schemas'
import { getStudioProposal } from '~/modules/proposals/studio.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { CloseCard } from './close-card'
import { HistoryCard } from './history-card'

export const meta = titleMeta

const outcomeToasts: Record<UpdateOutcome, string> = {
  saved: 'proposals.toast.saved',
  'back-to-review': 'proposals.toast.backToReview',
  republished: 'proposals.toast.republished',
}

async function requireOwnProposal(args: LoaderFunctionArgs) {
  const { actor, membership } = await requireMembership(args.request, args.context, args.params.slug)
  if (membership.kind !== 'startup') throw notFound()
  const found = await getStudioProposal(args.context.db, membership.organisationId, args.params.proposalId)
  return { actor, membership, ...found }
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, membership, proposal, texts, history, visible } = await requireOwnProposal(args)
  const locale = await detectLocale(args.request, actor.locale)
  const titles = Object.fromEntries(Object.entries(texts).map(([lng, text]) => [lng, text.title]))
  const title = pickLocalizedText(titles, locale)
  return {
    startup: { slug: membership.organisationSlug, name: membership.organisationName },
    proposal: { id: proposal.id, status: proposal.status, closedReason: proposal.closedReason, visible },
    heading: title,
    defaults: editorDefaults(proposal, texts),
    history,
    title: `${title?.text ?? ''} · Ponte`,
  }
}

export async function action(args: ActionFunctionArgs) {
  const { actor, membership, proposal } = await requireOwnProposal(args)
  const { db } = args.context
  const formData = await args.request.formData()
  const here = `/studio/${membership.organisationSlug}/proposals/${proposal.id}`
  const closing = formData.get('intent') === 'close'
  const submission = closing ? parseWithZod(formData, { schema: CloseProposalSchema }) : parseWithZod(formData, { schema: proposalEditorSchema() })
  const form: StudioReply['form'] = closing ? 'close' : 'editor'
  if (submission.status !== 'success') {
    return data({ form, result: submission.reply() } satisfies StudioReply, { status: submission.status === 'error' ? 400 : 200 })
  }
  try {
    if (submission.value && 'reason' in submission.value) {
      await closeProposal(db, actor, proposal.id, submission.value.reason, submission.value.comment)
      return redirectWithToast(here, `proposals.toast.closed.${submission.value.reason}`)
    }
    const outcome = await updateProposal(db, actor, proposal.id, submission.value)
    if (formData.get('intent') === 'submit' && outcome === 'saved') {
      await submitProposal(db, actor, proposal.id)
      return redirectWithToast(here, 'proposals.toast.submitted')
    }
    return redirectWithToast(here, outcomeToasts[outcome])
  } catch (error) {
    if (!(error instanceof ProposalRuleError)) throw error
    return data({ form, result: submission.reply({ formErrors: [error.messageKey] }) } satisfies StudioReply, { status: 400 })
  }
}

export default function ProposalEditorPage() {
  const { t } = useTranslation()
  const { startup, proposal, heading, defaults, history } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const latestRequest = history.find((entry) => entry.to === 'changes_requested')
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p className="text-sm">
        <Link to={`/studio/${startup.slug}`} className="text-brand-700 hover:underline">
          {t('proposals.editor.backToStudio', { name: startup.name })}
        </Link>
      </p>
      <PageHeader
        title={heading?.text || t('proposals.studio.untitled')}
        description={
          <span className="flex flex-wrap items-center gap-3">
            <Badge tone={proposal.status === 'published' ? 'success' : 'neutral'}>{t(`proposals.taxonomy.statuses.${proposal.status}`)}</Badge>
            <Link to={`/studio/${startup.slug}/proposals/${proposal.id}/documents`} className="text-brand-700 hover:underline">
              {t('proposals.editor.documentsLink')}
            </Link>
            <Link to={`/studio/${startup.slug}/proposals/${proposal.id}/investors`} className="text-brand-700 hover:underline">
              {t('interests.inbox.studioLink')}
            </Link>
          </span>
        }
      />
      {proposal.status === 'changes_requested' && latestRequest ? (
        <Notice tone="info">{t('proposals.studio.next.changesRequested', { comment: latestRequest.comment ?? '' })}</Notice>
      ) : null}
      {proposal.status === 'submitted' ? <Notice tone="info">{t(proposal.visible ? 'proposals.studio.next.submittedVisible' : 'proposals.studio.next.submitted')}</Notice> : null}
      {proposal.status === 'closed' ? (
        <Notice tone="info">{t('proposals.editor.closedNotice', { reason: t(`proposals.taxonomy.closedReasons.${proposal.closedReason ?? 'withdrawn'}`) })}</Notice>
      ) : (
        <ProposalEditorForm defaultValue={defaults} lastResult={reply?.form === 'editor' ? reply.result : undefined} status={proposal.status} />
      )}
      {proposal.visible ? <CloseCard lastResult={reply?.form === 'close' ? reply.result : undefined} /> : null}
      <HistoryCard history={history} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
