import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loader as studioLoader } from '~/routes/studio._index'
import { loader as startupLoader } from '~/routes/studio_.$slug._index/route'
import { action as editAction, loader as editLoader } from '~/routes/studio_.$slug.proposals.$proposalId._index/route'
import { action as newAction, loader as newLoader } from '~/routes/studio_.$slug.proposals.new/route'
import { requestChanges } from '~/modules/proposals/lifecycle.server'
import { proposals, proposalTexts } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { createOrganiser, createProposalFor, daysFromToday, publishedProposal } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'

const t = useTestDatabase()

async function founderWithStartup() {
  const user = await createUser(t.db, { name: 'Uxía Founder' })
  const startup = await createOrganisation(t.db, 'startup', { members: [{ userId: user.id }] })
  return { user, startup }
}

async function as(userId: string) {
  const context = testLoadContext(t.db)
  return { context, cookie: await signIn(context, userId) }
}

/** The editor form, as a browser without JavaScript posts it. */
function editorForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    'texts.gl.title': 'Terapia con fagos',
    'texts.gl.summary': 'Fagos contra infeccións resistentes.',
    'texts.gl.description': 'Descrición longa.',
    amountSought: '300000',
    minimumTicket: '10000',
    preMoneyValuation: '',
    instrument: 'convertible_note',
    stage: 'pre_seed',
    closingDate: daysFromToday(60),
    subsector: 'health',
    trl: '3',
    developmentPhase: 'discovery',
    modality: 'small_molecule',
    therapeuticAreas: ['oncology'],
    regulatoryPathway: 'national_aemps',
    deviceClass: '',
    ipStatus: 'none',
    'useOfFunds[0].label': 'Laboratorio',
    'useOfFunds[0].amount': '200000',
    'useOfFunds[1].label': 'Equipo',
    'useOfFunds[1].amount': '100000',
    'useOfFunds[2].label': '',
    'useOfFunds[2].amount': '',
    intent: 'save',
    ...overrides,
  }
}

