import { parseWithZod } from '@conform-to/zod/v4'
import type { Actor, ActorMembership } from '../accounts/actor'
import { safeRedirectPath } from '../accounts/guards.server'
import type { Db } from '../../../db/client'
import { addBookmarkNote, bookmarkProposal, deleteBookmarkNote, editBookmarkNote, removeBookmark, setBookmarkTags } from './bookmarks.server'
import { WatchlistActionSchema } from './schemas'

export type WatchlistActionResult =
  | { ok: true; toast: string; redirectTo: string }
  | { ok: false; intent: string; target: string; errors: Record<string, string[]>; values: Record<string, string> }

/**
 * Runs one form of the watchlist, of a proposal page's watchlist panel or of a search result's
 * star (told apart by `intent`) for a member of an investor organisation. Ids of another
 * organisation throw a 404 (a colleague's note: 403).
 */
export async function runWatchlistAction(db: Db, actor: Actor, investor: ActorMembership, formData: FormData): Promise<WatchlistActionResult> {
  const submission = parseWithZod(formData, { schema: WatchlistActionSchema })
  const back = safeRedirectPath(formData.get('redirectTo'), '/watchlist')
  if (submission.status !== 'success') {
    const values = Object.fromEntries([...formData].map(([key, value]) => [key, typeof value === 'string' ? value.slice(0, 10_000) : '']))
    const target = values.noteId || values.bookmarkId || values.proposalId || ''
    const errors = Object.fromEntries(Object.entries(submission.error ?? {}).map(([key, messages]) => [key, messages ?? []]))
    return { ok: false, intent: values.intent ?? '', target, errors, values }
  }
  const input = submission.value
  switch (input.intent) {
    case 'bookmark':
      await bookmarkProposal(db, actor, investor, input.proposalId)
      return { ok: true, toast: 'watchlist.toast.added', redirectTo: back }
    case 'remove':
      await removeBookmark(db, investor, input.bookmarkId)
      return { ok: true, toast: 'watchlist.toast.removed', redirectTo: back }
    case 'tags':
      await setBookmarkTags(db, investor, input.bookmarkId, input.tags)
      return { ok: true, toast: 'watchlist.toast.tagsSaved', redirectTo: back }
    case 'add-note':
      await addBookmarkNote(db, actor, investor, input.bookmarkId, input.body)
      return { ok: true, toast: 'watchlist.toast.noteAdded', redirectTo: back }
    case 'edit-note':
      await editBookmarkNote(db, actor, investor, input.noteId, input.body)
      return { ok: true, toast: 'watchlist.toast.noteSaved', redirectTo: back }
    case 'delete-note':
      await deleteBookmarkNote(db, actor, investor, input.noteId)
      return { ok: true, toast: 'watchlist.toast.noteDeleted', redirectTo: back }
  }
}
