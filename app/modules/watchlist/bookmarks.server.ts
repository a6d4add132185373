/**
 * An investor organisation's watchlist: bookmarked proposals with free tags and private notes.
 * Everything is the organisation's and read through its membership: a bookmark or note of
 * another organisation is never found (a 404), and nothing here is ever shown to a startup.
 * A note is edited or deleted by its author only (another member gets a 403).
 */
import { and, arrayContains, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { pageWithin } from '../../../db/paging'
import { bookmarkNotes, bookmarks, organisations, proposals, proposalVersions, users } from '../../../db/schema'
import type { Actor, ActorMembership } from '../accounts/actor'
import { forbidden, notFound } from '../accounts/guards.server'
import type { Locale } from '../i18n/locales'
import { isUuid } from '../proposals/access.server'
import { getProposalForViewer, visibleProposal } from '../proposals/disclosure.server'
import { snapshotTitle } from '../proposals/proposal-text'
import type { WatchlistStatus } from './schemas'

export const BOOKMARKS_PER_PAGE = 20

/** Bookmarks a proposal the actor can see in the catalogue (again: nothing changes). Returns the bookmark's id. */
export async function bookmarkProposal(db: DbOrTx, actor: Actor, investor: ActorMembership, proposalId: string): Promise<string> {
  const view = await getProposalForViewer(db, actor, proposalId)
  if (!view || !view.visible) throw notFound()
  await db.insert(bookmarks).values({ organisationId: investor.organisationId, proposalId: view.id, createdBy: actor.userId }).onConflictDoNothing()
  const [row] = await db
    .select({ id: bookmarks.id })
    .from(bookmarks)
    .where(and(eq(bookmarks.organisationId, investor.organisationId), eq(bookmarks.proposalId, view.id)))
  return row!.id
}

async function ownBookmark(db: DbOrTx, investor: ActorMembership, bookmarkId: string) {
  const [row] = await db
    .select({ id: bookmarks.id, proposalId: bookmarks.proposalId })
    .from(bookmarks)
    .where(and(eq(bookmarks.id, bookmarkId), eq(bookmarks.organisationId, investor.organisationId)))
  if (!row) throw notFound()
  return row
}

/** Removes a bookmark of the organisation, and its notes with it. Returns the proposal's id. */
export async function removeBookmark(db: DbOrTx, investor: ActorMembership, bookmarkId: string): Promise<string> {
  const bookmark = await ownBookmark(db, investor, bookmarkId)
  await db.delete(bookmarks).where(eq(bookmarks.id, bookmark.id))
  return bookmark.proposalId
}

/** Replaces a bookmark's tags (already normalised by the form's schema). */
export async function setBookmarkTags(db: DbOrTx, investor: ActorMembership, bookmarkId: string, tags: string[]): Promise<void> {
  const bookmark = await ownBookmark(db, investor, bookmarkId)
  await db.update(bookmarks).set({ tags }).where(eq(bookmarks.id, bookmark.id))
}

export async function addBookmarkNote(db: DbOrTx, actor: Actor, investor: ActorMembership, bookmarkId: string, body: string): Promise<void> {
  const bookmark = await ownBookmark(db, investor, bookmarkId)
  await db.insert(bookmarkNotes).values({ bookmarkId: bookmark.id, authorId: actor.userId, body })
}

/** A note of the organisation that the actor wrote: 404 for another organisation's, 403 for a colleague's. */
async function ownNote(db: DbOrTx, actor: Actor, investor: ActorMembership, noteId: string) {
  const [note] = await db
    .select({ id: bookmarkNotes.id, authorId: bookmarkNotes.authorId })
    .from(bookmarkNotes)
    .innerJoin(bookmarks, eq(bookmarks.id, bookmarkNotes.bookmarkId))
    .where(and(eq(bookmarkNotes.id, noteId), eq(bookmarks.organisationId, investor.organisationId)))
  if (!note) throw notFound()
  if (note.authorId !== actor.userId) throw forbidden()
  return note
}

export async function editBookmarkNote(db: DbOrTx, actor: Actor, investor: ActorMembership, noteId: string, body: string): Promise<void> {
  const note = await ownNote(db, actor, investor, noteId)
  await db.update(bookmarkNotes).set({ body, updatedAt: new Date() }).where(eq(bookmarkNotes.id, note.id))
}

export async function deleteBookmarkNote(db: DbOrTx, actor: Actor, investor: ActorMembership, noteId: string): Promise<void> {
  const note = await ownNote(db, actor, investor, noteId)
  await db.delete(bookmarkNotes).where(eq(bookmarkNotes.id, note.id))
}

/** The organisation's bookmark of a proposal with its tags and notes (for the proposal page's panel), or null. */
export async function getBookmarkOfProposal(db: DbOrTx, actor: Actor, investor: ActorMembership, proposalId: string) {
  if (!isUuid(proposalId)) return null
  const [row] = await db
    .select({ id: bookmarks.id, tags: bookmarks.tags })
    .from(bookmarks)
    .where(and(eq(bookmarks.organisationId, investor.organisationId), eq(bookmarks.proposalId, proposalId)))
  if (!row) return null
  return { ...row, notes: (await notesOfBookmarks(db, actor, [row.id])).get(row.id) ?? [] }
}

/**
 * For search result cards: null for people who cannot bookmark, else the organisation's bookmark
 * id of each of `proposalIds` it bookmarked (one query).
 */
export async function cardBookmarks(db: DbOrTx, actor: Actor | null, proposalIds: string[]): Promise<Record<string, string> | null> {
  const investor = watchlistMembership(actor)
  if (!investor) return null
  if (proposalIds.length === 0) return {}
  const rows = await db
    .select({ proposalId: bookmarks.proposalId, id: bookmarks.id })
    .from(bookmarks)
    .where(and(eq(bookmarks.organisationId, investor.organisationId), inArray(bookmarks.proposalId, proposalIds)))
  return Object.fromEntries(rows.map((row) => [row.proposalId, row.id]))
}

const statusOf = sql<WatchlistStatus>`case when ${proposals.status} = 'closed' then 'closed' when coalesce(${visibleProposal}, false) then 'open' else 'hidden' end`

const statusFilter: Record<WatchlistStatus, SQL> = {
  open: visibleProposal,
  closed: eq(proposals.status, 'closed'),
  hidden: and(ne(proposals.status, 'closed'), or(isNull(proposals.publishedVersionId), sql`${organisations.suspendedAt} is not null`))!,
}

export interface WatchlistNote {
  id: string
  body: string
  authorName: string | null
  mine: boolean
  createdAt: Date
  updatedAt: Date | null
}

/** The notes of each of `bookmarkIds` (the caller has checked they are the organisation's), oldest first. */
async function notesOfBookmarks(db: DbOrTx, actor: Actor, bookmarkIds: string[]): Promise<Map<string, WatchlistNote[]>> {
  const byBookmark = new Map<string, WatchlistNote[]>()
  if (bookmarkIds.length === 0) return byBookmark
  const rows = await db
    .select({
      id: bookmarkNotes.id,
      bookmarkId: bookmarkNotes.bookmarkId,
      body: bookmarkNotes.body,
      authorId: bookmarkNotes.authorId,
      authorName: users.name,
      createdAt: bookmarkNotes.createdAt,
      updatedAt: bookmarkNotes.updatedAt,
    })
    .from(bookmarkNotes)
    .leftJoin(users, eq(users.id, bookmarkNotes.authorId))
    .where(inArray(bookmarkNotes.bookmarkId, bookmarkIds))
    .orderBy(asc(bookmarkNotes.createdAt), asc(bookmarkNotes.id))
  for (const { bookmarkId, authorId, ...note } of rows) {
    byBookmark.set(bookmarkId, [...(byBookmark.get(bookmarkId) ?? []), { ...note, mine: authorId === actor.userId }])
  }
  return byBookmark
}

export interface WatchlistItem {
  bookmarkId: string
  proposalId: string
  status: WatchlistStatus
  closedReason: string | null
  title: string | null
  lang: Locale | null
  startupName: string
  amountSoughtCents: number | null
  closingDate: string | null
  tags: string[]
  bookmarkedAt: Date
  notes: WatchlistNote[]
}

/**
 * One page of the organisation's watchlist, newest bookmark first, filtered by tag and status,
 * with each bookmark's notes (oldest first) and every tag the organisation uses.
 */
export async function listWatchlist(
  db: DbOrTx,
  actor: Actor,
  investor: ActorMembership,
  locale: Locale,
  filters: { tag: string | null; status: WatchlistStatus | null; page: number },
) {
  const where = and(
    eq(bookmarks.organisationId, investor.organisationId),
    filters.tag ? arrayContains(bookmarks.tags, [filters.tag]) : undefined,
    filters.status ? statusFilter[filters.status] : undefined,
  )
  const [totals] = await db
    .select({ total: count() })
    .from(bookmarks)
    .innerJoin(proposals, eq(proposals.id, bookmarks.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(where)
  const total = totals?.total ?? 0
  const { page, pageCount, offset } = pageWithin(total, filters.page, BOOKMARKS_PER_PAGE)
  const rows = await db
    .select({
      bookmarkId: bookmarks.id,
      proposalId: proposals.id,
      tags: bookmarks.tags,
      bookmarkedAt: bookmarks.createdAt,
      status: statusOf,
      closedReason: proposals.closedReason,
      startupName: organisations.name,
      snapshot: proposalVersions.snapshot,
    })
    .from(bookmarks)
    .innerJoin(proposals, eq(proposals.id, bookmarks.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(where)
    .orderBy(desc(bookmarks.createdAt), desc(bookmarks.id))
    .limit(BOOKMARKS_PER_PAGE)
    .offset(offset)

  const notes = await notesOfBookmarks(db, actor, rows.map((row) => row.bookmarkId))
  const tagRows = await db.execute<{ tag: string }>(
    sql`select distinct unnest(${bookmarks.tags}) as tag from ${bookmarks} where ${bookmarks.organisationId} = ${investor.organisationId} order by tag`,
  )

  const items: WatchlistItem[] = rows.map((row) => ({
    bookmarkId: row.bookmarkId,
    proposalId: row.proposalId,
    status: row.status,
    closedReason: row.status === 'closed' ? row.closedReason : null,
    ...snapshotTitle(row.snapshot, locale),
    startupName: row.startupName,
    amountSoughtCents: row.snapshot?.amountSoughtCents ?? null,
    closingDate: row.snapshot?.closingDate ?? null,
    tags: row.tags,
    bookmarkedAt: row.bookmarkedAt,
    notes: notes.get(row.bookmarkId) ?? [],
  }))
  return { items, total, page, pageCount, tags: [...tagRows].map((row) => row.tag) }
}

/** The investor organisation a person bookmarks for: their first, once their email is verified. */
export function watchlistMembership(actor: Actor | null): ActorMembership | null {
  if (!actor?.emailVerified) return null
  return actor.memberships.find((m) => m.kind === 'investor') ?? null
}

/**
 * What a proposal page's watchlist panel needs: null for people who cannot bookmark (not an
 * investor organisation's member, or the proposal is not in the catalogue), else the bookmark
 * with its tags and notes.
 */
export async function bookmarkButtonState(db: DbOrTx, actor: Actor | null, proposal: { id: string; visible: boolean }) {
  const investor = watchlistMembership(actor)
  if (!actor || !investor || !proposal.visible) return null
  return { bookmark: await getBookmarkOfProposal(db, actor, investor, proposal.id) }
}
