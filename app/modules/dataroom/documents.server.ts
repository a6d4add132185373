import { and, desc, eq, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Actor } from '~/modules/accounts/actor'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { Locale } from '~/modules/i18n/locales'
import type { DocumentKind } from '~/modules/proposals/taxonomy'
import type { Db, DbOrTx } from '../../../db/client'
import { documentAccessLog, organisations, proposalDocuments, proposals, proposalTexts, users } from '../../../db/schema'
import { discardUploads, keepUpload, type ReceivedUpload, type UploadProblem } from '../files/storage.server'
import { isUuid } from '~/modules/proposals/access.server'
import { notifyBookmarkers } from '~/modules/watchlist/changes.server'

/**
 * The startup side of the data room: its documents (upload, list, soft delete) and the log of
 * who outside the startup viewed or downloaded them. Every function takes the organisation the
 * route already checked membership of, and finds nothing for another startup's proposal.
 */

/** A proposal of `organisationId` with its title in the reader's language, or null. */
export async function getOwnProposal(db: DbOrTx, organisationId: string, proposalId: string | undefined, locale: Locale) {
  if (!isUuid(proposalId)) return null
  const [proposal] = await db
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.organisationId, organisationId)))
    .limit(1)
  if (!proposal) return null
  const texts = await db.select({ locale: proposalTexts.locale, title: proposalTexts.title }).from(proposalTexts).where(eq(proposalTexts.proposalId, proposal.id))
  return { ...proposal, title: pickLocalizedText(Object.fromEntries(texts.map((text) => [text.locale, text.title])), locale) }
}

/** The documents of a proposal with who uploaded them, newest first. */
export function listDocumentsForStartup(db: DbOrTx, proposalId: string) {
  return db
    .select({
      id: proposalDocuments.id,
      kind: proposalDocuments.kind,
      originalName: proposalDocuments.originalName,
      mimeType: proposalDocuments.mimeType,
      sizeBytes: proposalDocuments.sizeBytes,
      createdAt: proposalDocuments.createdAt,
      uploadedBy: users.name,
    })
    .from(proposalDocuments)
    .leftJoin(users, eq(users.id, proposalDocuments.uploadedBy))
    .where(and(eq(proposalDocuments.proposalId, proposalId), isNull(proposalDocuments.deletedAt)))
    .orderBy(desc(proposalDocuments.createdAt))
}

/** Who viewed or downloaded which document, newest first (the latest 500). */
export function listAccessLog(db: DbOrTx, proposalId: string) {
  const viewer = alias(users, 'viewer')
  return db
    .select({
      id: documentAccessLog.id,
      action: documentAccessLog.action,
      createdAt: documentAccessLog.createdAt,
      documentName: proposalDocuments.originalName,
      personName: viewer.name,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(documentAccessLog)
    .innerJoin(proposalDocuments, eq(proposalDocuments.id, documentAccessLog.documentId))
    .leftJoin(viewer, eq(viewer.id, documentAccessLog.userId))
    .leftJoin(organisations, eq(organisations.id, documentAccessLog.organisationId))
    .where(eq(documentAccessLog.proposalId, proposalId))
    .orderBy(desc(documentAccessLog.createdAt))
    .limit(500)
}

/**
 * Stores a checked upload as a document of the proposal. A pitch deck must be a PDF; other
 * documents may be PDFs or images. Returns the problem when the file does not fit the kind.
 */
export async function addProposalDocument(
  db: Db,
  uploadsDir: string,
  actor: Actor,
  proposalId: string,
  kind: DocumentKind,
  upload: ReceivedUpload,
): Promise<{ ok: true; id: string } | { ok: false; problem: UploadProblem | 'deckNotPdf' }> {
  if (kind === 'deck' && upload.type !== 'pdf') {
    await discardUploads([upload])
    return { ok: false, problem: 'deckNotPdf' }
  }
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(proposalDocuments)
        .values({
          proposalId,
          kind,
          originalName: upload.originalName,
          storedName: upload.storedName,
          mimeType: upload.mimeType,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
          uploadedBy: actor.userId,
        })
        .returning({ id: proposalDocuments.id })
      // Investors watching the proposal hear of it (no name: the data room is for verified viewers).
      await notifyBookmarkers(tx, proposalId, { context: 'document' })
      // Moved into place inside the transaction: if the move fails, no row points at nothing.
      await keepUpload(uploadsDir, upload)
      return row!.id
    })
    return { ok: true, id }
  } catch (error) {
    await discardUploads([upload])
    throw error
  }
}

/** Soft-deletes a document of the proposal (kept on disk and in the access log). False when there is none. */
export async function deleteProposalDocument(db: DbOrTx, proposalId: string, documentId: string): Promise<boolean> {
  if (!isUuid(documentId)) return false
  const rows = await db
    .update(proposalDocuments)
    .set({ deletedAt: new Date() })
    .where(and(eq(proposalDocuments.id, documentId), eq(proposalDocuments.proposalId, proposalId), isNull(proposalDocuments.deletedAt)))
    .returning({ id: proposalDocuments.id })
  return rows.length > 0
}
