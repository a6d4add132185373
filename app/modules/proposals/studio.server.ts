/**
 * What the startup's studio pages read: its proposals with their next step, and one proposal's
 * working copy with its history for the editor. Callers have checked the membership
 * (requireMembership); a proposal of another organisation is a 404.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { proposals, proposalTexts, proposalTransitions, users } from '../../../db/schema'
import { notFound } from '../accounts/guards.server'
import type { Locale } from '../i18n/locales'
import { pickLocalizedText } from '../i18n/localized-text'
import { isUuid, isVisible } from './access.server'
import type { ProposalTexts } from './schemas'
import type { ClosedReason, ProposalStatus } from './taxonomy'

export interface StudioProposalSummary {
  id: string
  title: string
  titleLang: Locale
  status: ProposalStatus
  closedReason: ClosedReason | null
  amountSoughtCents: number
  closingDate: string
  /** The published version is still what readers see (a key edit waiting for review). */
  visible: boolean
  /** The organisers' comment when changes were requested. */
  changesComment: string | null
  updatedAt: Date
}

/** The startup's proposals, newest first, each with the comment of its latest change request. */
export async function listStudioProposals(db: Db, organisationId: string, locale: Locale): Promise<StudioProposalSummary[]> {
  const rows = await db.select().from(proposals).where(eq(proposals.organisationId, organisationId)).orderBy(desc(proposals.updatedAt))
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.id)
  const [texts, requests] = await Promise.all([
    db.select({ proposalId: proposalTexts.proposalId, locale: proposalTexts.locale, title: proposalTexts.title }).from(proposalTexts).where(inArray(proposalTexts.proposalId, ids)),
    db
      .select({ proposalId: proposalTransitions.proposalId, comment: proposalTransitions.comment })
      .from(proposalTransitions)
      .where(and(inArray(proposalTransitions.proposalId, ids), eq(proposalTransitions.toStatus, 'changes_requested')))
      .orderBy(asc(proposalTransitions.createdAt)),
  ])
  const lastRequest = new Map(requests.map((r) => [r.proposalId, r.comment]))
  return rows.map((row) => {
    const titles = Object.fromEntries(texts.filter((t) => t.proposalId === row.id).map((t) => [t.locale, t.title]))
    const title = pickLocalizedText(titles, locale) ?? { text: '', lang: row.originalLocale }
    return {
      id: row.id,
      title: title.text,
      titleLang: title.lang,
      status: row.status,
      closedReason: row.closedReason,
      amountSoughtCents: row.amountSoughtCents,
      closingDate: row.closingDate,
      visible: isVisible(row),
      changesComment: row.status === 'changes_requested' ? (lastRequest.get(row.id) ?? null) : null,
      updatedAt: row.updatedAt,
    }
  })
}

export interface HistoryEntry {
  id: string
  from: ProposalStatus | null
  to: ProposalStatus
  closedReason: ClosedReason | null
  actorName: string | null
  comment: string | null
  createdAt: Date
}

/** One proposal of the startup for the editor: working copy, texts and status history. */
export async function getStudioProposal(db: Db, organisationId: string, proposalId: string | undefined) {
  if (!isUuid(proposalId)) throw notFound()
  const [proposal] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.organisationId, organisationId)))
  if (!proposal) throw notFound()
  const [textRows, history] = await Promise.all([
    db.select().from(proposalTexts).where(eq(proposalTexts.proposalId, proposalId)),
    db
      .select({
        id: proposalTransitions.id,
        from: proposalTransitions.fromStatus,
        to: proposalTransitions.toStatus,
        closedReason: proposalTransitions.closedReason,
        actorName: users.name,
        comment: proposalTransitions.comment,
        createdAt: proposalTransitions.createdAt,
      })
      .from(proposalTransitions)
      .leftJoin(users, eq(users.id, proposalTransitions.actorId))
      .where(eq(proposalTransitions.proposalId, proposalId))
      .orderBy(desc(proposalTransitions.createdAt)),
  ])
  const texts: ProposalTexts = {}
  for (const row of textRows) texts[row.locale] = { title: row.title, summary: row.summary, description: row.description }
  return { proposal, texts, history: history satisfies HistoryEntry[], visible: isVisible(proposal) }
}
