import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useSchemaForm } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Localized, useRoundTime } from '~/components/rounds/round-bits'
import { Button, buttonClass } from '~/components/ui/button'
import { Badge, Card, Notice } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { notFound, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { acceptJuryInvitation, findJuryInvitationByToken } from '~/modules/rounds/jurors.server'
import { roundRuleReply } from '~/modules/rounds/round-rule-error'
import { AcceptJurySchema } from '~/modules/rounds/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta: MetaFunction = () => [{ title: 'Ponte' }, { name: 'referrer', content: 'no-referrer' }]

/** The page of a jury invitation link: sign in (or up) with the invited address, then accept. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const invitation = await findJuryInvitationByToken(context.db, params.token ?? '')
  if (!invitation) return data({ invitation: null, viewer: 'anonymous' as const }, { status: 404 })
  const viewer = !actor
    ? ('anonymous' as const)
    : actor.email.toLowerCase() !== invitation.email.toLowerCase()
      ? ('other-account' as const)
      : !actor.emailVerified
        ? ('unverified' as const)
        : ('invited' as const)
  const { id: _id, userId, ...shown } = invitation
  return { invitation: { ...shown, seated: Boolean(invitation.acceptedAt) && viewer === 'invited' && userId === actor?.userId }, viewer }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: AcceptJurySchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const invitation = await findJuryInvitationByToken(context.db, params.token ?? '')
  if (!invitation) throw notFound()
  try {
    const { roundSlug } = await acceptJuryInvitation(context.db, actor, invitation.id)
    return redirectWithToast(`/jury/${roundSlug}`, 'rounds.toast.juryJoined')
  } catch (error) {
    const reply = roundRuleReply('accept', submission, error)
    if (reply) return data({ result: reply.result }, { status: reply.status })
    throw error
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

export default function JuryInvitationPage() {
  const { t } = useTranslation()
  const { invitation, viewer } = useLoaderData<typeof loader>()
  const { inZone } = useRoundTime()
  if (!invitation) {
    return (
      <Card className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">{t('rounds.juryInvitation.invalidTitle')}</h1>
        <p className="mt-3 text-muted">{t('rounds.juryInvitation.invalid')}</p>
      </Card>
    )
  }
  return (
    <Card className="mx-auto max-w-xl space-y-5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{t('rounds.juryInvitation.badge')}</Badge>
        <Badge>{invitation.organisationName ? t('rounds.jury.forInvestor', { organisation: invitation.organisationName }) : t('rounds.jurorKinds.independent')}</Badge>
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">
        {t('rounds.juryInvitation.title')} <Localized text={invitation.roundName} />
      </h1>
      <p className="text-muted">
        {invitation.invitedBy
          ? t('rounds.juryInvitation.leadBy', { inviter: invitation.invitedBy, organiser: invitation.organiserName })
          : t('rounds.juryInvitation.lead', { organiser: invitation.organiserName })}
      </p>
      <p className="text-sm text-muted">
        {t('rounds.juryInvitation.closes', { time: t('rounds.window.inZone', { time: inZone(invitation.closesAt, invitation.timeZone), zone: invitation.timeZone }) })}
      </p>
      <InvitationState invitation={invitation} viewer={viewer} />
    </Card>
  )
}

function InvitationState({ invitation, viewer }: { invitation: NonNullable<Loaded['invitation']>; viewer: Loaded['viewer'] }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (invitation.seated) {
    return (
      <Link to={`/jury/${invitation.roundSlug}`} className={buttonClass('primary')}>
        {t('rounds.juryInvitation.open')}
      </Link>
    )
  }
  if (invitation.acceptedAt && viewer !== 'invited') return <Notice tone="info">{t('rounds.juryInvitation.used')}</Notice>
  if (viewer === 'anonymous') {
    const back = encodeURIComponent(location.pathname)
    return (
      <div className="space-y-4">
        <p className="text-sm">{t('rounds.juryInvitation.signInFirst', { email: invitation.email })}</p>
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
  if (viewer === 'other-account') return <Notice tone="danger">{t('rounds.juryInvitation.otherAccount', { email: invitation.email })}</Notice>
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
  return <AcceptForm />
}

function AcceptForm() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<typeof action>()
  const [form] = useSchemaForm({ id: 'accept-jury', schema: AcceptJurySchema, lastResult: reply?.result })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrors errors={allErrors(form, t)} />
      <p className="text-sm text-ink">{t('rounds.juryInvitation.explain')}</p>
      <Button type="submit" name="intent" value="accept" pending={navigation.state === 'submitting'}>
        {t('rounds.juryInvitation.accept')}
      </Button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
