import type { AppLoadContext } from '@remix-run/node'
import { notFound } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { downloadName, openStoredFile, privateFileHeaders } from '../files/storage.server'
import { typeOfMime } from '../files/sniff'
import { getDocumentForViewer, recordDocumentAccess } from './access.server'

/**
 * Streams a data-room document to someone allowed to see it (see access.server.ts), inline or
 * as a download, and logs the access. Everyone else gets a 404 that says nothing.
 */
export async function serveDocument(request: Request, context: AppLoadContext, documentId: string | undefined, action: 'view' | 'download') {
  const actor = await getActor(request, context)
  const access = await getDocumentForViewer(context.db, actor, documentId ?? '')
  if (!access) throw notFound()
  const { document } = access
  const type = typeOfMime(document.mimeType)
  const file = type ? await openStoredFile(context.config.uploadsDir, 'documents', document.storedName) : null
  if (!file || !type) throw notFound()
  await recordDocumentAccess(context.db, access, action)
  const headers = privateFileHeaders(document.mimeType, file.size, action === 'view' ? 'inline' : 'attachment', downloadName(document.originalName, type))
  return new Response(file.body, { status: 200, headers })
}
