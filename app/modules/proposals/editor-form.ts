/**
 * The editor form's values as Conform shows them (strings; amounts in euros), from a stored
 * working copy, and the replies the studio pages send back. Shared by server and browser.
 */
import type { SubmissionResult } from '@conform-to/react'
import { centsToInput, type ProposalTexts } from './schemas'

export const SPARE_USE_OF_FUNDS_ROWS = 3

interface StoredProposal {
  amountSoughtCents: number
  minimumTicketCents: number
  preMoneyValuationCents: number | null
  instrument: string
  stage: string
  closingDate: string
  subsector: string
  trl: number
  developmentPhase: string
  modality: string
  therapeuticAreas: string[]
  regulatoryPathway: string
  deviceClass: string | null
  ipStatus: string
  useOfFunds: { label: string; amountCents: number }[]
}

export function editorDefaults(proposal: StoredProposal | null, texts: ProposalTexts) {
  const rows = (proposal?.useOfFunds ?? []).map((item) => ({ label: item.label, amount: centsToInput(item.amountCents) }))
  return {
    texts,
    amountSought: centsToInput(proposal?.amountSoughtCents),
    minimumTicket: centsToInput(proposal?.minimumTicketCents),
    preMoneyValuation: centsToInput(proposal?.preMoneyValuationCents),
    instrument: proposal?.instrument ?? '',
    stage: proposal?.stage ?? '',
    closingDate: proposal?.closingDate ?? '',
    subsector: proposal?.subsector ?? '',
    trl: proposal ? String(proposal.trl) : '',
    developmentPhase: proposal?.developmentPhase ?? '',
    modality: proposal?.modality ?? '',
    therapeuticAreas: proposal?.therapeuticAreas ?? [],
    regulatoryPathway: proposal?.regulatoryPathway ?? '',
    deviceClass: proposal?.deviceClass ?? '',
    ipStatus: proposal?.ipStatus ?? '',
    // A few empty rows to type into, with or without JavaScript.
    useOfFunds: [...rows, ...Array.from({ length: Math.max(1, SPARE_USE_OF_FUNDS_ROWS - rows.length) }, () => ({ label: '', amount: '' }))],
  }
}
export type EditorDefaults = ReturnType<typeof editorDefaults>

/** What a studio action answers when a form was refused: which form, and Conform's result. */
export interface StudioReply {
  form: 'editor' | 'close'
  result: SubmissionResult<string[]>
}
