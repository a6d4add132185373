import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InvitationCard } from '~/components/organisations/invitation-card'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { Badge, EmptyState, PageHeader } from '~/components/ui/card'
import { requireUser, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { acceptInvitation, declineInvitation, listInvitationsForActor } from '~/modules/organisations/invitations.server'
import { ruleErrorReply } from '~/modules/organisations/replies.server'
import { RespondToInvitationByIdSchema } from '~/modules/organisations/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context)
  return {
    title: await pageTitle(request, context, 'common.nav.dashboard'),
    name: actor.name,
    organisations: actor.memberships.map((m) => ({ name: m.organisationName, slug: m.organisationSlug, kind: m.kind, role: m.role })),
    invitations: await listInvitationsForActor(context.db, actor),
    investor: actor.memberships.some((m) => m.kind === 'investor'),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: RespondToInvitationByIdSchema })
  if (submission.status !== 'success') return data({ intent: null, result: submission.reply() }, { status: 400 })
  const { intent, invitationId } = submission.value
  try {
    if (intent === 'accept') {
      const { slug } = await acceptInvitation(context.db, actor, invitationId)
      return redirectWithToast(`/organisations/${slug}`, 'organisations.toast.joined')
    }
    await declineInvitation(context.db, actor, invitationId)
    return redirectWithToast('/dashboard', 'organisations.toast.declined')
  } catch (error) {
    const reply = ruleErrorReply(intent, submission, error)
    if (reply) return data(reply, { status: 400 })
    throw error
  }
}

export default function Dashboard() {
  const { t } = useTranslation()
  const { name, organisations, invitations, investor } = useLoaderData<typeof loader>()
  const create = (
    <Link to="/organisations/new" className={buttonClass('primary')}>
      {t('common.dashboard.createOrganisation')}
    </Link>
  )
  return (
    <div className="space-y-10">
      <PageHeader title={t('common.dashboard.title', { name })} description={t('common.dashboard.lead')} actions={organisations.length > 0 ? create : undefined} />
      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-heading" className="space-y-4">
          <h2 id="invitations-heading" className="text-lg font-semibold">
            {t('organisations.dashboard.invitations')}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                <InvitationCard invitation={invitation} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {investor ? (
        <Link
          to="/interests"
          className="block rounded-2xl border border-line bg-white p-6 shadow-sm transition hover:border-brand-300 hover:shadow-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300"
        >
          <span className="block text-lg font-semibold text-ink">{t('interests.own.title')}</span>
          <span className="mt-1 block text-sm text-muted">{t('interests.own.dashboardText')}</span>
        </Link>
      ) : null}
      <section aria-labelledby="organisations-heading" className="space-y-4">
        <h2 id="organisations-heading" className="text-lg font-semibold">
          {t('common.dashboard.organisations')}
        </h2>
        {organisations.length === 0 ? (
          <EmptyState title={t('common.dashboard.noOrganisations')} description={t('common.dashboard.noOrganisationsText')} action={create} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {organisations.map((organisation) => (
              <li key={organisation.slug}>
                <Link
                  to={`/organisations/${organisation.slug}`}
                  className="block h-full rounded-2xl border border-line bg-white p-6 shadow-sm transition hover:border-brand-300 hover:shadow-md"
                >
                  <div className="flex flex-wrap gap-2">
                    <Badge tone="brand">{t(`common.kinds.${organisation.kind}`)}</Badge>
                    <Badge>{t(`common.roles.${organisation.role}`)}</Badge>
                  </div>
                  <h3 className="mt-4 text-base font-semibold text-ink">{organisation.name}</h3>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
