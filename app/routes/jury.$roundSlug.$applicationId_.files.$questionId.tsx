import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { acceptedTypes, type AcceptedType } from '~/modules/files/sniff'
import { contentDisposition, downloadName, fileHeaders, openStoredFile } from '~/modules/files/storage.server'
import { juryAnswerFile } from '~/modules/rounds/reviews.server'

/** A file an applicant answered a question with, as a download for a juror who is not excluded from the application. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const answer = await juryAnswerFile(context.db, actor, params.roundSlug ?? '', params.applicationId, params.questionId)
  const extension = answer.storedFile.split('.').pop()
  const type = (Object.keys(acceptedTypes) as AcceptedType[]).find((key) => acceptedTypes[key].extension === extension)
  const file = type ? await openStoredFile(context.config.uploadsDir, 'documents', answer.storedFile) : null
  if (!file || !type) throw notFound()
  const headers = fileHeaders(acceptedTypes[type].mimeType, file.size, {
    'Content-Disposition': contentDisposition('attachment', downloadName(answer.fileName, type)),
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "sandbox; default-src 'none'",
  })
  return new Response(file.body, { status: 200, headers })
}
