/** Organisers: the review queue, the review page with its diff, the decisions (investor verification: tests/investors). */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { updateProposal } from '~/modules/proposals/editor.server'
import { submitProposal } from '~/modules/proposals/lifecycle.server'
import { loader as queueLoader } from '~/routes/organiser.proposals._index/route'
import { loader as pageLoader } from '~/routes/proposals.$proposalId._index/route'
import { action as reviewAction, loader as reviewLoader } from '~/routes/organiser.proposals.$proposalId/route'
import { proposals, proposalTransitions } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { actorFor, createProposalFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { createViewers, type Role } from './viewers'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

let viewers: Awaited<ReturnType<typeof createViewers>>
beforeAll(async () => {
  viewers = await createViewers(t.db, context())
})

const nonOrganisers = ['signedIn', 'unverifiedInvestor', 'verifiedInvestor', 'otherStartupMember', 'member'] as const satisfies readonly Role[]

async function submitted(title: string) {
  const member = await actorFor(t.db, viewers.memberId)
  const id = await createProposalFor(t.db, viewers.startup.id, validProposalInput({ texts: { en: { title, summary: `${title} teaser`, description: 'Text' } } }))
  await submitProposal(t.db, member, id)
  return id
}

function review(role: Role, id: string, form?: Record<string, string>) {
  const request = makeRequest(`/organiser/proposals/${id}`, { cookie: viewers.cookies[role], form })
  return callRoute(form ? reviewAction : reviewLoader, request, context(), { proposalId: id })
}

async function status(id: string) {
  const [row] = await t.db.select({ status: proposals.status, publishedVersionId: proposals.publishedVersionId }).from(proposals).where(eq(proposals.id, id))
  return row!
}

describe('the review queue', () => {
  it('lists submitted proposals, the one waiting longest first, and the latest decisions', async () => {
    const older = await submitted('Submitted first')
    await t.db.update(proposals).set({ submittedAt: new Date(Date.UTC(2026, 0, 1)) }).where(eq(proposals.id, older))
    const newer = await submitted('Submitted second')
    await createProposalFor(t.db, viewers.startup.id)
    for (const role of ['organiser', 'admin'] as const) {
      const reply = await callRoute(queueLoader, makeRequest('/organiser/proposals', { cookie: viewers.cookies[role] }), context())
      expect(reply.status).toBe(200)
      const waiting = reply.data.waiting.map((item: { id: string }) => item.id)
      expect(waiting.indexOf(older)).toBeLessThan(waiting.indexOf(newer))
      expect(reply.data.waiting.find((item: { id: string }) => item.id === older)).toMatchObject({ title: { title: 'Submitted first' }, startupName: 'Fagos Atlánticos', isUpdate: false })
    }
    await review('organiser', older, { intent: 'request-changes', comment: 'Add your regulatory plan.' })
    const after = await callRoute(queueLoader, makeRequest('/organiser/proposals', { cookie: viewers.cookies.organiser }), context())
    expect(after.data.waiting.map((item: { id: string }) => item.id)).not.toContain(older)
    expect(after.data.decided[0]).toMatchObject({ proposalId: older, toStatus: 'changes_requested', comment: 'Add your regulatory plan.', decidedBy: 'Olga Organiser' })
  })

  it('is closed to everyone but organisers', async () => {
    const anonymous = await callRoute(queueLoader, makeRequest('/organiser/proposals'), context())
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
    for (const role of nonOrganisers) {
      const reply = await callRoute(queueLoader, makeRequest('/organiser/proposals', { cookie: viewers.cookies[role] }), context())
      expect(reply.status, role).toBe(403)
    }
  })
})

describe('reviewing a proposal', () => {
  it('shows a first submission in full, with no diff', async () => {
    const id = await submitted('A new proposal')
    const reply = await review('organiser', id)
    expect(reply.status).toBe(200)
    expect(reply.data.review).toMatchObject({ status: 'submitted', canDecide: true, diff: null, hasPublishedVersion: false, facts: { amountSoughtCents: 25_000_000 } })
    expect(reply.data.review.texts[0]).toMatchObject({ locale: 'en', title: 'A new proposal' })
  })

  it('lists what changed since the published version, field by field and language by language', async () => {
    const organiser = await actorFor(t.db, viewers.organiserId)
    const member = await actorFor(t.db, viewers.memberId)
    const base = validProposalInput()
    const { id } = await publishedProposal(t.db, { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser, overrides: base })
    await updateProposal(t.db, member, id, {
      ...base,
      amountSoughtCents: 30_000_000,
      trl: 5,
      useOfFunds: [
        { label: 'Preclinical studies', amountCents: 20_000_000 },
        { label: 'Team', amountCents: 10_000_000 },
      ],
      texts: {
        en: { ...base.texts.en!, summary: 'A sharper teaser.' },
        gl: { title: 'Terapia con fagos', summary: 'Fagos contra Pseudomonas.', description: 'Descrición.' },
      },
    })
    const reply = await review('organiser', id)
    const { diff } = reply.data.review
    expect(diff.fields.map((change: { field: string }) => change.field)).toEqual(['amountSoughtCents', 'trl', 'useOfFunds'])
    expect(diff.fields[0]).toEqual({ field: 'amountSoughtCents', before: 25_000_000, after: 30_000_000 })
    expect(diff.texts).toEqual([
      { locale: 'en', change: 'changed', parts: [{ part: 'summary', before: base.texts.en!.summary, after: 'A sharper teaser.' }] },
      { locale: 'gl', change: 'added', after: { title: 'Terapia con fagos', summary: 'Fagos contra Pseudomonas.', description: 'Descrición.' } },
    ])
    const queue = await callRoute(queueLoader, makeRequest('/organiser/proposals', { cookie: viewers.cookies.organiser }), context())
    expect(queue.data.waiting.find((item: { id: string }) => item.id === id)).toMatchObject({ isUpdate: true })
  })

  it('is closed to everyone but organisers, the startup included; unknown ids are a 404', async () => {
    const id = await submitted('Private review')
    expect((await review('anonymous', id)).status).toBe(302)
    for (const role of nonOrganisers) expect((await review(role, id)).status, role).toBe(403)
    expect((await review('organiser', crypto.randomUUID())).status).toBe(404)
    expect((await review('organiser', 'not-a-uuid')).status).toBe(404)
  })
})

describe('deciding', () => {
  it('publishes, with an optional comment the startup sees; the proposal enters the catalogue', async () => {
    const id = await submitted('To be published')
    const reply = await review('organiser', id, { intent: 'publish', comment: 'Welcome to Ponte.' })
    expect(reply.status).toBe(302)
    expect(reply.location).toBe('/organiser/proposals')
    expect(await status(id)).toMatchObject({ status: 'published', publishedVersionId: expect.any(String) })
    const rows = await t.db.select({ comment: proposalTransitions.comment, to: proposalTransitions.toStatus }).from(proposalTransitions).where(eq(proposalTransitions.proposalId, id))
    expect(rows).toContainEqual({ comment: 'Welcome to Ponte.', to: 'published' })
    const publicPage = await callRoute(pageLoader, makeRequest(`/proposals/${id}`), context(), { proposalId: id })
    expect(publicPage.data.proposal.published.text.title).toBe('To be published')
    const again = await review('organiser', id, { intent: 'publish' })
    expect(again.status).toBe(400)
    expect(again.data.result.error['']).toEqual(['proposals.errors.notUnderReview'])
  })

  it('requests changes only with a comment, kept next to the field', async () => {
    const id = await submitted('Needs work')
    for (const comment of ['', '   ']) {
      const refused = await review('organiser', id, { intent: 'request-changes', comment })
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ intent: 'request-changes', result: { error: { comment: ['catalogue.review.errors.commentRequired'] } } })
    }
    const tooLong = await review('organiser', id, { intent: 'request-changes', comment: 'x'.repeat(2001) })
    expect(tooLong.data.result.error.comment).toEqual(['catalogue.review.errors.commentTooLong'])
    expect((await status(id)).status).toBe('submitted')

    const reply = await review('organiser', id, { intent: 'request-changes', comment: 'Split the use of funds by year.' })
    expect(reply.status).toBe(302)
    expect((await status(id)).status).toBe('changes_requested')
    const rows = await t.db.select({ comment: proposalTransitions.comment, to: proposalTransitions.toStatus }).from(proposalTransitions).where(eq(proposalTransitions.proposalId, id))
    expect(rows).toContainEqual({ comment: 'Split the use of funds by year.', to: 'changes_requested' })
  })

  it('refuses everyone but organisers, and unknown actions', async () => {
    const id = await submitted('Guarded')
    for (const role of nonOrganisers) {
      expect((await review(role, id, { intent: 'publish' })).status, role).toBe(403)
      expect((await review(role, id, { intent: 'request-changes', comment: 'No' })).status, role).toBe(403)
    }
    expect((await review('anonymous', id, { intent: 'publish' })).status).toBe(302)
    expect((await review('organiser', id, { intent: 'delete' })).status).toBe(400)
    expect((await status(id)).status).toBe('submitted')
  })
})
