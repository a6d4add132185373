import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useSchemaForm } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Button, buttonClass } from '~/components/ui/button'
import { Badge, Card, Notice } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { notFound, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { acceptInvitation, declineInvitation, findInvitationByToken } from '~/modules/organisations/invitations.server'
import { ruleErrorReply } from '~/modules/organisations/replies.server'
import { RespondToInvitationSchema } from '~/modules/organisations/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'

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

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

function InvitationState({ invitation, viewer }: { invitation: NonNullable<Loaded['invitation']>; viewer: Loaded['viewer'] }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (invitation.status === 'accepted') {
    return invitation.joinedAs ? (
      <Link to={`/organisations/${invitation.organisationSlug}`} className={buttonClass('primary')}>
        {t('organisations.invitation.open')}
      </Link>
    ) : (
      <Notice tone="info">{t('organisations.invitation.used')}</Notice>
    )
  }
  if (invitation.status !== 'pending') return <Notice tone="info">{t(`organisations.invitation.${invitation.status}`)}</Notice>
  if (viewer === 'anonymous') {
    const back = encodeURIComponent(location.pathname)
    return (
      <div className="space-y-4">
        <p className="text-sm">{t('organisations.invitation.signInFirst', { email: invitation.email })}</p>
        <div className="flex flex-wrap gap-3">
          <Link to={`/login?redirectTo=${back}`} className={buttonClass('primary')}>
            {t('organisations.invitation.login')}
          </Link>
          <Link to={`/signup?redirectTo=${back}`} className={buttonClass('secondary')}>
            {t('organisations.invitation.signup')}
          </Link>
        </div>
      </div>
    )
  }
  if (viewer === 'other-account') return <Notice tone="danger">{t('organisations.invitation.otherAccount', { email: invitation.email })}</Notice>
  if (viewer === 'unverified') {
    return (
      <Notice tone="info">
        {t('organisations.invitation.verifyFirst')}{' '}
        <Link to="/verify-email" className="font-semibold underline">
          {t('organisations.invitation.verifyLink')}
        </Link>
      </Notice>
    )
  }
  return <RespondForm />
}

function RespondForm() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<typeof action>()
  const [form] = useSchemaForm({ id: 'respond', schema: RespondToInvitationSchema, lastResult: reply?.result })
  const busy = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrors errors={allErrors(form, t)} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="accept" pending={busy('accept')}>
          {t('organisations.invitation.accept')}
        </Button>
        <Button type="submit" name="intent" value="decline" variant="secondary" pending={busy('decline')}>
          {t('organisations.invitation.decline')}
        </Button>
      </div>
    </Form>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
