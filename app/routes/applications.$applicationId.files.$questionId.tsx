import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/modules/accounts/guards.server'
import { getActor } from '~/modules/accounts/session.server'
import { acceptedTypes } from '~/modules/files/sniff'
import { downloadName, openStoredFile, privateFileHeaders } from '~/modules/files/storage.server'
import { answerFileFor } from '~/modules/rounds/applications.server'

/** A file uploaded as the answer to a round's question: for the applicant startup and the round's organisers; a 404 for anyone else. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const answer = await answerFileFor(context.db, actor, params.applicationId, params.questionId)
  const file = answer ? await openStoredFile(context.config.uploadsDir, 'documents', answer.storedFile) : null
  if (!answer || !file) throw notFound()
  const headers = privateFileHeaders(acceptedTypes[answer.type].mimeType, file.size, 'attachment', downloadName(answer.fileName, answer.type))
  return new Response(file.body, { status: 200, headers })
}
