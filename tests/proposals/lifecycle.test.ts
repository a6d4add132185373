import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createProposal, updateProposal } from '~/modules/proposals/editor.server'
import { closeProposal, expireDueProposals, publishProposal, requestChanges, submitProposal } from '~/modules/proposals/lifecycle.server'
import { ProposalRuleError } from '~/modules/proposals/rule-error'
import { proposals, proposalTexts, proposalTransitions, proposalVersions } from '../../db/schema'
import { runJobs } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser } from '../setup/factories'
import { actorFor, createOrganiser, createProposalFor, daysFromToday, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { thrownResponse } from '../setup/routes'

const t = useTestDatabase()

async function startupWithMember() {
  const user = await createUser(t.db)
  const startup = await createOrganisation(t.db, 'startup', { members: [{ userId: user.id, role: 'member' }] })
  return { startup, member: await actorFor(t.db, user.id) }
}

async function proposalRow(id: string) {
  const [row] = await t.db.select().from(proposals).where(eq(proposals.id, id))
  return row!
}

async function transitions(id: string) {
  return t.db
    .select({ from: proposalTransitions.fromStatus, to: proposalTransitions.toStatus, actorId: proposalTransitions.actorId, comment: proposalTransitions.comment, closedReason: proposalTransitions.closedReason })
    .from(proposalTransitions)
    .where(eq(proposalTransitions.proposalId, id))
    .orderBy(asc(proposalTransitions.createdAt), asc(proposalTransitions.id))
}

async function publishedSnapshot(id: string) {
  const row = await proposalRow(id)
  const [version] = await t.db.select().from(proposalVersions).where(eq(proposalVersions.id, row.publishedVersionId!))
  return version!.snapshot
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('the proposal lifecycle', () => {
  it('goes draft -> submitted -> changes requested -> submitted -> published -> closed, recording each step', async () => {
    const { startup, member } = await startupWithMember()
    const { actor: organiser } = await createOrganiser(t.db)
    const id = await createProposal(t.db, member, startup.id, validProposalInput())
    expect((await proposalRow(id)).status).toBe('draft')

    await submitProposal(t.db, member, id)
    await requestChanges(t.db, organiser, id, 'Please detail the preclinical budget.')
    expect((await proposalRow(id)).status).toBe('changes_requested')
    await submitProposal(t.db, member, id)
    const versionId = await publishProposal(t.db, organiser, id, 'Looks good')
    const published = await proposalRow(id)
    expect(published).toMatchObject({ status: 'published', publishedVersionId: versionId })
    expect(published.firstPublishedAt).toBeInstanceOf(Date)
    expect((await publishedSnapshot(id)).texts.en?.title).toBe('Phage therapy against resistant hospital infections')

    await closeProposal(t.db, member, id, 'funded', 'Round filled')
    expect(await proposalRow(id)).toMatchObject({ status: 'closed', closedReason: 'funded' })
    expect(await transitions(id)).toEqual([
      { from: null, to: 'draft', actorId: member.userId, comment: null, closedReason: null },
      { from: 'draft', to: 'submitted', actorId: member.userId, comment: null, closedReason: null },
      { from: 'submitted', to: 'changes_requested', actorId: organiser.userId, comment: 'Please detail the preclinical budget.', closedReason: null },
      { from: 'changes_requested', to: 'submitted', actorId: member.userId, comment: null, closedReason: null },
      { from: 'submitted', to: 'published', actorId: organiser.userId, comment: 'Looks good', closedReason: null },
      { from: 'published', to: 'closed', actorId: member.userId, comment: 'Round filled', closedReason: 'funded' },
    ])
    // Closed is final: no more edits.
    expect(await rejection(updateProposal(t.db, member, id, validProposalInput()))).toBeInstanceOf(ProposalRuleError)
  })

  it('lets only organisers publish or request changes', async () => {
    const { startup, member } = await startupWithMember()
    const id = await createProposalFor(t.db, startup.id)
    await submitProposal(t.db, member, id)
    expect((await thrownResponse(publishProposal(t.db, member, id))).status).toBe(403)
    expect((await thrownResponse(requestChanges(t.db, member, id, 'Me myself'))).status).toBe(403)

    const investorUser = await createUser(t.db)
    await createOrganisation(t.db, 'investor', { members: [{ userId: investorUser.id }] })
    const investor = await actorFor(t.db, investorUser.id)
    // Not visible yet: the investor is not told it exists.
    expect((await thrownResponse(publishProposal(t.db, investor, id))).status).toBe(404)
    expect((await thrownResponse(submitProposal(t.db, investor, id))).status).toBe(404)
    const { actor: organiser } = await createOrganiser(t.db)
    await publishProposal(t.db, organiser, id)
    // Visible now: a 403.
    expect((await thrownResponse(closeProposal(t.db, investor, id, 'withdrawn'))).status).toBe(403)
    expect((await thrownResponse(publishProposal(t.db, organiser, 'not-a-uuid'))).status).toBe(404)
    expect((await proposalRow(id)).status).toBe('published')
  })

  it('refuses to request changes without a comment and to submit an incomplete proposal', async () => {
    const { startup, member } = await startupWithMember()
    const { actor: organiser } = await createOrganiser(t.db)
    const id = await createProposalFor(t.db, startup.id)
    await submitProposal(t.db, member, id)
    expect(await rejection(requestChanges(t.db, organiser, id, '   '))).toMatchObject({ messageKey: 'proposals.errors.commentRequired' })

    const stale = await createProposalFor(t.db, startup.id, { closingDate: daysFromToday(-1) })
    expect(await rejection(submitProposal(t.db, member, stale))).toMatchObject({ messageKey: 'proposals.errors.closingDatePast' })
    expect((await proposalRow(stale)).status).toBe('draft')
  })

  it('sends a published proposal back to review on a key-fact edit, keeping the published version visible', async () => {
    const { id, versionId, memberId, organiser } = await publishedProposal(t.db)
    const member = await actorFor(t.db, memberId)
    const outcome = await updateProposal(t.db, member, id, validProposalInput({ amountSoughtCents: 30_000_000, useOfFunds: [{ label: 'All of it', amountCents: 30_000_000 }] }))
    expect(outcome).toBe('back-to-review')
    expect(await proposalRow(id)).toMatchObject({ status: 'submitted', publishedVersionId: versionId, amountSoughtCents: 30_000_000 })
    expect((await publishedSnapshot(id)).amountSoughtCents).toBe(25_000_000)
    expect((await transitions(id)).at(-1)).toMatchObject({ from: 'published', to: 'submitted', actorId: memberId })

    await publishProposal(t.db, organiser, id)
    expect((await publishedSnapshot(id)).amountSoughtCents).toBe(30_000_000)
  })

  it('publishes a non-key edit at once as a new version', async () => {
    const { id, versionId, memberId } = await publishedProposal(t.db)
    const member = await actorFor(t.db, memberId)
    const input = validProposalInput({ therapeuticAreas: ['infectious_diseases', 'respiratory'] })
    input.texts.en!.description = 'A better description.'
    expect(await updateProposal(t.db, member, id, input)).toBe('republished')
    const row = await proposalRow(id)
    expect(row.status).toBe('published')
    expect(row.publishedVersionId).not.toBe(versionId)
    const snapshot = await publishedSnapshot(id)
    expect(snapshot.texts.en?.description).toBe('A better description.')
    expect(snapshot.therapeuticAreas).toEqual(['infectious_diseases', 'respiratory'])
    expect((await transitions(id)).at(-1)).toMatchObject({ from: 'published', to: 'published', comment: 'therapeuticAreas, description.en' })
    const texts = await t.db.select().from(proposalTexts).where(eq(proposalTexts.proposalId, id))
    expect(texts).toHaveLength(1)
  })

  it('closes overdue published proposals as expired, by Ponte, in the daily job', async () => {
    const due = await publishedProposal(t.db)
    const current = await publishedProposal(t.db, { organisationId: due.organisationId, memberId: due.memberId, organiser: due.organiser })
    const draft = await createProposalFor(t.db, due.organisationId, { closingDate: daysFromToday(1) })
    // The closing date of `due` passed (set directly: the editor refuses past dates).
    await t.db.update(proposals).set({ closingDate: daysFromToday(-1) }).where(eq(proposals.id, due.id))
    await t.db
      .update(proposalVersions)
      .set({ snapshot: { ...(await publishedSnapshot(due.id)), closingDate: daysFromToday(-1) } })
      .where(eq(proposalVersions.id, due.versionId))

    expect(await expireDueProposals(t.db, daysFromToday(0))).toEqual([due.id])
    expect(await proposalRow(due.id)).toMatchObject({ status: 'closed', closedReason: 'expired' })
    expect((await transitions(due.id)).at(-1)).toEqual({ from: 'published', to: 'closed', actorId: null, comment: null, closedReason: 'expired' })
    expect((await proposalRow(current.id)).status).toBe('published')
    expect((await proposalRow(draft)).status).toBe('draft')

    // Days later the daily job closes the other one too.
    await expireDueProposals(t.db, daysFromToday(200))
    expect((await proposalRow(current.id)).status).toBe('closed')
    expect((await proposalRow(draft)).status).toBe('draft')
  })

  it('runs as the proposals.expire job', async () => {
    const due = await publishedProposal(t.db, { overrides: { closingDate: daysFromToday(1) } })
    await t.db.update(proposals).set({ closingDate: '2020-01-01' }).where(eq(proposals.id, due.id))
    await t.db.update(proposalVersions).set({ snapshot: { ...(await publishedSnapshot(due.id)), closingDate: '2020-01-01' } }).where(eq(proposalVersions.id, due.versionId))
    const { enqueue } = await import('~/modules/jobs/queue.server')
    await enqueue(t.db, 'proposals.expire', {})
    await runJobs(t.db, t.url)
    expect(await proposalRow(due.id)).toMatchObject({ status: 'closed', closedReason: 'expired' })
  })
})
