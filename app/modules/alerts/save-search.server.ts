/**
 * The search page's "save this search" form: who may save (signed in with a confirmed email,
 * under the limit), and the action that saves it and goes back to the same search.
 */
import { parseWithZod } from '@conform-to/zod/v4'
import type { AppLoadContext } from '@remix-run/node'
import type { TFunction } from 'i18next'
import type { Actor } from '~/modules/accounts/actor'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import type { Locale } from '~/modules/i18n/locales'
import { searchPageUrl, searchQueryString, type CatalogueSearch } from '~/modules/proposals/search-params'
import { redirectWithToast } from '~/modules/toast/toast.server'
import type { DbOrTx } from '../../../db/client'
import { canonicalSavedQuery, countSavedSearches, createSavedSearch, SavedSearchRuleError } from './saved-searches.server'
import { MAX_SAVED_SEARCHES, SAVED_SEARCH_NAME_MAX, SaveSearchSchema } from './schemas'
import { describeSearch } from './search-summary'

export async function saveSearchState(db: DbOrTx, actor: Actor | null, search: CatalogueSearch, t: TFunction, locale: Locale) {
  if (!actor) {
    const back = searchPageUrl({ ...search, page: 1 })
    return { kind: 'anonymous' as const, loginHref: `/login?redirectTo=${encodeURIComponent(back)}` }
  }
  if (!actor.emailVerified) return { kind: 'unverified' as const }
  if ((await countSavedSearches(db, actor)) >= MAX_SAVED_SEARCHES) return { kind: 'full' as const }
  const labels = describeSearch(t, search, locale)
  const suggestedName = (labels.length ? labels.join(' · ') : t('alerts.list.everything')).slice(0, SAVED_SEARCH_NAME_MAX)
  return { kind: 'ready' as const, query: searchQueryString({ ...search, page: 1 }), suggestedName }
}

export async function saveSearchFromPage(request: Request, context: AppLoadContext) {
  const actor = await requireVerifiedUser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: SaveSearchSchema })
  if (submission.status !== 'success') return { status: 'invalid' as const, reply: submission.reply() }
  try {
    await createSavedSearch(context.db, actor, submission.value)
  } catch (error) {
    if (error instanceof SavedSearchRuleError) return { status: 'invalid' as const, reply: submission.reply({ formErrors: [error.messageKey] }) }
    throw error
  }
  const query = canonicalSavedQuery(submission.value.query)
  return { status: 'saved' as const, response: await redirectWithToast(query ? `/proposals?${query}` : '/proposals', 'alerts.toast.saved') }
}
