/**
 * Writing a proposal's working copy and its texts. Only members of the owning startup write;
 * closed proposals are read-only. Editing a published proposal:
 * - key facts (money, instrument, stage, closing date, use of funds, subsector, TRL, phase,
 *   regulatory pathway, IP status, a title or teaser) send it back to review (status submitted)
 *   while the published version stays the visible one;
 * - anything else (description, modality, therapeutic areas, device class) is published at once
 *   as a new version, and the transition's comment lists what changed.
 */
import { eq } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../../db/client'
import { proposals, proposalTexts, proposalVersions, type ProposalSnapshot } from '../../../db/schema'
import type { Actor } from '../accounts/actor'
import { forbidden, notFound } from '../accounts/guards.server'
import { supportedLocales, type Locale } from '../i18n/locales'
import { isMemberOf, loadProposalFor } from './access.server'
import { publishVersion, recordTransition, snapshotOf, textsOf } from './lifecycle.server'
import { ProposalRuleError } from './rule-error'
import type { ProposalInput, ProposalTexts } from './schemas'
import type { ProposalStatus } from './taxonomy'

function originalLocaleFor(texts: ProposalTexts, preferred: readonly (Locale | undefined)[]): Locale {
  for (const locale of preferred) if (locale && texts[locale]) return locale
  return supportedLocales.find((locale) => texts[locale]) ?? 'en'
}

function columnsOf(input: ProposalInput) {
  return {
    amountSoughtCents: input.amountSoughtCents,
    minimumTicketCents: input.minimumTicketCents,
    preMoneyValuationCents: input.preMoneyValuationCents,
    instrument: input.instrument,
    stage: input.stage,
    closingDate: input.closingDate,
    subsector: input.subsector,
    trl: input.trl,
    developmentPhase: input.developmentPhase,
    modality: input.modality,
    therapeuticAreas: input.therapeuticAreas,
    regulatoryPathway: input.regulatoryPathway,
    deviceClass: input.deviceClass,
    ipStatus: input.ipStatus,
    useOfFunds: input.useOfFunds.map((item) => ({ label: item.label, amountCents: item.amountCents })),
  }
}

async function replaceTexts(tx: DbOrTx, proposalId: string, texts: ProposalTexts) {
  await tx.delete(proposalTexts).where(eq(proposalTexts.proposalId, proposalId))
  const rows = supportedLocales.flatMap((locale) => {
    const text = texts[locale]
    return text ? [{ proposalId, locale, ...text }] : []
  })
  if (rows.length > 0) await tx.insert(proposalTexts).values(rows)
}

/**
 * A new proposal of `organisationId` (a draft unless `status` says otherwise; the import may
 * create submitted or published ones). `actor` null means Ponte itself (the import); a person
 * must be a member of the startup. Pass a transaction or the database.
 */
export async function createProposal(
  tx: DbOrTx,
  actor: Actor | null,
  organisationId: string,
  input: ProposalInput,
  options: { status?: Extract<ProposalStatus, 'draft' | 'submitted' | 'published'>; originalLocale?: Locale } = {},
): Promise<string> {
  if (actor && !isMemberOf(actor, organisationId)) throw notFound()
  if (actor && options.status === 'published') throw forbidden()
  const status = options.status ?? 'draft'
  const now = new Date()
  const [row] = await tx
    .insert(proposals)
    .values({
      organisationId,
      ...columnsOf(input),
      status: status === 'published' ? 'submitted' : status,
      originalLocale: originalLocaleFor(input.texts, [options.originalLocale, actor?.locale]),
      createdBy: actor?.userId ?? null,
      submittedAt: status === 'draft' ? null : now,
    })
    .returning()
  const proposal = row!
  await replaceTexts(tx, proposal.id, input.texts)
  const actorId = actor?.userId ?? null
  await recordTransition(tx, { proposalId: proposal.id, from: null, to: status === 'published' ? 'submitted' : status, actorId })
  if (status === 'published') {
    await publishVersion(tx, proposal, actorId)
    await recordTransition(tx, { proposalId: proposal.id, from: 'submitted', to: 'published', actorId })
  }
  return proposal.id
}

/** The fields whose change sends a published proposal back to review. */
const keyFields = [
  'amountSoughtCents',
  'minimumTicketCents',
  'preMoneyValuationCents',
  'instrument',
  'stage',
  'closingDate',
  'useOfFunds',
  'subsector',
  'trl',
  'developmentPhase',
  'regulatoryPathway',
  'ipStatus',
] as const satisfies readonly (keyof ProposalSnapshot)[]
const otherFields = ['modality', 'therapeuticAreas', 'deviceClass'] as const satisfies readonly (keyof ProposalSnapshot)[]

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Which key facts and which other fields differ between two snapshots. */
export function changedFields(before: ProposalSnapshot, after: ProposalSnapshot): { key: string[]; other: string[] } {
  const key: string[] = keyFields.filter((field) => !same(before[field], after[field]))
  const other: string[] = otherFields.filter((field) => !same(before[field], after[field]))
  for (const locale of supportedLocales) {
    const a = before.texts[locale]
    const b = after.texts[locale]
    if (a?.title !== b?.title) key.push(`title.${locale}`)
    if (a?.summary !== b?.summary) key.push(`summary.${locale}`)
    if (a?.description !== b?.description) other.push(`description.${locale}`)
  }
  return { key, other }
}

export type UpdateOutcome = 'saved' | 'back-to-review' | 'republished'

/** Saves the editor's input into the working copy (and, for a published proposal, see above). */
export async function updateProposal(db: Db, actor: Actor, id: string, input: ProposalInput): Promise<UpdateOutcome> {
  return db.transaction(async (tx) => {
    const { proposal } = await loadProposalFor(tx, actor, id, { lock: true, allow: ['member'] })
    if (proposal.status === 'closed') throw new ProposalRuleError('proposals.errors.closedReadOnly')
    const originalLocale = originalLocaleFor(input.texts, [proposal.originalLocale, actor.locale])
    const [updated] = await tx
      .update(proposals)
      .set({ ...columnsOf(input), originalLocale, updatedAt: new Date() })
      .where(eq(proposals.id, id))
      .returning()
    await replaceTexts(tx, id, input.texts)
    if (proposal.status !== 'published' || !proposal.publishedVersionId) return 'saved'

    const [published] = await tx.select({ snapshot: proposalVersions.snapshot }).from(proposalVersions).where(eq(proposalVersions.id, proposal.publishedVersionId))
    const after = snapshotOf(updated!, await textsOf(tx, id))
    const changes = published ? changedFields(published.snapshot, after) : { key: ['all'], other: [] }
    const comment = [...changes.key, ...changes.other].join(', ')
    if (changes.key.length > 0) {
      await tx.update(proposals).set({ status: 'submitted', submittedAt: new Date() }).where(eq(proposals.id, id))
      await recordTransition(tx, { proposalId: id, from: 'published', to: 'submitted', actorId: actor.userId, comment })
      return 'back-to-review'
    }
    if (changes.other.length === 0) return 'saved'
    await publishVersion(tx, updated!, actor.userId)
    await recordTransition(tx, { proposalId: id, from: 'published', to: 'published', actorId: actor.userId, comment })
    return 'republished'
  })
}
