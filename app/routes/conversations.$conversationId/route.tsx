import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { conversationCommitments, recordCommitment, withdrawCommitment } from '~/modules/interests/commitments.server'
import { conversationPage, postMessage, requireConversation } from '~/modules/interests/conversations.server'
import { InterestRuleError } from '~/modules/interests/rule-error'
import { CommitmentSchema, MessageSchema, WithdrawSchema } from '~/modules/interests/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { CommitmentsSection } from './commitments-section'
import { ContactsCard, MessageForm, MessageList } from './thread'

export const meta = titleMeta

/**
 * A conversation between an investor organisation and a startup after an introduction: both
 * sides' contacts, the messages, the soft commitments. Organisers read; others get a 404.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const access = await requireConversation(context.db, actor, params.conversationId)
  const [page, commitments] = await Promise.all([conversationPage(context.db, actor, access), conversationCommitments(context.db, access)])
  return { conversation: page, commitments, title: `${page.proposal} · Ponte` }
}

const forms = { message: MessageSchema, commit: CommitmentSchema, withdrawCommitment: WithdrawSchema } as const
type FormName = keyof typeof forms

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const access = await requireConversation(context.db, actor, params.conversationId)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const form: FormName = intent === 'commit' ? 'commit' : intent === 'withdrawCommitment' ? 'withdrawCommitment' : 'message'
  if (form === 'withdrawCommitment') formData.set('intent', 'withdraw')
  const submission = parseWithZod(formData, { schema: forms[form] })
  if (submission.status !== 'success') return data({ form, result: submission.reply() }, { status: 400 })
  const here = `/conversations/${access.id}`
  try {
    const value = submission.value
    if (value.intent === 'message') {
      await postMessage(context.db, actor, access, value.body)
      return redirect(`${here}#latest`)
    }
    if (value.intent === 'commit') {
      await recordCommitment(context.db, actor, access, value)
      return redirectWithToast(here, 'interests.toast.committed')
    }
    await withdrawCommitment(context.db, actor, access, value.id)
    const back = new URL(request.headers.get('Referer') ?? here, 'http://ponte').pathname
    return redirectWithToast(back.startsWith('/studio/') ? back : here, 'interests.toast.commitmentWithdrawn')
  } catch (error) {
    if (!(error instanceof InterestRuleError)) throw error
    return data({ form, result: submission.reply({ formErrors: [error.messageKey] }) }, { status: error.status })
  }
}

export default function ConversationPage() {
  const { t } = useTranslation()
  const { conversation, commitments } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { key } = useLocation()
  const counterpart = conversation.side === 'investor' ? conversation.startup.organisation : conversation.investor.organisation
  const participant = conversation.side !== 'organiser'
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link to={participant ? '/conversations' : '/organiser/conversations'} className="text-brand-700 hover:underline">
          ← {t('interests.conversations.back')}
        </Link>
      </p>
      <PageHeader
        title={participant ? counterpart : `${conversation.investor.organisation} ↔ ${conversation.startup.organisation}`}
        description={
          <Link to={`/proposals/${conversation.proposalId}`} className="text-brand-700 hover:underline">
            {conversation.proposal}
          </Link>
        }
      />
      {!participant ? <p className="mb-6 rounded-lg border border-line bg-canvas px-4 py-3 text-sm text-muted">{t('interests.conversations.moderating')}</p> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-6">
          <MessageList conversation={conversation} />
          {participant ? <MessageForm key={key} lastResult={reply?.form === 'message' ? reply.result : undefined} /> : null}
        </div>
        <div className="space-y-6">
          <ContactsCard conversation={conversation} />
          <CommitmentsSection
            side={conversation.side}
            commitments={commitments}
            lastResult={reply?.form === 'commit' || reply?.form === 'withdrawCommitment' ? reply.result : undefined}
          />
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
