import { and, desc, eq, isNull } from 'drizzle-orm'
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { Locale } from '~/modules/i18n/locales'
import { getVerifiedInvestorMembership } from '~/modules/investors/verification.server'
import { isUuid, isVisible } from '~/modules/proposals/access.server'
import type { DbOrTx } from '../../../db/client'
import { documentAccessLog, ndaAcceptances, proposalDocuments, proposals, proposalTexts, proposalVersions } from '../../../db/schema'

/**
 * Who may open a proposal's data room (and its documents):
 * - the startup's own members and organisers, always;
 * - people of a verified investor organisation, while the proposal is visible (published and
 *   not closed), once they accepted its NDA terms;
 * - nobody else: they get the same 404 as for an id that does not exist.
 */
export type DataRoomRole = 'member' | 'organiser' | 'investor'

export interface DataRoomViewer {
  role: DataRoomRole
  /** The organisation the person acts for (the investor firm for investors). */
  organisationId: string | null
}

type ProposalRow = Pick<typeof proposals.$inferSelect, 'id' | 'organisationId' | 'status' | 'publishedVersionId' | 'originalLocale'>

async function loadProposal(db: DbOrTx, proposalId: string): Promise<ProposalRow | null> {
  if (!isUuid(proposalId)) return null
  const [row] = await db
    .select({
      id: proposals.id,
      organisationId: proposals.organisationId,
      status: proposals.status,
      publishedVersionId: proposals.publishedVersionId,
      originalLocale: proposals.originalLocale,
    })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .limit(1)
  return row ?? null
}

/**
 * How `actor` may see the data room of `proposal`, ignoring the NDA (null: not at all).
 * `ndaRequired` is true for investors, who see documents only after accepting it.
 */
async function dataRoomViewer(db: DbOrTx, actor: Actor | null, proposal: ProposalRow): Promise<DataRoomViewer | null> {
  if (!actor?.emailVerified) return null
  const own = actor.memberships.find((m) => m.organisationId === proposal.organisationId)
  if (own) return { role: 'member', organisationId: own.organisationId }
  if (isOrganiser(actor)) {
    return { role: 'organiser', organisationId: actor.memberships.find((m) => m.kind === 'organiser')?.organisationId ?? null }
  }
  if (!isVisible(proposal)) return null
  const investor = await getVerifiedInvestorMembership(db, actor)
  return investor ? { role: 'investor', organisationId: investor.organisationId } : null
}

export async function hasAcceptedNda(db: DbOrTx, proposalId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: ndaAcceptances.userId })
    .from(ndaAcceptances)
    .where(and(eq(ndaAcceptances.proposalId, proposalId), eq(ndaAcceptances.userId, userId)))
    .limit(1)
  return Boolean(row)
}

/** The title shown in the data room: the published one for investors, the working copy for the startup. */
async function proposalTitle(db: DbOrTx, proposal: ProposalRow, viewer: DataRoomViewer, locale: Locale) {
  if (proposal.publishedVersionId && viewer.role === 'investor') {
    const [version] = await db.select({ snapshot: proposalVersions.snapshot }).from(proposalVersions).where(eq(proposalVersions.id, proposal.publishedVersionId))
    const titles = Object.fromEntries(Object.entries(version?.snapshot.texts ?? {}).map(([lang, text]) => [lang, text?.title]))
    return pickLocalizedText(titles, locale)
  }
  const texts = await db.select({ locale: proposalTexts.locale, title: proposalTexts.title }).from(proposalTexts).where(eq(proposalTexts.proposalId, proposal.id))
  return pickLocalizedText(Object.fromEntries(texts.map((text) => [text.locale, text.title])), locale)
}

/** The live (not deleted) documents of a proposal, newest first. */
export function listLiveDocuments(db: DbOrTx, proposalId: string) {
  return db
    .select({
      id: proposalDocuments.id,
      kind: proposalDocuments.kind,
      originalName: proposalDocuments.originalName,
      mimeType: proposalDocuments.mimeType,
      sizeBytes: proposalDocuments.sizeBytes,
      createdAt: proposalDocuments.createdAt,
    })
    .from(proposalDocuments)
    .where(and(eq(proposalDocuments.proposalId, proposalId), isNull(proposalDocuments.deletedAt)))
    .orderBy(desc(proposalDocuments.createdAt))
}

/**
 * The data room page of a proposal for `actor`, or null (a 404) when they may not see it.
 * Investors who have not accepted the NDA get the terms and no documents.
 */
export async function getDataRoom(db: DbOrTx, actor: Actor | null, proposalId: string, locale: Locale) {
  const proposal = await loadProposal(db, proposalId)
  if (!proposal) return null
  const viewer = await dataRoomViewer(db, actor, proposal)
  if (!viewer || !actor) return null
  const ndaAccepted = viewer.role === 'investor' ? await hasAcceptedNda(db, proposal.id, actor.userId) : true
  return {
    proposalId: proposal.id,
    title: await proposalTitle(db, proposal, viewer, locale),
    role: viewer.role,
    ndaAccepted,
    documents: ndaAccepted ? await listLiveDocuments(db, proposal.id) : [],
  }
}

/**
 * Records a verified investor's acceptance of the proposal's NDA terms (idempotent: the first
 * acceptance stays). False when the actor may not accept it (not a verified investor, or the
 * proposal is not visible): the route answers 404.
 */
export async function acceptNda(db: DbOrTx, actor: Actor, proposalId: string, ipAddress: string | null): Promise<boolean> {
  const proposal = await loadProposal(db, proposalId)
  if (!proposal) return false
  const viewer = await dataRoomViewer(db, actor, proposal)
  if (viewer?.role !== 'investor' || !viewer.organisationId) return false
  await db
    .insert(ndaAcceptances)
    .values({ proposalId: proposal.id, userId: actor.userId, organisationId: viewer.organisationId, ipAddress })
    .onConflictDoNothing()
  return true
}

/**
 * A document `actor` may open, with how they may, or null (a 404): deleted documents, other
 * startups' documents, invisible proposals for investors and documents before the NDA all look
 * the same as an id that does not exist.
 */
export async function getDocumentForViewer(db: DbOrTx, actor: Actor | null, documentId: string) {
  if (!isUuid(documentId)) return null
  const [document] = await db
    .select()
    .from(proposalDocuments)
    .where(and(eq(proposalDocuments.id, documentId), isNull(proposalDocuments.deletedAt)))
    .limit(1)
  if (!document) return null
  const proposal = await loadProposal(db, document.proposalId)
  if (!proposal) return null
  const viewer = await dataRoomViewer(db, actor, proposal)
  if (!viewer || !actor) return null
  if (viewer.role === 'investor' && !(await hasAcceptedNda(db, proposal.id, actor.userId))) return null
  return { document, viewer, userId: actor.userId }
}

/**
 * Writes the access log row of a view or download. The startup's own members are not logged
 * (the log tells the startup who ELSE looked); investors and organisers always are.
 */
export async function recordDocumentAccess(
  db: DbOrTx,
  access: NonNullable<Awaited<ReturnType<typeof getDocumentForViewer>>>,
  action: 'view' | 'download',
): Promise<void> {
  if (access.viewer.role === 'member') return
  await db.insert(documentAccessLog).values({
    documentId: access.document.id,
    proposalId: access.document.proposalId,
    userId: access.userId,
    organisationId: access.viewer.organisationId,
    action,
  })
}
