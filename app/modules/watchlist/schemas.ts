/**
 * The watchlist's forms, shared by the browser (Conform) and the server (parseWithZod). Error
 * messages are translation keys (`watchlist.errors.*`).
 *
 * Tags are free words an organisation files its bookmarks under: typed comma-separated, kept
 * trimmed, lower case, with single spaces; at most TAG_MAX_WORDS words and TAG_MAX_LENGTH
 * characters each, TAGS_MAX per bookmark, repeats dropped.
 */
import { z } from 'zod'

export const TAGS_MAX = 10
export const TAG_MAX_WORDS = 3
export const TAG_MAX_LENGTH = 40
export const NOTE_MAX_LENGTH = 5000

/** The tags of a comma-separated text, normalised and without repeats (not yet checked). */
export function normaliseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((tag) => tag !== '')
  return [...new Set(tags)]
}

export const watchlistStatuses = ['open', 'closed', 'hidden'] as const
export type WatchlistStatus = (typeof watchlistStatuses)[number]

const uuidField = () => z.uuid({ error: 'watchlist.errors.notFound' })

const tagsField = () =>
  z
    .string()
    .max(2000, { error: 'watchlist.errors.tagsTooMany' })
    .default('')
    .transform(normaliseTags)
    .check((ctx) => {
      if (ctx.value.length > TAGS_MAX) ctx.issues.push({ code: 'custom', message: 'watchlist.errors.tagsTooMany', input: ctx.value })
      if (ctx.value.some((tag) => tag.length > TAG_MAX_LENGTH || tag.split(' ').length > TAG_MAX_WORDS)) {
        ctx.issues.push({ code: 'custom', message: 'watchlist.errors.tagTooLong', input: ctx.value })
      }
    })

const noteField = () =>
  z
    .string({ error: 'watchlist.errors.noteRequired' })
    .trim()
    .min(1, { error: 'watchlist.errors.noteRequired' })
    .max(NOTE_MAX_LENGTH, { error: 'watchlist.errors.noteTooLong' })

/** Every form of the watchlist and of the bookmark button, told apart by `intent`. */
export const WatchlistActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('bookmark'), proposalId: uuidField() }),
  z.object({ intent: z.literal('remove'), bookmarkId: uuidField() }),
  z.object({ intent: z.literal('tags'), bookmarkId: uuidField(), tags: tagsField() }),
  z.object({ intent: z.literal('add-note'), bookmarkId: uuidField(), body: noteField() }),
  z.object({ intent: z.literal('edit-note'), noteId: uuidField(), body: noteField() }),
  z.object({ intent: z.literal('delete-note'), noteId: uuidField() }),
])
export type WatchlistAction = z.infer<typeof WatchlistActionSchema>

/** The watchlist's filters, from its URL (anything else is ignored). */
export function readWatchlistFilters(params: URLSearchParams): { tag: string | null; status: WatchlistStatus | null; page: number } {
  const tag = normaliseTags(params.get('tag') ?? '')[0] ?? null
  const status = watchlistStatuses.find((s) => s === params.get('status')) ?? null
  const page = Number.parseInt(params.get('page') ?? '1', 10)
  return { tag: tag && tag.length <= TAG_MAX_LENGTH ? tag : null, status, page: Number.isFinite(page) && page > 0 ? page : 1 }
}
