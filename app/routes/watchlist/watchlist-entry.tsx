import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '~/components/ui/card'
import { Button } from '~/components/ui/button'
import { Field, TextareaField } from '~/components/ui/field'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { labelKey } from '~/modules/proposals/labels'
import type { ClosedReason } from '~/modules/proposals/taxonomy'
import type { WatchlistItem, WatchlistNote } from '~/modules/watchlist/bookmarks.server'
import { NOTE_MAX_LENGTH } from '~/modules/watchlist/schemas'
import type { action } from './route'

type Serialized<T> = {
  [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K]
}
type Item = Omit<Serialized<WatchlistItem>, 'notes'> & {
  notes: Serialized<WatchlistNote>[]
}

/** The errors and typed values the action sent back for one form (its intent and target id), if any. */
function useFormReply(intent: string, target: string) {
  const reply = useActionData<typeof action>()
  if (!reply || reply.ok || reply.intent !== intent || reply.target !== target) return null
  return reply
}

function useSubmitting(intent: string, target: string) {
  const navigation = useNavigation()
  const form = navigation.formData
  return navigation.state === 'submitting' && form?.get('intent') === intent && (form.get('bookmarkId') === target || form.get('noteId') === target)
}

/** A form posting one intent to the watchlist, coming back to the page it was sent from. */
function ActionForm({
  intent,
  here,
  ids,
  children,
  className,
}: {
  intent: string
  here: string
  ids: Record<string, string>
  children: ReactNode
  className?: string
}) {
  return (
    <Form method="post" action="/watchlist" className={className}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="redirectTo" value={here} />
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  )
}

const statusTone = {
  open: 'success',
  closed: 'neutral',
  hidden: 'warning',
} as const

