/**
 * Telling investors that a proposal on their watchlist changed: the members of every
 * organisation that bookmarked it get a 'bookmark.changed' notification (and an email per
 * their settings), in the transaction of the change. The title is the published version's in
 * each person's language; `context` picks the sentence (notifications.kinds.bookmark.changed).
 *
 * - closed as funded, withdrawn or expired (recordTransition);
 * - republished after a review of its key facts, saying whether the amount sought or the
 *   closing date changed (publishVersion);
 * - a new document in its data room (addProposalDocument);
 * - its closing date a week away or less, once per person and closing date (a daily job).
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../../db/client'
import { bookmarks, memberships, notifications, organisations, proposals, proposalVersions, users, type ProposalSnapshot } from '../../../db/schema'
import type { Locale } from '../i18n/locales'
import { notify } from '../notifications/notify.server'
import { visibleProposal } from '../proposals/disclosure.server'
import { pickProposalText } from '../proposals/proposal-text'
import { isoToday } from '../proposals/schemas'

export type BookmarkChange =
  | { context: 'funded' | 'withdrawn' | 'expired' }
  | { context: 'republished' | 'amount' | 'closingDate' | 'amountAndClosingDate'; amountSoughtCents: number; closingDate: string }
  | { context: 'document' }
  | { context: 'closingSoon'; closingDate: string }

/** Days before the closing date at which watchers are reminded. */
export const CLOSING_SOON_DAYS = 7

function linkFor(proposalId: string, change: BookmarkChange): string {
  return change.context === 'funded' || change.context === 'withdrawn' || change.context === 'expired' ? '/watchlist?status=closed' : `/proposals/${proposalId}`
}

/**
 * Notifies the members of the organisations that bookmarked `proposalId` (only `onlyUserIds`
 * among them when given). Nothing happens without bookmarks or a published version; changes
 * other than a closure need the proposal to be visible.
 */
export async function notifyBookmarkers(tx: DbOrTx, proposalId: string, change: BookmarkChange, onlyUserIds?: readonly string[]): Promise<void> {
  const recipients = await tx
    .selectDistinct({ userId: users.id, locale: users.locale })
    .from(bookmarks)
    .innerJoin(memberships, eq(memberships.organisationId, bookmarks.organisationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(bookmarks.proposalId, proposalId), onlyUserIds ? inArray(users.id, [...onlyUserIds]) : undefined))
  if (recipients.length === 0) return
  const [proposal] = await tx
    .select({ snapshot: proposalVersions.snapshot, visible: sql<boolean>`coalesce(${visibleProposal}, false)` })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(eq(proposals.id, proposalId))
  const closure = change.context === 'funded' || change.context === 'withdrawn' || change.context === 'expired'
  if (!proposal || (!closure && !proposal.visible)) return

  const byLocale = new Map<Locale, string[]>()
  for (const { userId, locale } of recipients) byLocale.set(locale, [...(byLocale.get(locale) ?? []), userId])
  for (const [locale, userIds] of byLocale) {
    const title = pickProposalText(proposal.snapshot.texts, locale, proposal.snapshot.originalLocale)?.title ?? ''
    await notify(tx, { userIds, kind: 'bookmark.changed', data: { proposalId, proposal: title, ...change }, link: linkFor(proposalId, change) })
  }
}

/** What a new published version changed for watchers, or null for the first publication. */
export function republicationChange(before: ProposalSnapshot | null, after: ProposalSnapshot): BookmarkChange | null {
  if (!before) return null
  const amount = before.amountSoughtCents !== after.amountSoughtCents
  const closing = before.closingDate !== after.closingDate
  const context = amount && closing ? 'amountAndClosingDate' : amount ? 'amount' : closing ? 'closingDate' : 'republished'
  return { context, amountSoughtCents: after.amountSoughtCents, closingDate: after.closingDate }
}

/**
 * The daily reminder: watchers of every visible proposal whose published closing date is within
 * CLOSING_SOON_DAYS are told, unless they were already told for that proposal and closing date
 * (an extended date is told again when it comes near). Returns how many people were told.
 */
export async function notifyClosingSoon(db: Db, today: string = isoToday()): Promise<number> {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + CLOSING_SOON_DAYS * 86_400_000).toISOString().slice(0, 10)
  return db.transaction(async (tx) => {
    // One run at a time, so two workers never tell the same person twice.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('watchlist.closing-soon'))`)
    const closingDate = sql<string>`${proposalVersions.snapshot} ->> 'closingDate'`
    const due = await tx
      .selectDistinct({ proposalId: proposals.id, closingDate, userId: memberships.userId })
      .from(bookmarks)
      .innerJoin(proposals, eq(proposals.id, bookmarks.proposalId))
      .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
      .innerJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
      .innerJoin(memberships, eq(memberships.organisationId, bookmarks.organisationId))
      .where(
        and(
          visibleProposal,
          sql`${closingDate} between ${today} and ${until}`,
          sql`not exists (select 1 from ${notifications} n where n.user_id = ${memberships.userId} and n.kind = 'bookmark.changed'
                and n.data ->> 'proposalId' = ${proposals.id}::text and n.data ->> 'context' = 'closingSoon' and n.data ->> 'closingDate' = ${closingDate})`,
        ),
      )
    const byProposal = new Map<string, { closingDate: string; userIds: string[] }>()
    for (const row of due) {
      const entry = byProposal.get(row.proposalId) ?? { closingDate: row.closingDate, userIds: [] }
      entry.userIds.push(row.userId)
      byProposal.set(row.proposalId, entry)
    }
    for (const [proposalId, { closingDate: date, userIds }] of byProposal) {
      await notifyBookmarkers(tx, proposalId, { context: 'closingSoon', closingDate: date }, userIds)
    }
    return due.length
  })
}
