import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, Card } from '~/components/ui/card'
import { notFound, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { acceptInvitation, declineInvitation, findInvitationByToken } from '~/modules/organisations/invitations.server'
import { ruleErrorReply } from '~/modules/organisations/replies.server'
import { RespondToInvitationSchema } from '~/modules/organisations/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { InvitationState } from './invitation-state'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.invitation ? `${data.invitation.organisationName} · Ponte` : 'Ponte' },
  { name: 'referrer', content: 'no-referrer' },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const invitation = await findInvitationByToken(context.db, params.token ?? '')
  if (!invitation) return data({ invitation: null, viewer: 'anonymous' as const }, { status: 404 })
  const viewer = !actor
    ? ('anonymous' as const)
    : actor.email.toLowerCase() !== invitation.email
      ? ('other-account' as const)
      : !actor.emailVerified
        ? ('unverified' as const)
        : ('invited' as const)
  const { id: _id, ...shown } = invitation
  return { invitation: { ...shown, joinedAs: invitation.status === 'accepted' && viewer === 'invited' }, viewer }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: RespondToInvitationSchema })
  if (submission.status !== 'success') return data({ intent: null, result: submission.reply() }, { status: 400 })
  const invitation = await findInvitationByToken(context.db, params.token ?? '')
  if (!invitation) throw notFound()
  const { intent } = submission.value
  try {
    if (intent === 'accept') {
      const { slug } = await acceptInvitation(context.db, actor, invitation.id)
      return redirectWithToast(`/organisations/${slug}`, 'organisations.toast.joined')
    }
    await declineInvitation(context.db, actor, invitation.id)
    return redirectWithToast('/dashboard', 'organisations.toast.declined')
  } catch (error) {
    const reply = ruleErrorReply(intent, submission, error)
    if (reply) return data(reply, { status: 400 })
    throw error
  }
}

export default function InvitationPage() {
  const { t } = useTranslation()
  const { invitation, viewer } = useLoaderData<typeof loader>()
  if (!invitation) {
    return (
      <Card className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">{t('organisations.invitation.invalidTitle')}</h1>
        <p className="mt-3 text-muted">{t('organisations.invitation.invalid')}</p>
      </Card>
    )
  }
  const values = { organisation: invitation.organisationName, role: t(`common.roles.${invitation.role}`) }
  return (
    <Card className="mx-auto max-w-xl space-y-5">
      <div className="flex items-center gap-2">
        <Badge tone="brand">{t(`common.kinds.${invitation.organisationKind}`)}</Badge>
        <Badge>{t(`common.roles.${invitation.role}`)}</Badge>
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{t('organisations.invitation.title', values)}</h1>
      <p className="text-muted">
        {invitation.invitedBy
          ? t('organisations.invitation.leadBy', { ...values, inviter: invitation.invitedBy })
          : t('organisations.invitation.lead', values)}
      </p>
      <InvitationState invitation={invitation} viewer={viewer} />
    </Card>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
