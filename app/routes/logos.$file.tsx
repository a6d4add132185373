import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/modules/accounts/guards.server'
import { fileHeaders, openStoredFile } from '~/modules/files/storage.server'
import { acceptedTypes, typeOfMime } from '~/modules/files/sniff'
import { isPublicLogo } from '~/modules/startups/profile-editor.server'

/** A startup's logo (public). Only a name that is some public startup's current logo is served. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const file = params.file
  if (!(await isPublicLogo(context.db, file))) throw notFound()
  const extension = file!.split('.').pop()
  const type = Object.values(acceptedTypes).find((entry) => entry.extension === extension)
  const stored = type && typeOfMime(type.mimeType) !== 'pdf' ? await openStoredFile(context.config.uploadsDir, 'logos', file!) : null
  if (!stored || !type) throw notFound()
  return new Response(stored.body, {
    headers: fileHeaders(type.mimeType, stored.size, {
      'Cache-Control': 'public, max-age=86400',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Content-Disposition': 'inline',
      'Cross-Origin-Resource-Policy': 'same-origin',
    }),
  })
}