describe('the studio', () => {
  it('sends a member of one startup straight to it, and lists several', async () => {
    const { user, startup } = await founderWithStartup()
    const { context, cookie } = await as(user.id)
    const reply = await callRoute(studioLoader, makeRequest('/studio', { cookie }), context)
    expect(reply.location).toBe(`/studio/${startup.slug}`)

    const other = await createOrganisation(t.db, 'startup', { members: [{ userId: user.id, role: 'member' }] })
    const list = await callRoute(studioLoader, makeRequest('/studio', { cookie }), context)
    expect(list.data.startups.map((s: { slug: string }) => s.slug).sort()).toEqual([startup.slug, other.slug].sort())
  })

  it('shows an empty state, then proposals with their next step', async () => {
    const { user, startup } = await founderWithStartup()
    const { context, cookie } = await as(user.id)
    const empty = await callRoute(startupLoader, makeRequest(`/studio/${startup.slug}`, { cookie }), context, { slug: startup.slug })
    expect(empty.data.proposals).toEqual([])

    const id = await createProposalFor(t.db, startup.id)
    await t.db.update(proposals).set({ status: 'submitted' }).where(eq(proposals.id, id))
    const { actor: organiser } = await createOrganiser(t.db)
    await requestChanges(t.db, organiser, id, 'Split the team costs by year.')
    const page = await callRoute(startupLoader, makeRequest(`/studio/${startup.slug}`, { cookie }), context, { slug: startup.slug })
    expect(page.data.proposals).toEqual([
      expect.objectContaining({ id, status: 'changes_requested', changesComment: 'Split the team costs by year.', title: 'Phage therapy against resistant hospital infections' }),
    ])
  })

  it('creates a draft from the editor form, in cents, and submits it for review', async () => {
    const { user, startup } = await founderWithStartup()
    const { context, cookie } = await as(user.id)
    const path = `/studio/${startup.slug}/proposals/new`
    expect((await callRoute(newLoader, makeRequest(path, { cookie }), context, { slug: startup.slug })).status).toBe(200)
    const created = await callRoute(newAction, makeRequest(path, { cookie, form: editorForm() }), context, { slug: startup.slug })
    expect(created.status).toBe(302)
    const [row] = await t.db.select().from(proposals).where(eq(proposals.organisationId, startup.id))
    expect(created.location).toBe(`/studio/${startup.slug}/proposals/${row!.id}`)
    expect(row).toMatchObject({ status: 'draft', amountSoughtCents: 30_000_000, originalLocale: 'gl', createdBy: user.id })
    expect(await t.db.select({ locale: proposalTexts.locale }).from(proposalTexts).where(eq(proposalTexts.proposalId, row!.id))).toEqual([{ locale: 'gl' }])

    const params = { slug: startup.slug, proposalId: row!.id }
    const submitted = await callRoute(editAction, makeRequest(created.location!, { cookie, form: editorForm({ intent: 'submit' }) }), context, params)
    expect(submitted.status).toBe(302)
    expect((await t.db.select().from(proposals).where(eq(proposals.id, row!.id)))[0]!.status).toBe('submitted')
    const page = await callRoute(editLoader, makeRequest(created.location!, { cookie }), context, params)
    expect(page.data.history.map((h: { to: string }) => h.to)).toEqual(['submitted', 'draft'])
    expect(page.data.defaults.amountSought).toBe('300000')
  })

  it('answers a use-of-funds total that does not match with 400 and the error on the block', async () => {
    const { user, startup } = await founderWithStartup()
    const { context, cookie } = await as(user.id)
    const reply = await callRoute(newAction, makeRequest('/x', { cookie, form: editorForm({ 'useOfFunds[1].amount': '99999.99' }) }), context, { slug: startup.slug })
    expect(reply.status).toBe(400)
    expect(reply.data.result.error.useOfFunds).toEqual(['proposals.errors.useOfFundsSum'])
    // What was typed comes back.
    expect(reply.data.result.initialValue['useOfFunds'][1].amount).toBe('99999.99')
    expect(await t.db.select().from(proposals).where(eq(proposals.organisationId, startup.id))).toEqual([])
  })

  it('adds a use-of-funds row without JavaScript', async () => {
    const { user, startup } = await founderWithStartup()
    const { context, cookie } = await as(user.id)
    const form = editorForm({ __intent__: JSON.stringify({ type: 'insert', payload: { name: 'useOfFunds' } }) })
    delete form.intent
    const reply = await callRoute(newAction, makeRequest('/x', { cookie, form }), context, { slug: startup.slug })
    expect(reply.status).toBe(200)
    expect(reply.data.result.initialValue.useOfFunds).toHaveLength(4)
  })

  it('withdraws or marks as funded a published proposal, and then no longer edits it', async () => {
    const { user, startup } = await founderWithStartup()
    const { id } = await publishedProposal(t.db, { organisationId: startup.id, memberId: user.id })
    const { context, cookie } = await as(user.id)
    const params = { slug: startup.slug, proposalId: id }
    const closed = await callRoute(editAction, makeRequest('/x', { cookie, form: { intent: 'close', reason: 'funded', comment: 'Thank you all' } }), context, params)
    expect(closed.status).toBe(302)
    expect((await t.db.select().from(proposals).where(eq(proposals.id, id)))[0]).toMatchObject({ status: 'closed', closedReason: 'funded' })
    const edit = await callRoute(editAction, makeRequest('/x', { cookie, form: editorForm() }), context, params)
    expect(edit.status).toBe(400)
    expect(edit.data.result.error['']).toEqual(['proposals.errors.closedReadOnly'])
  })

  it('is a 404 for members of another startup, investors and with ids of other startups', async () => {
    const { user, startup } = await founderWithStartup()
    const own = await createProposalFor(t.db, startup.id)
    const rival = await founderWithStartup()
    const rivalProposal = await createProposalFor(t.db, rival.startup.id)
    const investor = await createUser(t.db)
    await createOrganisation(t.db, 'investor', { members: [{ userId: investor.id }] })

    for (const userId of [rival.user.id, investor.id]) {
      const { context, cookie } = await as(userId)
      const slug = { slug: startup.slug }
      expect((await callRoute(startupLoader, makeRequest('/x', { cookie }), context, slug)).status).toBe(404)
      expect((await callRoute(newAction, makeRequest('/x', { cookie, form: editorForm() }), context, slug)).status).toBe(404)
      expect((await callRoute(editLoader, makeRequest('/x', { cookie }), context, { ...slug, proposalId: own })).status).toBe(404)
      expect((await callRoute(editAction, makeRequest('/x', { cookie, form: editorForm() }), context, { ...slug, proposalId: own })).status).toBe(404)
      expect((await callRoute(editAction, makeRequest('/x', { cookie, form: { intent: 'close', reason: 'withdrawn' } }), context, { ...slug, proposalId: own })).status).toBe(404)
    }
    // A member using their own slug with another startup's proposal id.
    const { context, cookie } = await as(user.id)
    const crossed = { slug: startup.slug, proposalId: rivalProposal }
    expect((await callRoute(editLoader, makeRequest('/x', { cookie }), context, crossed)).status).toBe(404)
    expect((await callRoute(editAction, makeRequest('/x', { cookie, form: editorForm() }), context, crossed)).status).toBe(404)
    expect((await t.db.select().from(proposals).where(eq(proposals.id, rivalProposal)))[0]!.instrument).toBe('equity')
  })

  it('answers garbage to every action with 400, never 500', async () => {
    const { user, startup } = await founderWithStartup()
    const { id } = await publishedProposal(t.db, { organisationId: startup.id, memberId: user.id })
    const draft = await createProposalFor(t.db, startup.id)
    const { context, cookie } = await as(user.id)
    const garbage: Record<string, string | string[]>[] = [
      {},
      { intent: 'close' },
      { intent: 'close', reason: 'expired' },
      { intent: 'submit', amountSought: '-1', trl: 'eleven', 'texts.xx.title': 'x', therapeuticAreas: ['x', 'y'], 'useOfFunds[99].amount': '1e99' },
      editorForm({ closingDate: '2001-01-01', deviceClass: 'mdr_iii', amountSought: '1.005' }),
      { intent: 'nonsense', 'texts.en.title': 'x'.repeat(30_000), useOfFunds: 'not-a-list' },
    ]
    for (const form of garbage) {
      for (const proposalId of [id, draft]) {
        const reply = await callRoute(editAction, makeRequest('/x', { cookie, form }), context, { slug: startup.slug, proposalId })
        expect(reply.status, JSON.stringify(form).slice(0, 100)).toBe(400)
      }
      const created = await callRoute(newAction, makeRequest('/x', { cookie, form }), context, { slug: startup.slug })
      expect(created.status, JSON.stringify(form).slice(0, 100)).toBe(400)
    }
  })
})
