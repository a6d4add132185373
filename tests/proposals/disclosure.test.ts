/**
 * Tiered disclosure, role by role, through the proposal page's loader and the JSON API: what
 * a tier may not see is absent from the data sent, not merely hidden.
 */
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { updateProposal } from '~/modules/proposals/editor.server'
import { closeProposal, requestChanges, submitProposal } from '~/modules/proposals/lifecycle.server'
import { loader as apiLoader } from '~/routes/api.v1.proposals.$id'
import { loader as pageLoader } from '~/routes/proposals.$proposalId._index/route'
import { organisations } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { signIn } from '../setup/factories'
import { actorFor, createProposalFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { createInvestor, createViewers, insiderRoles, outsiderRoles, publicRoles, TEAM, verifiedRoles, type Role } from './viewers'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

const SECRET_DESCRIPTION = 'Our confidential phage cocktail PX-17'
const SECRET_FUNDS_ITEM = 'GMP manufacturing run'
const VALUATION_CENTS = 987_654_300
const MINIMUM_TICKET_CENTS = 3_141_500

const input = validProposalInput({
  texts: {
    en: {
      title: 'Phage therapy against resistant hospital infections',
      summary: 'Bacteriophages for Pseudomonas infections that no antibiotic reaches.',
      description: `## Science\n\n${SECRET_DESCRIPTION} <script>alert(1)</script> [x](javascript:alert(1))`,
    },
    es: {
      title: 'Terapia con fagos contra infecciones hospitalarias resistentes',
      summary: 'Bacteriófagos para infecciones por Pseudomonas que ningún antibiótico alcanza.',
      description: `## Ciencia\n\n${SECRET_DESCRIPTION}`,
    },
  },
  amountSoughtCents: 25_000_000,
  minimumTicketCents: MINIMUM_TICKET_CENTS,
  preMoneyValuationCents: VALUATION_CENTS,
  useOfFunds: [
    { label: SECRET_FUNDS_ITEM, amountCents: 15_000_000 },
    { label: 'Team', amountCents: 10_000_000 },
  ],
})

/** Keys of the verified tier: none may be present in the public tier. */
const verifiedOnlyKeys = ['minimumTicketCents', 'preMoneyValuationCents', 'useOfFunds', 'modality', 'therapeuticAreas', 'regulatoryPathway', 'deviceClass', 'ipStatus', 'team']
const verifiedOnlyApiKeys = ['minimumTicket', 'preMoneyValuation', 'useOfFunds', 'modality', 'therapeuticAreas', 'regulatoryPathway', 'deviceClass', 'ipStatus', 'team']

let viewers: Awaited<ReturnType<typeof createViewers>>
let visibleId: string

beforeAll(async () => {
  viewers = await createViewers(t.db, context())
  const organiser = await actorFor(t.db, viewers.organiserId)
  ;({ id: visibleId } = await publishedProposal(t.db, { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser, overrides: input }))
})

function page(role: Role, id: string, headers: Record<string, string> = {}) {
  return callRoute(pageLoader, makeRequest(`/proposals/${id}`, { cookie: viewers.cookies[role], headers }), context(), { proposalId: id })
}

function api(role: Role, id: string) {
  return callRoute(apiLoader, makeRequest(`/api/v1/proposals/${id}`, { cookie: viewers.cookies[role] }), context(), { id })
}

/** Nothing of the verified tier anywhere in what was sent, whatever the key. */
function expectNoVerifiedData(payload: unknown) {
  const text = JSON.stringify(payload)
  for (const secret of [SECRET_DESCRIPTION, SECRET_FUNDS_ITEM, String(VALUATION_CENTS), String(MINIMUM_TICKET_CENTS), ...TEAM.map((m) => m.name)]) {
    expect(text).not.toContain(secret)
  }
}

describe('the public tier', () => {
  it.each(publicRoles)('is all that %s receives on the page', async (role) => {
    const reply = await page(role, visibleId)
    expect(reply.status).toBe(200)
    const { proposal } = reply.data
    expect(proposal.tier).toBe('public')
    expect(proposal.published.tier).toBe('public')
    expect(proposal.published).toMatchObject({
      amountSoughtCents: 25_000_000,
      instrument: 'equity',
      stage: 'seed',
      subsector: 'health',
      trl: 4,
      developmentPhase: 'preclinical',
      startup: { name: 'Fagos Atlánticos', city: 'Vigo', region: 'ES11' },
      text: { title: 'Phage therapy against resistant hospital infections', lang: 'en' },
    })
    for (const key of verifiedOnlyKeys) expect(proposal.published, key).not.toHaveProperty(key)
    expect(proposal.published.text).not.toHaveProperty('descriptionHtml')
    expect(proposal).not.toHaveProperty('workingCopy')
    expect(proposal.canOpenDataRoom).toBe(false)
    expectNoVerifiedData(reply.data)
  })

  it.each(publicRoles)('is all that %s receives from the API', async (role) => {
    const reply = await api(role, visibleId)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('Content-Type')).toMatch(/application\/json/)
    expect(reply.data).toMatchObject({
      id: visibleId,
      tier: 'public',
      amountSought: { cents: 25_000_000, currency: 'EUR' },
      instrument: 'equity',
      texts: { en: { title: 'Phage therapy against resistant hospital infections' }, es: { title: 'Terapia con fagos contra infecciones hospitalarias resistentes' } },
    })
    for (const key of verifiedOnlyApiKeys) expect(reply.data, key).not.toHaveProperty(key)
    expect(reply.data.texts.en).not.toHaveProperty('description')
    expectNoVerifiedData(reply.data)
  })

  it('is cacheable for anonymous visitors only; a signed-in answer is private', async () => {
    expect((await api('anonymous', visibleId)).headers.get('Cache-Control')).toBe('public, max-age=60')
    expect((await api('signedIn', visibleId)).headers.get('Cache-Control')).toBe('private, no-store')
    expect((await api('anonymous', visibleId)).headers.get('Vary')).toBe('Cookie')
  })

  it('explains what verification unlocks, according to who is looking', async () => {
    expect((await page('anonymous', visibleId)).data.proposal.relation).toBe('anonymous')
    expect((await page('signedIn', visibleId)).data.proposal.relation).toBe('signed_in')
    expect((await page('unverifiedInvestor', visibleId)).data.proposal.relation).toBe('investor')
  })

  it('shows the text in the reader language when the startup wrote one, else the original', async () => {
    const spanish = await page('anonymous', visibleId, { 'Accept-Language': 'es-ES,es;q=0.9' })
    expect(spanish.data.proposal.published.text).toMatchObject({ lang: 'es', title: 'Terapia con fagos contra infecciones hospitalarias resistentes' })
    const portuguese = await page('anonymous', visibleId, { 'Accept-Language': 'pt-PT' })
    expect(portuguese.data.proposal.published.text).toMatchObject({ lang: 'en', title: 'Phage therapy against resistant hospital infections' })
  })
})

