import type { AppLoadContext } from '@remix-run/node'
import { notFound } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { contentDisposition, downloadName, fileHeaders, openStoredFile } from '../files/storage.server'
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
  const name = downloadName(document.originalName, type)
  const headers = fileHeaders(document.mimeType, file.size, {
    'Content-Disposition': contentDisposition(action === 'view' ? 'inline' : 'attachment', name),
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  })
  return new Response(file.body, { status: 200, headers })
}
