/**
 * GET /api/v1/proposals and the /proposals page on the Postgres engine: what a client and a
 * reader get back (scope by viewer, strict and lenient parameters, facets, visibility checked
 * again at hydration, the notice when the backup engine answers).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { closeProposal } from '~/modules/proposals/lifecycle.server'
import { loader as apiLoader } from '~/routes/api.v1.proposals._index'
import { loader as pageLoader } from '~/routes/proposals._index/route'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { actorFor, createProposalFor, daysFromToday, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { syncSearch } from '../setup/search'
import { createViewers } from '../proposals/viewers'
import { startMeilisearchStandIn } from '../setup/meilisearch-stand-in'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

type Viewers = Awaited<ReturnType<typeof createViewers>>
let viewers: Viewers
const ids: Record<string, string> = {}

const sought = (cents: number) => ({ amountSoughtCents: cents, useOfFunds: [{ label: 'Everything', amountCents: cents }] })

function texts(title: string, summary: string, description: string) {
  return { texts: { es: { title, summary, description } }, originalLocale: 'es' as const }
}

beforeAll(async () => {
  viewers = await createViewers(t.db, context())
  const organiser = await actorFor(t.db, viewers.organiserId)
  const at = { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser }
  const publish = async (key: string, input: Parameters<typeof validProposalInput>[0]) => {
    ids[key] = (await publishedProposal(t.db, { ...at, overrides: validProposalInput(input) })).id
  }
  await publish('phage', {
    ...texts('Fagos contra infecciones hospitalarias', 'Bacteriófagos para infecciones resistentes.', 'Un cóctel secreto de fagos marinos.'),
    stage: 'seed',
    trl: 4,
    therapeuticAreas: ['infectious_diseases'],
    ...sought(25_000_000),
  })
  await publish('oncology', {
    ...texts('Anticuerpos para oncología pediátrica', 'Anticuerpos monoclonales contra tumores infantiles.', 'Ensayo en fase uno con el hospital de Santiago.'),
    stage: 'series_a',
    trl: 6,
    developmentPhase: 'phase_1',
    therapeuticAreas: ['oncology'],
    ...sought(300_000_000),
    closingDate: daysFromToday(5),
  })
  await publish('algae', {
    ...texts('Algas para biomateriales', 'Biomateriales de algas gallegas para envases.', 'Procesado con enzimas de la ría.'),
    stage: 'pre_seed',
    subsector: 'marine',
    trl: 3,
    therapeuticAreas: ['other'],
    ...sought(40_000_000),
  })
  // Never searchable: a draft whose words match everything above.
  ids.draft = await createProposalFor(t.db, viewers.startup.id, validProposalInput(texts('Fagos anticuerpos algas', 'Borrador con fagos.', 'Cóctel secreto.')))
  await syncSearch(t.db)
})

async function api(query: string, role: keyof Viewers['cookies'] = 'anonymous') {
  return callRoute(apiLoader, makeRequest(`/api/v1/proposals${query}`, { cookie: viewers.cookies[role] }), context())
}

const titles = (reply: { data: { hits: { texts: Record<string, { title: string }> }[] } }) => reply.data.hits.map((hit) => Object.values(hit.texts)[0]!.title)

describe('GET /api/v1/proposals', () => {
  it('finds proposals by a misspelt word, in the public tier for anonymous clients, with facet counts', async () => {
    const reply = await api('?q=anticuerpo%20oncolojia')
    expect(reply.status).toBe(200)
    expect(titles(reply)).toEqual(['Anticuerpos para oncología pediátrica'])
    expect(reply.data).toMatchObject({ total: 1, page: 1, perPage: 20, degraded: false })
    const [hit] = reply.data.hits
    expect(hit).toMatchObject({ id: ids.oncology, tier: 'public', stage: 'series_a', amountSought: { cents: 300_000_000, currency: 'EUR' } })
    expect(hit.texts.es).not.toHaveProperty('description')
    expect(hit).not.toHaveProperty('therapeuticAreas')
    expect(reply.data.facets.stage).toEqual({ series_a: 1 })
    expect(reply.data.facets).not.toHaveProperty('therapeuticArea')
    expect(reply.headers.get('Cache-Control')).toBe('public, max-age=30')
  })

  it('searches descriptions and therapeutic areas only for verified viewers', async () => {
    expect((await api('?q=c%C3%B3ctel%20secreto')).data.total).toBe(0)
    expect((await api('?q=c%C3%B3ctel%20secreto', 'unverifiedInvestor')).data.total).toBe(0)
    const verified = await api('?q=c%C3%B3ctel%20secreto', 'verifiedInvestor')
    expect(verified.data.hits.map((hit: { id: string }) => hit.id)).toEqual([ids.phage])
    expect(verified.data.hits[0]).toMatchObject({ tier: 'verified', therapeuticAreas: ['infectious_diseases'] })
    expect(verified.headers.get('Cache-Control')).toBe('private, no-store')
    const byArea = await api('?therapeuticArea=oncology', 'organiser')
    expect(byArea.data.hits.map((hit: { id: string }) => hit.id)).toEqual([ids.oncology])
    expect(byArea.data.facets.therapeuticArea).toMatchObject({ oncology: 1, infectious_diseases: 1, other: 1 })
  })

  it('refuses a therapeutic-area filter from a viewer without the verified tier, naming it', async () => {
    for (const role of ['anonymous', 'unverifiedInvestor', 'otherStartupMember'] as const) {
      const reply = await api('?therapeuticArea=oncology', role)
      expect(reply.status, role).toBe(400)
      expect(reply.data).toMatchObject({ error: 'invalid_parameter', param: 'therapeuticArea' })
    }
  })

  it('filters, sorts and pages as asked, taking repeated or comma-separated values', async () => {
    const ordered = (reply: { data: { hits: { id: string }[] } }) => reply.data.hits.map((hit) => hit.id)
    expect(ordered(await api('?stage=seed&stage=pre_seed&sort=amount_desc'))).toEqual([ids.algae, ids.phage])
    expect(ordered(await api('?stage=seed,pre_seed&sort=amount_asc'))).toEqual([ids.phage, ids.algae])
    expect(ordered(await api('?trlMin=4&trlMax=6&sort=amount_asc'))).toEqual([ids.phage, ids.oncology])
    expect(ordered(await api('?amountMin=300000&sort=amount_asc'))).toEqual([ids.algae, ids.oncology])
    expect(ordered(await api('?closingWithinDays=7'))).toEqual([ids.oncology])
    expect(ordered(await api('?subsector=marine&region=ES11'))).toEqual([ids.algae])
    const second = await api('?sort=amount_asc&perPage=2&page=2')
    expect(second.data).toMatchObject({ total: 3, page: 2, perPage: 2 })
    expect(ordered(second)).toEqual([ids.oncology])
    expect(ordered(await api('?page=9'))).toEqual([])
  })

  it('answers a parameter it cannot read with a 400 that names it', async () => {
    const cases: [string, string][] = [
      ['?subsectors=health', 'subsectors'],
      ['?stage=growth', 'stage'],
      ['?region=Galicia', 'region'],
      ['?trlMin=10', 'trlMin'],
      ['?trlMin=7&trlMax=3', 'trlMin'],
      ['?amountMin=-5', 'amountMin'],
      ['?amountMax=1e6', 'amountMax'],
      ['?closingWithinDays=soon', 'closingWithinDays'],
      ['?sort=cheapest', 'sort'],
      ['?page=0', 'page'],
      ['?perPage=101', 'perPage'],
      ['?q=a&q=b', 'q'],
      [`?q=${'x'.repeat(201)}`, 'q'],
    ]
    for (const [query, param] of cases) {
      const reply = await api(query)
      expect(reply.status, query).toBe(400)
      expect(reply.data, query).toMatchObject({ error: 'invalid_parameter', param })
      expect(reply.data.message, query).toContain(param)
    }
  })

  it('never returns a proposal that is no longer visible, even before the index catches up', async () => {
    const member = await actorFor(t.db, viewers.memberId)
    const organiser = await actorFor(t.db, viewers.organiserId)
    const doomed = await publishedProposal(t.db, {
      organisationId: viewers.startup.id,
      memberId: viewers.memberId,
      organiser,
      overrides: validProposalInput(texts('Vacuna efímera', 'Una vacuna que se retira.', 'Nada.')),
    })
    await syncSearch(t.db)
    expect((await api('?q=vacuna%20efimera')).data.hits).toHaveLength(1)
    await closeProposal(t.db, member, doomed.id, 'withdrawn')
    // The outbox has the change, but nothing has drained it: the index still holds the proposal.
    expect((await api('?q=vacuna%20efimera')).data.hits).toEqual([])
    await syncSearch(t.db)
    expect((await api('?q=vacuna%20efimera')).data.total).toBe(0)
  })
})

async function page(query: string, role: keyof Viewers['cookies'] = 'anonymous', env: Record<string, string> = {}) {
  return callRoute(pageLoader, makeRequest(`/proposals${query}`, { cookie: viewers.cookies[role] }), testLoadContext(t.db, env))
}

describe('the search page', () => {
  it('reads its URL leniently: what it cannot read is left out and the rest still searches', async () => {
    const reply = await page('?q=fagos&stage=growth&stage=seed&trlMin=99&sort=cheapest&page=abc&perPage=500')
    expect(reply.status).toBe(200)
    expect(reply.data.search).toMatchObject({ q: 'fagos', filters: { stage: ['seed'] }, sort: null, page: 1, perPage: 20 })
    expect(reply.data.hits.map((hit: { id: string }) => hit.id)).toEqual([ids.phage])
    expect(reply.data.hits[0].text).toMatchObject({ title: 'Fagos contra infecciones hospitalarias', lang: 'es' })
  })

  it('ignores a therapeutic-area filter for public viewers and applies it for verified ones', async () => {
    expect((await page('?therapeuticArea=oncology')).data.total).toBe(3)
    expect((await page('?therapeuticArea=oncology', 'verifiedInvestor')).data.total).toBe(1)
    expect((await page('', 'verifiedInvestor')).data.scope).toBe('verified')
    expect((await page('', 'unverifiedInvestor')).data.scope).toBe('public')
  })

  it('shows the last page for a page past the end of a search', async () => {
    const reply = await page('?stage=seed&stage=pre_seed&page=7')
    expect(reply.data).toMatchObject({ page: 1, pageCount: 1, total: 2 })
    expect(reply.data.hits).toHaveLength(2)
  })

  it('answers from the Postgres engine, flagged degraded, when Meilisearch does not answer', async () => {
    const standIn = await startMeilisearchStandIn()
    await standIn.stop()
    try {
      const reply = await page('?q=algas', 'anonymous', { MEILISEARCH_URL: standIn.url, MEILISEARCH_API_KEY: 'test-key' })
      expect(reply.status).toBe(200)
      expect(reply.data.degraded).toBe(true)
      expect(reply.data.hits.map((hit: { id: string }) => hit.id)).toEqual([ids.algae])
      expect((await page('?q=algas')).data.degraded).toBe(false)
    } finally {
      await standIn.close()
    }
  })
})