describe('the verified tier', () => {
  it.each(verifiedRoles)('is what %s receives on the page, with the description rendered safely', async (role) => {
    const reply = await page(role, visibleId)
    expect(reply.status).toBe(200)
    const { proposal } = reply.data
    expect(proposal.tier).toBe('verified')
    expect(proposal.published).toMatchObject({
      tier: 'verified',
      minimumTicketCents: MINIMUM_TICKET_CENTS,
      preMoneyValuationCents: VALUATION_CENTS,
      useOfFunds: [{ label: SECRET_FUNDS_ITEM, amountCents: 15_000_000 }, { label: 'Team' }],
      modality: 'biologic',
      therapeuticAreas: ['infectious_diseases'],
      regulatoryPathway: 'ema_centralised',
      ipStatus: 'patent_filed',
      team: TEAM,
    })
    const html: string = proposal.published.text.descriptionHtml
    expect(html).toContain('<h3>Science</h3>')
    expect(html).toContain(SECRET_DESCRIPTION)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/href="javascript:/i)
    expect(proposal.canOpenDataRoom).toBe(true)
  })

  it.each(verifiedRoles)('is what %s receives from the API, never stored by caches', async (role) => {
    const reply = await api(role, visibleId)
    expect(reply.status).toBe(200)
    expect(reply.data).toMatchObject({
      tier: 'verified',
      minimumTicket: { cents: MINIMUM_TICKET_CENTS, currency: 'EUR' },
      preMoneyValuation: { cents: VALUATION_CENTS, currency: 'EUR' },
      useOfFunds: [{ label: SECRET_FUNDS_ITEM, amount: { cents: 15_000_000, currency: 'EUR' } }, { label: 'Team' }],
      team: TEAM,
      texts: { en: { description: expect.stringContaining(SECRET_DESCRIPTION) } },
    })
    expect(reply.headers.get('Cache-Control')).toBe('private, no-store')
  })

  it('shows the working copy status only to the startup and organisers, not to investors', async () => {
    expect((await page('verifiedInvestor', visibleId)).data.proposal).not.toHaveProperty('workingCopy')
    for (const role of insiderRoles) {
      expect((await page(role, visibleId)).data.proposal.workingCopy, role).toMatchObject({ status: 'published' })
    }
  })

  it('is not given to a member of a verified investor firm who has not confirmed their email', async () => {
    const { user } = await createInvestor(t.db, { verified: true, emailVerified: false })
    const cookie = await signIn(context(), user.id)
    const reply = await callRoute(pageLoader, makeRequest(`/proposals/${visibleId}`, { cookie }), context(), { proposalId: visibleId })
    expect(reply.data.proposal.tier).toBe('public')
    expectNoVerifiedData(reply.data)
  })
})

