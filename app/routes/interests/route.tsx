import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { buttonClass } from '~/components/ui/button'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { Pagination, pageLinks } from '~/components/ui/pagination'
import { requireInvestor, safeRedirectPath } from '~/modules/accounts/guards.server'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { withdrawInterest } from '~/modules/interests/interests.server'
import { listOwnInterests, readOwnInterestFilters } from '~/modules/interests/own-interests.server'
import { InterestRuleError } from '~/modules/interests/rule-error'
import { WithdrawSchema } from '~/modules/interests/schemas'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { OwnInterestEntry, StatusFilter } from './own-interest-entry'

export const meta = titleMeta

/**
 * The interests the person's investor organisations expressed, with the startups' answers:
 * filtered by status, paged. Members of investor organisations only (others get a 403).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireInvestor(request, context)
  const locale = await detectLocale(request, actor.locale)
  const filters = readOwnInterestFilters(new URL(request.url).searchParams)
  const list = await listOwnInterests(context.db, actor, locale, filters)
  return {
    ...list,
    filters,
    locale,
    severalFirms: actor.memberships.filter((m) => m.kind === 'investor').length > 1,
    title: `${getFixedT(locale)('interests.own.title')} · Ponte`,
  }
}

/** Withdraws one of the organisation's pending interests, back to the same page of the list. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireInvestor(request, context)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: WithdrawSchema })
  if (submission.status !== 'success') return data({ interestId: null, error: 'interests.errors.unknownInterest' }, { status: 400 })
  try {
    await withdrawInterest(context.db, actor, submission.value.id)
  } catch (error) {
    if (!(error instanceof InterestRuleError)) throw error
    return data({ interestId: submission.value.id, error: error.messageKey }, { status: error.status })
  }
  const back = safeRedirectPath(formData.get('redirectTo'), '/interests')
  return redirectWithToast(back.startsWith('/interests') ? back : '/interests', 'interests.toast.withdrawn')
}

export default function OwnInterestsPage() {
  const { t } = useTranslation()
  const { items, total, page, pageCount, counts, filters, locale, severalFirms } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const hrefFor = pageLinks(location.pathname, location.search)
  const expressedAny = Object.values(counts).some((n) => n > 0)
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t('interests.own.title')} description={t('interests.own.lead')} />
      {expressedAny ? <StatusFilter counts={counts} current={filters.status} /> : null}
      {reply && !reply.interestId ? <p className="mb-4 text-sm text-danger">{t(reply.error)}</p> : null}
      {items.length === 0 ? (
        filters.status ? (
          <EmptyState title={t('interests.own.noMatchTitle')} description={t('interests.own.noMatchText')} />
        ) : (
          <EmptyState
            title={t('interests.own.emptyTitle')}
            description={t('interests.own.emptyText')}
            action={
              <Link to="/proposals" className={buttonClass('secondary')}>
                {t('interests.conversations.browse')}
              </Link>
            }
          />
        )
      ) : (
        <>
          <p role="status" className="mb-3 text-sm font-medium text-muted">
            {t('interests.own.results', { count: total })}
          </p>
          <ul className="space-y-4">
            {items.map((item) => (
              <li key={item.id}>
                <OwnInterestEntry
                  item={item}
                  locale={locale}
                  here={here}
                  showInvestor={severalFirms}
                  error={reply?.interestId === item.id ? reply.error : null}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} label={t('interests.own.pagination')} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
