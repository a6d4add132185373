import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CreateOrganisationForm } from '~/components/organisations/create-organisation-form'
import { useUiLocale } from '~/components/organisations/form-fields'
import { PlatformStats } from '~/components/organisations/platform-stats'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, Card, PageHeader } from '~/components/ui/card'
import { requireAdmin } from '~/modules/accounts/guards.server'
import { formatDate } from '~/modules/i18n/format'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { createOrganisation } from '~/modules/organisations/organisations.server'
import { getPlatformCounts, listLatestUsers } from '~/modules/organisations/platform.server'
import { CreateOrganisationSchema } from '~/modules/organisations/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request, context)
  const [counts, users] = await Promise.all([getPlatformCounts(context.db, actor), listLatestUsers(context.db, actor, 20)])
  return { title: await pageTitle(request, context, 'organisations.admin.title'), counts, users }
}

/** Creates an organiser organisation (the cluster or a partner association); the admin owns it and invites its people. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdmin(request, context)
  const submission = parseWithZod(await request.formData(), { schema: CreateOrganisationSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { slug } = await createOrganisation(context.db, actor, submission.value)
  return redirectWithToast(`/organisations/${slug}`, 'organisations.toast.created')
}

export default function AdminOverview() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { counts, users } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="space-y-8">
      <PageHeader title={t('organisations.admin.title')} description={t('organisations.admin.lead')} />
      <section aria-label={t('organisations.stats.label')}>
        <PlatformStats counts={counts} />
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="overflow-x-auto lg:col-span-2">
          <h2 className="text-lg font-semibold">{t('organisations.admin.latestUsers')}</h2>
          <table className="mt-4 w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t('organisations.admin.columns.name')}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t('organisations.admin.columns.email')}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t('organisations.admin.columns.joined')}</th>
                <th scope="col" className="py-2 font-medium">{t('organisations.admin.columns.status')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {users.map((user) => (
                <tr key={user.id}>
                  <td className="py-2 pr-4 font-medium text-ink">{user.name}</td>
                  <td className="py-2 pr-4 break-all text-muted">{user.email}</td>
                  <td className="py-2 pr-4 whitespace-nowrap text-muted">{formatDate(new Date(user.createdAt), locale)}</td>
                  <td className="py-2">
                    <span className="flex flex-wrap gap-1">
                      {user.disabledAt ? <Badge tone="warning">{t('organisations.admin.disabled')}</Badge> : null}
                      {user.emailVerifiedAt ? <Badge tone="success">{t('organisations.admin.verified')}</Badge> : <Badge>{t('organisations.admin.unverified')}</Badge>}
                      {user.isAdmin ? <Badge tone="brand">{t('common.nav.admin')}</Badge> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t('organisations.admin.createOrganiser')}</h2>
          <p className="mb-4 mt-1 text-sm text-muted">{t('organisations.admin.createOrganiserLead')}</p>
          <CreateOrganisationForm kinds={['organiser']} lastResult={lastResult} />
        </Card>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