describe('proposals outside the catalogue', () => {
  async function hiddenProposals() {
    const member = await actorFor(t.db, viewers.memberId)
    const organiser = await actorFor(t.db, viewers.organiserId)
    const draft = await createProposalFor(t.db, viewers.startup.id)
    const submitted = await createProposalFor(t.db, viewers.startup.id)
    await submitProposal(t.db, member, submitted)
    const changesRequested = await createProposalFor(t.db, viewers.startup.id)
    await submitProposal(t.db, member, changesRequested)
    await requestChanges(t.db, organiser, changesRequested, 'Add the team')
    const { id: closed } = await publishedProposal(t.db, { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser, overrides: input })
    await closeProposal(t.db, member, closed, 'withdrawn')
    return { draft, submitted, changesRequested, closed }
  }

  it('are a 404 for everyone outside the startup and the organisers, on the page and in the API', async () => {
    const hidden = await hiddenProposals()
    for (const [kind, id] of Object.entries(hidden)) {
      for (const role of outsiderRoles) {
        expect((await page(role, id)).status, `${kind} page as ${role}`).toBe(404)
        const reply = await api(role, id)
        expect(reply.status, `${kind} API as ${role}`).toBe(404)
        expect(reply.data).toEqual({ error: 'not_found', message: expect.any(String) })
      }
    }
  })

  it('show the startup and organisers the status, and the last published version when there is one', async () => {
    const hidden = await hiddenProposals()
    for (const role of insiderRoles) {
      const draft = (await page(role, hidden.draft)).data.proposal
      expect(draft).toMatchObject({ visible: false, published: null, workingCopy: { status: 'draft' } })
      const changes = (await page(role, hidden.changesRequested)).data.proposal
      expect(changes.workingCopy).toMatchObject({ status: 'changes_requested', lastTransition: { comment: 'Add the team' } })
      const closed = (await page(role, hidden.closed)).data.proposal
      expect(closed).toMatchObject({ visible: false, workingCopy: { status: 'closed', closedReason: 'withdrawn' }, published: { tier: 'verified' } })
    }
  })

  it('include the proposals of a suspended startup', async () => {
    const other = await createViewers(t.db, context())
    const { id } = await publishedProposal(t.db, { organisationId: other.startup.id, memberId: other.memberId })
    expect((await page('anonymous', id)).status).toBe(200)
    await t.db.update(organisations).set({ suspendedAt: new Date() }).where(eq(organisations.id, other.startup.id))
    expect((await page('anonymous', id)).status).toBe(404)
    expect((await api('verifiedInvestor', id)).status).toBe(404)
  })

  it('answer unknown ids and ids that are not uuids with a 404, never a 500', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', "1' or '1'='1", '%00']) {
      expect((await page('anonymous', id)).status, id).toBe(404)
      expect((await page('organiser', id)).status, id).toBe(404)
      expect((await api('verifiedInvestor', id)).status, id).toBe(404)
    }
  })
})

describe('a published proposal with edits under review', () => {
  it('keeps showing the published version to the public; its startup sees that changes wait for review', async () => {
    const organiser = await actorFor(t.db, viewers.organiserId)
    const member = await actorFor(t.db, viewers.memberId)
    const { id } = await publishedProposal(t.db, { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser, overrides: input })
    await updateProposal(t.db, member, id, { ...input, amountSoughtCents: 40_000_000, useOfFunds: [{ label: SECRET_FUNDS_ITEM, amountCents: 40_000_000 }] })

    const reply = await page('anonymous', id)
    expect(reply.status).toBe(200)
    expect(reply.data.proposal.published.amountSoughtCents).toBe(25_000_000)
    expect((await api('anonymous', id)).data.amountSought.cents).toBe(25_000_000)
    expect((await page('member', id)).data.proposal).toMatchObject({ visible: true, workingCopy: { status: 'submitted' } })
  })
})
