import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { expressInterest, withdrawInterest } from '~/modules/interests/interests.server'
import { InterestRuleError } from '~/modules/interests/rule-error'
import { ExpressInterestSchema, WithdrawSchema } from '~/modules/interests/schemas'
import { isUuid } from '~/modules/proposals/access.server'
import { redirectWithToast } from '~/modules/toast/toast.server'

/** The form lives on the proposal page; a plain visit goes there. */
export function loader({ params }: ActionFunctionArgs) {
  return redirect(isUuid(params.proposalId) ? `/proposals/${params.proposalId}` : '/proposals')
}

/** An investor expresses interest in the proposal, or withdraws a pending interest. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  if (!isUuid(params.proposalId)) throw new Response('Not found', { status: 404 })
  const here = `/proposals/${params.proposalId}`
  const formData = await request.formData()
  const withdrawing = formData.get('intent') === 'withdraw'
  const submission = withdrawing ? parseWithZod(formData, { schema: WithdrawSchema }) : parseWithZod(formData, { schema: ExpressInterestSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    if (submission.value.intent === 'withdraw') {
      await withdrawInterest(context.db, actor, submission.value.id)
      return redirectWithToast(here, 'interests.toast.withdrawn')
    }
    await expressInterest(context.db, actor, params.proposalId, submission.value)
    return redirectWithToast(here, 'interests.toast.sent')
  } catch (error) {
    if (!(error instanceof InterestRuleError)) throw error
    return data({ result: submission.reply({ formErrors: [error.messageKey] }) }, { status: error.status })
  }
}
