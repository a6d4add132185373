import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { Badge, PageHeader } from '~/components/ui/card'
import { canManageOrganisation } from '~/modules/accounts/actor'
import { forbidden, requireMembership } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { inviteMember, resendInvitation, revokeInvitation } from '~/modules/organisations/invitations.server'
import { changeMemberRole, leaveOrganisation, removeMember } from '~/modules/organisations/members.server'
import { getOrganisationPage } from '~/modules/organisations/organisations.server'
import { ruleErrorReply, unknownIntentReply } from '~/modules/organisations/replies.server'
import { organisationPageSchemas, type OrganisationPageIntent } from '~/modules/organisations/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { InvitationsCard } from './invitations-card'
import { InviteCard } from './invite-card'
import { MembersCard } from './members-card'
import { LeaveCard, OverviewCard } from './overview-card'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organisation.name} · Ponte` : 'Ponte' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, membership } = await requireMembership(request, context, params.slug)
  const page = await getOrganisationPage(context.db, actor, membership.organisationId)
  return { ...page, viewer: { userId: actor.userId, role: membership.role, canManage: canManageOrganisation(membership) } }
}

const isIntent = (value: unknown): value is OrganisationPageIntent =>
  typeof value === 'string' && Object.hasOwn(organisationPageSchemas, value)

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, membership } = await requireMembership(request, context, params.slug)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (!isIntent(intent)) return data(unknownIntentReply(), { status: 400 })
  if (intent !== 'leave' && !canManageOrganisation(membership)) throw forbidden()
  const submission = parseWithZod(formData, { schema: organisationPageSchemas[intent] })
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })

  const { db } = context
  const organisationId = membership.organisationId
  const here = `/organisations/${membership.organisationSlug}`
  const input = submission.value
  try {
    switch (input.intent) {
      case 'invite':
        await inviteMember(db, actor, organisationId, { ...input, locale: await detectLocale(request, actor.locale) })
        return redirectWithToast(here, 'organisations.toast.invited')
      case 'resend-invitation':
        await resendInvitation(db, actor, organisationId, input.invitationId)
        return redirectWithToast(here, 'organisations.toast.invitationResent')
      case 'revoke-invitation':
        await revokeInvitation(db, actor, organisationId, input.invitationId)
        return redirectWithToast(here, 'organisations.toast.invitationRevoked')
      case 'change-role':
        await changeMemberRole(db, actor, organisationId, input)
        return redirectWithToast(here, 'organisations.toast.roleChanged')
      case 'remove-member':
        await removeMember(db, actor, organisationId, input)
        return input.userId === actor.userId
          ? redirectWithToast('/dashboard', 'organisations.toast.left')
          : redirectWithToast(here, 'organisations.toast.memberRemoved')
      case 'leave':
        await leaveOrganisation(db, actor, organisationId)
        return redirectWithToast('/dashboard', 'organisations.toast.left')
    }
  } catch (error) {
    const reply = ruleErrorReply(intent, submission, error)
    if (reply) return data(reply, { status: 400 })
    throw error
  }
}

export default function OrganisationPage() {
  const { t } = useTranslation()
  const { organisation, members, invitations, viewer } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader
        title={organisation.name}
        actions={
          organisation.kind === 'startup' ? (
            <Link to={`/organisations/${organisation.slug}/profile`} className={buttonClass('secondary')}>
              {t('dataroom.profile.editLink')}
            </Link>
          ) : organisation.kind === 'investor' ? (
            <span className="flex flex-wrap gap-2">
              {viewer.canManage ? (
                <Link to={`/organisations/${organisation.slug}/investor-profile`} className={buttonClass('secondary')}>
                  {t('investors.profile.editLink')}
                </Link>
              ) : null}
              <Link to={`/organisations/${organisation.slug}/verification`} className={buttonClass('secondary')}>
                {t('investors.verification.link')}
              </Link>
            </span>
          ) : undefined
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="brand">{t(`common.kinds.${organisation.kind}`)}</Badge>
            <span>{t('organisations.page.yourRole', { role: t(`common.roles.${viewer.role}`) })}</span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <MembersCard members={members} viewer={viewer} />
          <InvitationsCard invitations={invitations} viewer={viewer} />
        </div>
        <div className="space-y-6">
          {viewer.canManage ? <InviteCard canInviteOwners={viewer.role === 'owner'} /> : null}
          <OverviewCard organisation={organisation} />
          <LeaveCard />
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
