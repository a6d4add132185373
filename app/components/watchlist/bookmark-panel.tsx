import { Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { ActionForm, NotesSection, TagsSection, useSubmitting, type Note } from './bookmark-forms'

export interface BookmarkState {
  bookmark: { id: string; tags: string[]; notes: Note[] } | null
}

/**
 * On a proposal's page, for members of investor organisations: add it to the watchlist, and once
 * it is there, file it under tags, keep the organisation's private notes on it, or remove it.
 * The forms post to the proposal page's own action (runWatchlistAction), so they work without JS.
 */
export function BookmarkPanel({ proposalId, state }: { proposalId: string; state: BookmarkState }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const navigation = useNavigation()
  const adding = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'bookmark'
  const here = `/proposals/${proposalId}`
  const { bookmark } = state
  const removing = useSubmitting('remove', bookmark?.id ?? '')
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('watchlist.button.title')}</h2>
      {bookmark ? (
        <>
          <p className="mt-2 flex items-center gap-2 text-sm font-medium text-success">
            <span aria-hidden="true">★</span>
            {t('watchlist.button.added')}
          </p>
          <div className="mt-4 space-y-5 border-t border-line pt-4">
            <TagsSection bookmarkId={bookmark.id} tags={bookmark.tags} here={here} />
            <NotesSection bookmarkId={bookmark.id} notes={bookmark.notes} locale={locale} here={here} />
          </div>
          <div className="mt-5 flex flex-wrap items-center gap-2 border-t border-line pt-4">
            <Link to="/watchlist" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
              {t('watchlist.button.open')}
            </Link>
            <ActionForm intent="remove" here={here} ids={{ bookmarkId: bookmark.id }} className="ml-auto">
              <Button type="submit" variant="secondary" pending={removing} title={t('watchlist.item.removeHint')}>
                {t('watchlist.button.remove')}
              </Button>
            </ActionForm>
          </div>
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-muted">{t('watchlist.button.lead')}</p>
          <ActionForm intent="bookmark" here={here} ids={{ proposalId }} className="mt-4">
            <Button type="submit" pending={adding}>
              <span aria-hidden="true">☆</span>
              {t('watchlist.button.add')}
            </Button>
          </ActionForm>
        </>
      )}
    </Card>
  )
}
