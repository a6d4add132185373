/**
 * The life of a proposal. Every change runs in one transaction and leaves a proposalTransitions
 * row (actorId null when Ponte itself made it):
 *
 *   draft -> submitted                 startup member; the proposal must be complete
 *   changes_requested -> submitted     startup member
 *   submitted -> changes_requested     organiser, with a comment
 *   submitted -> published             organiser: freezes a version from the working copy
 *   published -> closed                startup member or organiser: funded or withdrawn
 *   published -> closed (expired)      Ponte, the day after the closing date (expireDueProposals)
 *
 * A published proposal whose key facts are being reviewed again (status submitted or
 * changes_requested with a published version) is still visible, so it can be closed too.
 * Who may act is checked here; a stranger gets 404 (403 for a visible proposal).
 */
import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm'
import { requestSearchSync } from '../../../search/sync.server'
import type { Db, DbOrTx } from '../../../db/client'
import { proposals, proposalTexts, proposalTransitions, proposalVersions, type ProposalSnapshot } from '../../../db/schema'
import type { Actor } from '../accounts/actor'
import { notifyBookmarkers, republicationChange } from '../watchlist/changes.server'
import { supportedLocales } from '../i18n/locales'
import { loadProposalFor, type WorkingCopy } from './access.server'
import { ProposalRuleError } from './rule-error'
import { isoToday, proposalRuleIssues } from './schemas'
import type { ClosedReason, ProposalStatus } from './taxonomy'

type TextRow = Pick<typeof proposalTexts.$inferSelect, 'locale' | 'title' | 'summary' | 'description'>

/** What a published version shows, frozen from the working copy and its texts. */
export function snapshotOf(workingCopy: WorkingCopy, texts: readonly TextRow[]): ProposalSnapshot {
  const byLocale: ProposalSnapshot['texts'] = {}
  for (const locale of supportedLocales) {
    const text = texts.find((t) => t.locale === locale)
    if (text) byLocale[locale] = { title: text.title, summary: text.summary, description: text.description }
  }
  return {
    originalLocale: workingCopy.originalLocale,
    texts: byLocale,
    amountSoughtCents: workingCopy.amountSoughtCents,
    minimumTicketCents: workingCopy.minimumTicketCents,
    preMoneyValuationCents: workingCopy.preMoneyValuationCents,
    instrument: workingCopy.instrument,
    stage: workingCopy.stage,
    closingDate: workingCopy.closingDate,
    subsector: workingCopy.subsector,
    trl: workingCopy.trl,
    developmentPhase: workingCopy.developmentPhase,
    modality: workingCopy.modality,
    therapeuticAreas: [...workingCopy.therapeuticAreas],
    regulatoryPathway: workingCopy.regulatoryPathway,
    deviceClass: workingCopy.deviceClass,
    ipStatus: workingCopy.ipStatus,
    useOfFunds: workingCopy.useOfFunds.map((item) => ({ ...item })),
  }
}

export async function textsOf(tx: DbOrTx, proposalId: string): Promise<TextRow[]> {
  return tx
    .select({ locale: proposalTexts.locale, title: proposalTexts.title, summary: proposalTexts.summary, description: proposalTexts.description })
    .from(proposalTexts)
    .where(eq(proposalTexts.proposalId, proposalId))
    .orderBy(asc(proposalTexts.locale))
}

export interface TransitionInput {
  proposalId: string
  from: ProposalStatus | null
  to: ProposalStatus
  actorId: string | null
  closedReason?: ClosedReason | null
  comment?: string | null
}

export async function recordTransition(tx: DbOrTx, t: TransitionInput): Promise<void> {
  await tx.insert(proposalTransitions).values({
    proposalId: t.proposalId,
    fromStatus: t.from,
    toStatus: t.to,
    actorId: t.actorId,
    closedReason: t.closedReason ?? null,
    comment: t.comment ?? null,
    // The transaction's now() is shared by its rows; the wall clock keeps their order.
    createdAt: sql`clock_timestamp()`,
  })
  // Every status change may change what search shows: the index follows in the same transaction's outbox.
  await requestSearchSync(tx, [t.proposalId])
  // Investors watching the proposal learn that it closed, in the same transaction.
  if (t.to === 'closed' && t.closedReason) await notifyBookmarkers(tx, t.proposalId, { context: t.closedReason })
}

/**
 * Writes a published version of the working copy and points the proposal at it. A proposal
 * republished after a review of its key facts tells the investors watching it (what changed).
 */
export async function publishVersion(tx: DbOrTx, proposal: WorkingCopy, actorId: string | null): Promise<string> {
  const snapshot = snapshotOf(proposal, await textsOf(tx, proposal.id))
  const reviewed = proposal.publishedVersionId !== null && proposal.status !== 'published'
  const [previous] = reviewed
    ? await tx.select({ snapshot: proposalVersions.snapshot }).from(proposalVersions).where(eq(proposalVersions.id, proposal.publishedVersionId!))
    : []
  const [version] = await tx.insert(proposalVersions).values({ proposalId: proposal.id, snapshot, publishedBy: actorId }).returning({ id: proposalVersions.id })
  const now = new Date()
  await tx
    .update(proposals)
    .set({ status: 'published', publishedVersionId: version!.id, firstPublishedAt: proposal.firstPublishedAt ?? now, updatedAt: now })
    .where(eq(proposals.id, proposal.id))
  const change = republicationChange(previous?.snapshot ?? null, snapshot)
  if (change) await notifyBookmarkers(tx, proposal.id, change)
  return version!.id
}

