import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Field, TextareaField } from '~/components/ui/field'
import { formatDate } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import type { WatchlistActionResult } from '~/modules/watchlist/actions.server'
import type { WatchlistNote } from '~/modules/watchlist/bookmarks.server'
import { NOTE_MAX_LENGTH } from '~/modules/watchlist/schemas'
import { useViewerTimeZone } from '~/root'

/**
 * The forms of a bookmark's tags and notes, for the watchlist and the proposal page's panel.
 * Each posts to the page it is on, whose action runs runWatchlistAction and comes back to `here`
 * (a page without JavaScript too); a refused form shows its errors and what was typed.
 */

export type Serialized<T> = {
  [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K]
}
export type Note = Serialized<WatchlistNote>

/** The errors and typed values the action sent back for one form (its intent and target id), if any. */
function useFormReply(intent: string, target: string) {
  const reply = useActionData<WatchlistActionResult>()
  if (!reply || reply.ok || reply.intent !== intent || reply.target !== target) return null
  return reply
}

/** Whether the form of `intent` for `target` (a bookmark's or a note's id) is being sent. */
export function useSubmitting(intent: string, target: string) {
  const navigation = useNavigation()
  const form = navigation.formData
  return navigation.state === 'submitting' && form?.get('intent') === intent && (form.get('bookmarkId') === target || form.get('noteId') === target)
}

/** A form posting one watchlist intent to this page's action, coming back to `here`. */
export function ActionForm({ intent, here, ids, children, className }: { intent: string; here: string; ids: Record<string, string>; children: ReactNode; className?: string }) {
  return (
    <Form method="post" className={className}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="redirectTo" value={here} />
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  )
}

/** A bookmark's tags (each leading to the watchlist filtered by it), edited behind a toggle. */
export function TagsSection({ bookmarkId, tags, here }: { bookmarkId: string; tags: string[]; here: string }) {
  const { t } = useTranslation()
  const reply = useFormReply('tags', bookmarkId)
  return (
    <section aria-label={t('watchlist.tags.label')}>
      <h3 className="text-sm font-semibold text-ink">{t('watchlist.tags.label')}</h3>
      {tags.length ? (
        <ul className="mt-2 flex flex-wrap gap-1.5">
          {tags.map((tag) => (
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
      {/* Saved tags close the editor (a new key); a refused form keeps it open. */}
      <details key={tags.join(',')} className="mt-3" open={reply !== null}>
        <summary className="cursor-pointer text-xs font-medium text-brand-700">{t('watchlist.tags.edit')}</summary>
        <ActionForm intent="tags" here={here} ids={{ bookmarkId }} className="mt-2 space-y-2">
          <Field
            label={t('watchlist.tags.edit')}
            name="tags"
            defaultValue={reply?.values.tags ?? tags.join(', ')}
            hint={t('watchlist.tags.hint')}
            errors={reply?.errors.tags?.map((key) => t(key))}
          />
          <Button type="submit" variant="secondary" pending={useSubmitting('tags', bookmarkId)}>
            {t('watchlist.tags.save')}
          </Button>
        </ActionForm>
      </details>
    </section>
  )
}

/** The organisation's notes on a bookmark (each editable by its author), and a form for a new one. */
export function NotesSection({ bookmarkId, notes, locale, here }: { bookmarkId: string; notes: Note[]; locale: Locale; here: string }) {
  const { t } = useTranslation()
  return (
    <section aria-label={t('watchlist.notes.title')}>
      <h3 className="text-sm font-semibold text-ink">{t('watchlist.notes.title')}</h3>
      {notes.length ? (
        <ul className="mt-2 space-y-3">
          {notes.map((note) => (
            <li key={note.id}>
              <NoteView note={note} locale={locale} here={here} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted">{t('watchlist.notes.empty')}</p>
      )}
      <NewNoteForm bookmarkId={bookmarkId} here={here} />
    </section>
  )
}

function NoteView({ note, locale, here }: { note: Note; locale: Locale; here: string }) {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  const reply = useFormReply('edit-note', note.id)
  const saving = useSubmitting('edit-note', note.id)
  const deleting = useSubmitting('delete-note', note.id)
  return (
    <div className="rounded-xl border border-line bg-canvas/60 px-4 py-3">
      <p className="whitespace-pre-line text-sm text-ink">{note.body}</p>
      <p className="mt-2 text-xs text-muted">
        {note.authorName ?? t('watchlist.notes.formerMember')} · {formatDate(new Date(note.createdAt), locale, timeZone)}
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
