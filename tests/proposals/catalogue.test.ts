/** The catalogue page without a search: visible proposals only, newest first, 20 a page, public tier facts. */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createProposal } from '~/modules/proposals/editor.server'
import { closeProposal, submitProposal } from '~/modules/proposals/lifecycle.server'
import { loader } from '~/routes/proposals._index/route'
import { proposalVersions } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { actorFor, createProposalFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { syncSearch } from '../setup/search'
import { TEAM, createViewers } from './viewers'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

async function catalogue(query = '', init: { cookie?: string | null; headers?: Record<string, string> } = {}) {
  await syncSearch(t.db)
  return callRoute(loader, makeRequest(`/proposals${query}`, init), context())
}

function titled(title: string) {
  return validProposalInput({ texts: { en: { title, summary: `${title}: the teaser.`, description: `${title}: confidential description.` } } })
}

describe('the catalogue', () => {
  it('starts empty, saying so', async () => {
    const reply = await catalogue()
    expect(reply.data).toMatchObject({ hits: [], total: 0, page: 1, pageCount: 1 })
  })

  it('lists only visible proposals, newest published first, in the public tier', async () => {
    const viewers = await createViewers(t.db, context())
    const organiser = await actorFor(t.db, viewers.organiserId)
    const member = await actorFor(t.db, viewers.memberId)
    const at = { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser }
    const first = await publishedProposal(t.db, { ...at, overrides: titled('First published') })
    const second = await publishedProposal(t.db, { ...at, overrides: titled('Second published') })
    const third = await publishedProposal(t.db, { ...at, overrides: titled('Third published') })
    // Publication times a minute apart, so the order does not hang on the clock's resolution.
    for (const [index, { versionId }] of [first, second, third].entries()) {
      await t.db.update(proposalVersions).set({ publishedAt: new Date(Date.UTC(2026, 0, 1, 10, index)) }).where(eq(proposalVersions.id, versionId))
    }
    await createProposalFor(t.db, viewers.startup.id, titled('A draft'))
    const submitted = await createProposalFor(t.db, viewers.startup.id, titled('Waiting for review'))
    await submitProposal(t.db, member, submitted)
    const closed = await publishedProposal(t.db, { ...at, overrides: titled('Closed after funding') })
    await closeProposal(t.db, member, closed.id, 'funded')

    for (const cookie of [null, viewers.cookies.verifiedInvestor, viewers.cookies.organiser]) {
      const reply = await catalogue('', { cookie })
      expect(reply.status).toBe(200)
      expect(reply.data.total).toBe(3)
      expect(reply.data.hits.map((card: { text: { title: string } }) => card.text.title)).toEqual(['Third published', 'Second published', 'First published'])
      const [card] = reply.data.hits
      expect(card).toMatchObject({
        id: third.id,
        amountSoughtCents: 25_000_000,
        instrument: 'equity',
        stage: 'seed',
        subsector: 'health',
        trl: 4,
        developmentPhase: 'preclinical',
        startup: { name: 'Fagos Atlánticos', city: 'Vigo', region: 'ES11' },
        text: { title: 'Third published', summary: 'Third published: the teaser.', lang: 'en' },
      })
      // Therapeutic areas are verified-tier facts: on the cards of verified viewers only.
      if (cookie === null) expect(card).not.toHaveProperty('therapeuticAreas')
      else expect(card.therapeuticAreas).toEqual(validProposalInput().therapeuticAreas)
      for (const key of ['minimumTicketCents', 'preMoneyValuationCents', 'useOfFunds', 'modality', 'team', 'ipStatus']) {
        expect(card, key).not.toHaveProperty(key)
      }
      const sent = JSON.stringify(reply.data)
      expect(sent).not.toContain('confidential description')
      expect(sent).not.toContain(TEAM[0]!.name)
    }
  })

  it('shows each proposal in the reader language when it exists, else in its original language', async () => {
    const owner = await createUser(t.db)
    const startup = await createOrganisation(t.db, 'startup', { members: [{ userId: owner.id }] })
    const texts = {
      gl: { title: 'Algas para biomateriais', summary: 'Biomateriais de algas galegas.', description: 'Descrición.' },
      es: { title: 'Algas para biomateriales', summary: 'Biomateriales de algas gallegas.', description: 'Descripción.' },
    }
    await createProposal(t.db, null, startup.id, validProposalInput({ texts }), { status: 'published', originalLocale: 'gl' })
    const inSpanish = await catalogue('', { headers: { 'Accept-Language': 'es' } })
    expect(inSpanish.data.hits[0].text).toMatchObject({ lang: 'es', title: 'Algas para biomateriales' })
    const inEnglish = await catalogue('', { headers: { 'Accept-Language': 'en' } })
    expect(inEnglish.data.hits[0].text).toMatchObject({ lang: 'gl', title: 'Algas para biomateriais' })
    // A signed-in reader's account language counts too.
    const reader = await createUser(t.db, { locale: 'es' })
    const asReader = await catalogue('', { cookie: await signIn(context(), reader.id) })
    expect(asReader.data.hits[0].text.lang).toBe('es')
  })

  it('pages by 20, with a page past the end showing the last page', async () => {
    const owner = await createUser(t.db)
    const startup = await createOrganisation(t.db, 'startup', { members: [{ userId: owner.id }] })
    // Other tests of this file published some already: top up to 43, three pages.
    const already: number = (await catalogue()).data.total
    for (let i = already + 1; i <= 43; i++) {
      await createProposal(t.db, null, startup.id, titled(`Proposal ${i}`), { status: 'published' })
    }
    const pages = [await catalogue(), await catalogue('?page=2'), await catalogue('?page=3')]
    expect(pages.map((reply) => [reply.data.page, reply.data.pageCount, reply.data.total, reply.data.hits.length])).toEqual([
      [1, 3, 43, 20],
      [2, 3, 43, 20],
      [3, 3, 43, 3],
    ])
    const ids = new Set(pages.flatMap((reply) => reply.data.hits.map((card: { id: string }) => card.id)))
    expect(ids.size).toBe(43)
    expect((await catalogue('?page=99')).data.page).toBe(3)
    for (const odd of ['?page=0', '?page=-1', '?page=abc', '?page=1.5']) expect((await catalogue(odd)).data.page, odd).toBe(1)
  })
})