/** One bookmarked proposal with its tags and the organisation's notes. */
export function WatchlistEntry({ item, locale, here }: { item: Item; locale: Locale; here: string }) {
  const { t } = useTranslation()
  const title = item.title ?? t('watchlist.item.untitled', { startup: item.startupName })
  const status =
    item.status === 'closed' && item.closedReason
      ? `${t('watchlist.status.closed')} · ${t(labelKey.closedReason(item.closedReason as ClosedReason))}`
      : t(`watchlist.status.${item.status}`)
  const tagsReply = useFormReply('tags', item.bookmarkId)
  return (
    <article className="rounded-2xl border border-line bg-white p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-medium text-muted">{item.startupName}</p>
          <h2 lang={item.lang ?? undefined} className="mt-1 text-lg font-semibold leading-snug text-ink">
            {item.status === 'open' ? (
              <Link to={`/proposals/${item.proposalId}`} className="hover:text-brand-700 hover:underline">
                {title}
              </Link>
            ) : (
              title
            )}
          </h2>
          <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
            <Badge tone={statusTone[item.status]}>{status}</Badge>
            {item.amountSoughtCents !== null ? (
              <span>
                {t('watchlist.item.seeks', {
                  amount: formatMoney(item.amountSoughtCents, locale),
                })}
              </span>
            ) : null}
            {item.closingDate ? (
              <span>
                {t('watchlist.item.closes', {
                  date: formatDate(new Date(`${item.closingDate}T00:00:00Z`), locale),
                })}
              </span>
            ) : null}
            <span>
              {t('watchlist.item.bookmarkedOn', {
                date: formatDate(new Date(item.bookmarkedAt), locale, 'Europe/Madrid'),
              })}
            </span>
          </p>
        </div>
        <ActionForm intent="remove" here={here} ids={{ bookmarkId: item.bookmarkId }}>
          <Button type="submit" variant="secondary" title={t('watchlist.item.removeHint')} pending={useSubmitting('remove', item.bookmarkId)}>
            {t('watchlist.item.remove')}
          </Button>
        </ActionForm>
      </div>

      <div className="mt-5 grid gap-6 border-t border-line pt-5 lg:grid-cols-[1fr_1.4fr]">
        <section aria-label={t('watchlist.tags.label')}>
          <h3 className="text-sm font-semibold text-ink">{t('watchlist.tags.label')}</h3>
          {item.tags.length ? (
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {item.tags.map((tag) => (
                <li key={tag}>
                  <Link
                    to={`/watchlist?tag=${encodeURIComponent(tag)}`}
                    className="inline-flex rounded-full border border-brand-100 bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 hover:border-brand-300"
                  >
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">{t('watchlist.tags.none')}</p>
          )}
          <details className="mt-3" open={tagsReply !== null}>
            <summary className="cursor-pointer text-xs font-medium text-brand-700">{t('watchlist.tags.edit')}</summary>
            <ActionForm intent="tags" here={here} ids={{ bookmarkId: item.bookmarkId }} className="mt-2 space-y-2">
              <Field
                key={item.tags.join(',')}
                label={t('watchlist.tags.edit')}
                name="tags"
                defaultValue={tagsReply?.values.tags ?? item.tags.join(', ')}
                hint={t('watchlist.tags.hint')}
                errors={tagsReply?.errors.tags?.map((key) => t(key))}
              />
              <Button type="submit" variant="secondary" pending={useSubmitting('tags', item.bookmarkId)}>
                {t('watchlist.tags.save')}
              </Button>
            </ActionForm>
          </details>
        </section>

        <section aria-label={t('watchlist.notes.title')}>
          <h3 className="text-sm font-semibold text-ink">{t('watchlist.notes.title')}</h3>
          {item.notes.length ? (
            <ul className="mt-2 space-y-3">
              {item.notes.map((note) => (
                <li key={note.id}>
                  <NoteView note={note} locale={locale} here={here} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">{t('watchlist.notes.empty')}</p>
          )}
          <NewNoteForm bookmarkId={item.bookmarkId} here={here} />
        </section>
      </div>
    </article>
  )
}

function NoteView({ note, locale, here }: { note: Serialized<WatchlistNote>; locale: Locale; here: string }) {
  const { t } = useTranslation()
  const reply = useFormReply('edit-note', note.id)
  const saving = useSubmitting('edit-note', note.id)
  const deleting = useSubmitting('delete-note', note.id)
  return (
    <div className="rounded-xl border border-line bg-canvas/60 px-4 py-3">
      <p className="whitespace-pre-line text-sm text-ink">{note.body}</p>
      <p className="mt-2 text-xs text-muted">
        {note.authorName ?? t('watchlist.notes.formerMember')} · {formatDate(new Date(note.createdAt), locale, 'Europe/Madrid')}
        {note.updatedAt ? ` · ${t('watchlist.notes.edited')}` : null}
      </p>
      {note.mine ? (
        <details className="mt-2" open={reply !== null}>
          <summary className="cursor-pointer text-xs font-medium text-brand-700">{t('watchlist.notes.edit')}</summary>
          <ActionForm intent="edit-note" here={here} ids={{ noteId: note.id }} className="mt-2 space-y-2">
            <TextareaField
              label={t('watchlist.notes.edit')}
              name="body"
              rows={3}
              maxLength={NOTE_MAX_LENGTH}
              defaultValue={reply?.values.body ?? note.body}
              errors={reply?.errors.body?.map((key) => t(key))}
            />
            <div className="flex gap-2">
              <Button type="submit" variant="secondary" pending={saving}>
                {t('watchlist.notes.save')}
              </Button>
            </div>
          </ActionForm>
          <ActionForm intent="delete-note" here={here} ids={{ noteId: note.id }} className="mt-2">
            <Button type="submit" variant="ghost" pending={deleting} className="!px-2 !py-1 text-danger">
              {t('watchlist.notes.delete')}
            </Button>
          </ActionForm>
        </details>
      ) : null}
    </div>
  )
}

function NewNoteForm({ bookmarkId, here }: { bookmarkId: string; here: string }) {
  const { t } = useTranslation()
  const reply = useFormReply('add-note', bookmarkId)
  const adding = useSubmitting('add-note', bookmarkId)
  return (
    <ActionForm intent="add-note" here={here} ids={{ bookmarkId }} className="mt-3 space-y-2">
      <TextareaField
        key={adding ? 'sending' : 'idle'}
        label={t('watchlist.notes.new')}
        name="body"
        rows={2}
        maxLength={NOTE_MAX_LENGTH}
        defaultValue={reply?.values.body ?? ''}
        errors={reply?.errors.body?.map((key) => t(key))}
      />
      <Button type="submit" pending={adding}>
        {t('watchlist.notes.add')}
      </Button>
    </ActionForm>
  )
}
