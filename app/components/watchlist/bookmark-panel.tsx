import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'

export interface BookmarkState {
  bookmark: { id: string; tags: string[]; notes: number } | null
}

/** On a proposal's page, for members of investor organisations: add it to (or remove it from) the watchlist. */
export function BookmarkPanel({ proposalId, state }: { proposalId: string; state: BookmarkState }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formAction === '/watchlist'
  const here = `/proposals/${proposalId}`
  const { bookmark } = state
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('watchlist.button.title')}</h2>
      {bookmark ? (
        <>
          <p className="mt-2 flex items-center gap-2 text-sm font-medium text-success">
            <span aria-hidden="true">★</span>
            {t('watchlist.button.added')}
          </p>
          {bookmark.tags.length ? (
            <ul aria-label={t('watchlist.tags.label')} className="mt-3 flex flex-wrap gap-1.5">
              {bookmark.tags.map((tag) => (
                <li key={tag} className="rounded-full border border-brand-100 bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700">
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-sm text-muted">{t('watchlist.button.summary', { count: bookmark.notes })}</p>
          <div className="mt-4 flex flex-wrap items-center gap-2">
            <Link to="/watchlist" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
              {t('watchlist.button.open')}
            </Link>
            <Form method="post" action="/watchlist" className="ml-auto">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="bookmarkId" value={bookmark.id} />
              <input type="hidden" name="redirectTo" value={here} />
              <Button type="submit" variant="secondary" pending={pending} title={t('watchlist.item.removeHint')}>
                {t('watchlist.button.remove')}
              </Button>
            </Form>
          </div>
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-muted">{t('watchlist.button.lead')}</p>
          <Form method="post" action="/watchlist" className="mt-4">
            <input type="hidden" name="intent" value="bookmark" />
            <input type="hidden" name="proposalId" value={proposalId} />
            <input type="hidden" name="redirectTo" value={here} />
            <Button type="submit" pending={pending}>
              <span aria-hidden="true">☆</span>
              {t('watchlist.button.add')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  )
}
