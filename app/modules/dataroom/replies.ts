import type { SubmissionResult } from '@conform-to/react'
import type { UploadProblem } from '../files/storage.server'

/** The reply of a page with several forms: which form, and its result. */
export interface DataRoomReply {
  intent: string | null
  result: SubmissionResult<string[]>
}

/** The translation key of an upload refusal. */
export function uploadProblemKey(problem: UploadProblem | 'deckNotPdf'): string {
  return `dataroom.upload.errors.${problem}`
}

/** A refused upload, with the message next to the file field (or above the form). */
export function uploadProblemReply(intent: string, field: string | null, problem: UploadProblem | 'deckNotPdf'): DataRoomReply {
  return { intent, result: { status: 'error', error: { [field ?? '']: [uploadProblemKey(problem)] } } }
}

/** 413 for a file over the limit, 400 for everything else. */
export function uploadProblemStatus(problem: UploadProblem | 'deckNotPdf'): number {
  return problem === 'tooLarge' ? 413 : 400
}
