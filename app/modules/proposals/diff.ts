/**
 * What changed between two versions of a proposal (the last published one and the working copy
 * under review), field by field and language by language, for the organisers' review page.
 * Pure: no database, usable on both sides.
 */
import type { ProposalSnapshot } from '../../../db/schema'
import { supportedLocales, type Locale } from '../i18n/locales'

/** The compared facts, in the order the review page lists them. */
export const diffedFields = [
  'amountSoughtCents',
  'minimumTicketCents',
  'preMoneyValuationCents',
  'instrument',
  'stage',
  'closingDate',
  'subsector',
  'trl',
  'developmentPhase',
  'modality',
  'therapeuticAreas',
  'regulatoryPathway',
  'deviceClass',
  'ipStatus',
  'useOfFunds',
  'originalLocale',
] as const satisfies readonly (keyof ProposalSnapshot)[]

export type DiffedField = (typeof diffedFields)[number]

export type FieldChange = {
  [K in DiffedField]: { field: K; before: ProposalSnapshot[K]; after: ProposalSnapshot[K] }
}[DiffedField]

export const textParts = ['title', 'summary', 'description'] as const
export type TextPart = (typeof textParts)[number]
export type SnapshotText = { title: string; summary: string; description: string }

export type TextChange =
  | { locale: Locale; change: 'added'; after: SnapshotText }
  | { locale: Locale; change: 'removed'; before: SnapshotText }
  | { locale: Locale; change: 'changed'; parts: { part: TextPart; before: string; after: string }[] }

export interface ProposalDiff {
  fields: FieldChange[]
  texts: TextChange[]
}

/** Values compared as the reader sees them: therapeutic areas as a set, use of funds as an ordered list. */
function comparable(field: DiffedField, value: unknown): string {
  if (field === 'therapeuticAreas' && Array.isArray(value)) return JSON.stringify([...value].sort())
  if (field === 'useOfFunds' && Array.isArray(value)) {
    return JSON.stringify(value.map((item: { label: string; amountCents: number }) => [item.label.trim(), item.amountCents]))
  }
  return JSON.stringify(value ?? null)
}

export function diffSnapshots(before: ProposalSnapshot, after: ProposalSnapshot): ProposalDiff {
  const fields: FieldChange[] = []
  for (const field of diffedFields) {
    if (comparable(field, before[field]) !== comparable(field, after[field])) {
      fields.push({ field, before: before[field] ?? null, after: after[field] ?? null } as FieldChange)
    }
  }
  const texts: TextChange[] = []
  for (const locale of supportedLocales) {
    const old = before.texts[locale]
    const now = after.texts[locale]
    if (!old && now) texts.push({ locale, change: 'added', after: now })
    else if (old && !now) texts.push({ locale, change: 'removed', before: old })
    else if (old && now) {
      const parts = textParts.filter((part) => old[part] !== now[part]).map((part) => ({ part, before: old[part], after: now[part] }))
      if (parts.length > 0) texts.push({ locale, change: 'changed', parts })
    }
  }
  return { fields, texts }
}

export function hasChanges(diff: ProposalDiff): boolean {
  return diff.fields.length > 0 || diff.texts.length > 0
}
