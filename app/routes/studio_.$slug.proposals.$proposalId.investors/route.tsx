import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LedgerCard } from '~/components/interests/ledger'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { commitmentLedger } from '~/modules/interests/commitments.server'
import { decideInterest, interestInbox } from '~/modules/interests/interests.server'
import { requireStartupProposal } from '~/modules/interests/parties.server'
import { InterestRuleError } from '~/modules/interests/rule-error'
import { DecideInterestSchema } from '~/modules/interests/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { Inbox } from './inbox'

export const meta = titleMeta

async function requireOwnProposal({ request, context, params }: LoaderFunctionArgs) {
  const { actor, membership } = await requireMembership(request, context, params.slug)
  if (membership.kind !== 'startup') throw notFound()
  const locale = await detectLocale(request, actor.locale)
  const proposal = await requireStartupProposal(context.db, membership.organisationId, params.proposalId, locale)
  return { actor, membership, proposal }
}

/** A startup's investors for one proposal: the interests received, and the ledger of soft commitments. */
export async function loader(args: LoaderFunctionArgs) {
  const { membership, proposal } = await requireOwnProposal(args)
  const { db } = args.context
  const [inbox, ledger] = await Promise.all([interestInbox(db, proposal.id), commitmentLedger(db, proposal.id, proposal.country)])
  return {
    startup: { slug: membership.organisationSlug, name: membership.organisationName },
    proposal: { id: proposal.id, title: proposal.title },
    inbox,
    ledger,
    title: `${proposal.title} · Ponte`,
  }
}

/** Accept (the introduction) or decline an interest. */
export async function action(args: ActionFunctionArgs) {
  const { actor, membership, proposal } = await requireOwnProposal(args)
  const submission = parseWithZod(await args.request.formData(), { schema: DecideInterestSchema })
  if (submission.status !== 'success') return data({ interestId: null, error: 'interests.errors.invalidAnswer' }, { status: 400 })
  const { interestId } = submission.value
  try {
    const conversationId = await decideInterest(args.context.db, actor, membership.organisationId, interestId, submission.value)
    if (conversationId) return redirectWithToast(`/conversations/${conversationId}`, 'interests.toast.accepted')
    return redirectWithToast(`/studio/${membership.organisationSlug}/proposals/${proposal.id}/investors`, 'interests.toast.declined')
  } catch (error) {
    if (!(error instanceof InterestRuleError)) throw error
    return data({ interestId, error: error.messageKey }, { status: error.status })
  }
}

export default function ProposalInvestorsPage() {
  const { t } = useTranslation()
  const { startup, proposal, inbox, ledger } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const pending = inbox.filter((entry) => entry.status === 'pending').length
  return (
    <div className="mx-auto max-w-4xl space-y-10">
      <div>
        <p className="text-sm">
          <Link to={`/studio/${startup.slug}/proposals/${proposal.id}`} className="text-brand-700 hover:underline">
            ← {t('interests.inbox.backToProposal')}
          </Link>
        </p>
        <PageHeader title={t('interests.inbox.title')} description={`${proposal.title} — ${t('interests.inbox.lead', { count: pending })}`} />
        {reply && !reply.interestId ? <p className="mb-4 text-sm text-danger">{t(reply.error)}</p> : null}
        <Inbox entries={inbox} error={reply?.interestId ? { interestId: reply.interestId, message: reply.error } : null} />
      </div>
      <LedgerCard ledger={ledger} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