const COMMENT_MAX = 2000

function cleanComment(comment: string | null | undefined): string | null {
  const text = comment?.trim() ?? ''
  if (text.length > COMMENT_MAX) throw new ProposalRuleError('proposals.errors.commentTooLong', 'comment')
  return text === '' ? null : text
}

/** A startup member sends a draft (or a proposal with changes requested) for review. */
export async function submitProposal(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { proposal } = await loadProposalFor(tx, actor, id, { lock: true, allow: ['member'] })
    if (proposal.status !== 'draft' && proposal.status !== 'changes_requested') {
      throw new ProposalRuleError('proposals.errors.notSubmittable')
    }
    const texts = await textsOf(tx, id)
    const issues = proposalRuleIssues(
      { ...proposal, texts: Object.fromEntries(texts.map((t) => [t.locale, t])) },
      isoToday(),
    )
    if (issues.length > 0) throw new ProposalRuleError(issues[0]!.message, issues[0]!.path.join('.'))
    await tx.update(proposals).set({ status: 'submitted', submittedAt: new Date(), updatedAt: new Date() }).where(eq(proposals.id, id))
    await recordTransition(tx, { proposalId: id, from: proposal.status, to: 'submitted', actorId: actor.userId })
  })
}

/** An organiser sends a submitted proposal back to the startup with a comment. */
export async function requestChanges(db: Db, actor: Actor, id: string, comment: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { proposal } = await loadProposalFor(tx, actor, id, { lock: true, allow: ['organiser'] })
    const text = cleanComment(comment)
    if (!text) throw new ProposalRuleError('proposals.errors.commentRequired', 'comment')
    if (proposal.status !== 'submitted') throw new ProposalRuleError('proposals.errors.notUnderReview')
    await tx.update(proposals).set({ status: 'changes_requested', updatedAt: new Date() }).where(eq(proposals.id, id))
    await recordTransition(tx, { proposalId: id, from: 'submitted', to: 'changes_requested', actorId: actor.userId, comment: text })
  })
}

/** An organiser publishes a submitted proposal: its working copy becomes the visible version. */
export async function publishProposal(db: Db, actor: Actor, id: string, comment?: string | null): Promise<string> {
  return db.transaction(async (tx) => {
    const { proposal } = await loadProposalFor(tx, actor, id, { lock: true, allow: ['organiser'] })
    const text = cleanComment(comment)
    if (proposal.status !== 'submitted') throw new ProposalRuleError('proposals.errors.notUnderReview')
    const versionId = await publishVersion(tx, proposal, actor.userId)
    await recordTransition(tx, { proposalId: id, from: 'submitted', to: 'published', actorId: actor.userId, comment: text })
    return versionId
  })
}

/** Closing by a person: the startup or an organiser, as funded or withdrawn. */
export async function closeProposal(db: Db, actor: Actor, id: string, reason: ClosedReason, comment?: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const { proposal } = await loadProposalFor(tx, actor, id, { lock: true, allow: ['member', 'organiser'] })
    if (reason !== 'funded' && reason !== 'withdrawn') throw new ProposalRuleError('proposals.errors.closedReasonInvalid', 'reason')
    const text = cleanComment(comment)
    if (proposal.status === 'closed' || proposal.publishedVersionId === null) throw new ProposalRuleError('proposals.errors.notClosable')
    await tx.update(proposals).set({ status: 'closed', closedReason: reason, closedAt: new Date(), updatedAt: new Date() }).where(eq(proposals.id, id))
    await recordTransition(tx, { proposalId: id, from: proposal.status, to: 'closed', closedReason: reason, actorId: actor.userId, comment: text })
  })
}

/**
 * Closes as expired every visible proposal whose closing date is before `today` (YYYY-MM-DD,
 * UTC by default), both in the working copy and in the published version (an extension waiting
 * for review keeps it open). Returns the ids it closed.
 */
export async function expireDueProposals(db: Db, today: string = isoToday()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: proposals.id, status: proposals.status })
      .from(proposals)
      .innerJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
      .where(
        and(
          isNotNull(proposals.publishedVersionId),
          inArray(proposals.status, ['published', 'submitted', 'changes_requested']),
          lt(proposals.closingDate, today),
          sql`(${proposalVersions.snapshot} ->> 'closingDate') < ${today}`,
        ),
      )
      .for('update', { of: proposals, skipLocked: true })
    const now = new Date()
    for (const row of due) {
      await tx.update(proposals).set({ status: 'closed', closedReason: 'expired', closedAt: now, updatedAt: now }).where(eq(proposals.id, row.id))
      await recordTransition(tx, { proposalId: row.id, from: row.status, to: 'closed', closedReason: 'expired', actorId: null })
    }
    return due.map((row) => row.id)
  })
}
