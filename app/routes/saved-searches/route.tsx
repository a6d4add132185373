import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { deleteSavedSearch, listSavedSearches, renameSavedSearch, savedSearchOf, setSavedSearchFrequency } from '~/modules/alerts/saved-searches.server'
import { MAX_SAVED_SEARCHES, RenameSavedSearchSchema, SavedSearchFrequencySchema, SavedSearchIdSchema } from '~/modules/alerts/schemas'
import { describeSearch } from '~/modules/alerts/search-summary'
import { formatDate } from '~/modules/i18n/format'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { SavedSearchItem } from './saved-search-item'

export const meta = titleMeta

/** One's own saved searches: open, rename, change the alerts, delete. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const t = getFixedT(locale)
  const rows = await listSavedSearches(context.db, actor)
  return {
    title: await pageTitle(request, context, 'alerts.list.title'),
    max: MAX_SAVED_SEARCHES,
    searches: rows.map((row) => ({
      id: row.id,
      name: row.name,
      frequency: row.frequency,
      url: row.query ? `/proposals?${row.query}` : '/proposals',
      summary: describeSearch(t, savedSearchOf(row.query), locale),
      lastAlert: row.lastAlertSentAt ? formatDate(row.lastAlertSentAt, locale) : null,
    })),
  }
}

const schemas = { rename: RenameSavedSearchSchema, frequency: SavedSearchFrequencySchema, delete: SavedSearchIdSchema } as const
type Intent = keyof typeof schemas

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  if (!Object.hasOwn(schemas, intent)) return data({ intent: null, id: null, result: null }, { status: 400 })
  const submission = parseWithZod(formData, { schema: schemas[intent as Intent] })
  if (submission.status !== 'success') return data({ intent, id: String(formData.get('id') ?? ''), result: submission.reply() }, { status: 400 })
  const { id } = submission.value
  if (intent === 'rename' && 'name' in submission.value) {
    await renameSavedSearch(context.db, actor, id, submission.value.name)
    return redirectWithToast('/saved-searches', 'alerts.toast.renamed')
  }
  if (intent === 'frequency' && 'frequency' in submission.value) {
    await setSavedSearchFrequency(context.db, actor, id, submission.value.frequency)
    return redirectWithToast('/saved-searches', 'alerts.toast.frequencyChanged')
  }
  await deleteSavedSearch(context.db, actor, id)
  return redirectWithToast('/saved-searches', 'alerts.toast.deleted')
}

export default function SavedSearchesPage() {
  const { t } = useTranslation()
  const { searches, max } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t('alerts.list.title')}
        description={t('alerts.list.lead')}
        actions={searches.length ? <span className="text-sm font-medium text-muted">{t('alerts.list.count', { count: searches.length, max })}</span> : null}
      />
      {searches.length ? (
        <ul className="space-y-4">
          {searches.map((search) => (
            <li key={search.id}>
              <SavedSearchItem search={search} failed={actionData?.id === search.id ? actionData : null} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState
          title={t('alerts.list.empty.title')}
          description={t('alerts.list.empty.description')}
          action={
            <Link to="/proposals" className={buttonClass('primary')}>
              {t('alerts.list.empty.action')}
            </Link>
          }
        />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
