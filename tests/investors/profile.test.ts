/** The investor profile editor: only owners and admins of that organisation, with clear errors. */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { action, loader } from '~/routes/organisations_.$slug.investor-profile/route'
import { investorProfiles, memberships } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'
import { createInvestorOrganisation } from './helpers'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

let investor: Awaited<ReturnType<typeof createInvestorOrganisation>>
const cookies: Record<string, string> = {}
let startupSlug: string

beforeAll(async () => {
  investor = await createInvestorOrganisation(t.db, context(), {
    name: 'Ría Capital',
  })
  for (const role of ['admin', 'member'] as const) {
    const user = await createUser(t.db)
    await t.db.insert(memberships).values({
      organisationId: investor.organisation.id,
      userId: user.id,
      role,
    })
    cookies[role] = await signIn(context(), user.id)
  }
  const other = await createInvestorOrganisation(t.db, context())
  cookies.otherInvestor = other.cookie
  const founder = await createUser(t.db)
  const startup = await createOrganisation(t.db, 'startup', {
    members: [{ userId: founder.id }],
  })
  startupSlug = startup.slug
  cookies.startup = await signIn(context(), founder.id)
})

const valid = {
  type: 'angel_network',
  city: 'Vigo',
  countries: ['ES', 'PT'],
  'thesis.en': 'Seed rounds in blue biotech.',
  'thesis.gl': 'Roldas semente en biotecnoloxía azul.',
  subsectors: ['marine', 'agrifood'],
  stages: ['pre_seed', 'seed'],
  trlMin: '3',
  trlMax: '6',
  ticketMin: '50000',
  ticketMax: '400000',
  regions: ['ES11', 'PT11'],
  coInvestment: 'on',
  'portfolio[0].name': 'Algas do Morrazo',
  'portfolio[0].note': 'Seed, 2023; Series A led by a Portuguese fund in 2025.',
  listed: 'on',
}

function edit(cookie: string | null, form?: Record<string, string | string[]>, slug = investor.organisation.slug) {
  const request = makeRequest(`/organisations/${slug}/investor-profile`, {
    cookie,
    form,
  })
  return callRoute(form ? action : loader, request, context(), { slug })
}

describe('who may edit an investor profile', () => {
  it('lets owners and admins open and save it', async () => {
    expect((await edit(investor.cookie)).status).toBe(200)
    expect((await edit(cookies.admin!)).status).toBe(200)
    const saved = await edit(cookies.admin!, valid)
    expect(saved.status).toBe(302)
    const [profile] = await t.db.select().from(investorProfiles).where(eq(investorProfiles.organisationId, investor.organisation.id))
    expect(profile).toMatchObject({
      type: 'angel_network',
      city: 'Vigo',
      countries: ['ES', 'PT'],
      thesis: {
        en: 'Seed rounds in blue biotech.',
        gl: 'Roldas semente en biotecnoloxía azul.',
      },
      subsectors: ['marine', 'agrifood'],
      stages: ['pre_seed', 'seed'],
      trlMin: 3,
      trlMax: 6,
      ticketMinCents: 5_000_000,
      ticketMaxCents: 40_000_000,
      regions: ['ES11', 'PT11'],
      coInvestment: true,
      listed: true,
      portfolioHighlights: [
        {
          name: 'Algas do Morrazo',
          note: 'Seed, 2023; Series A led by a Portuguese fund in 2025.',
        },
      ],
    })
    // What the owner sees next time: the tickets back in euros.
    expect((await edit(investor.cookie)).data.profile).toMatchObject({
      ticketMin: 50_000,
      ticketMax: 400_000,
      listed: true,
    })
  })

  it('refuses plain members (403), other organisations (404) and signed-out visitors (login)', async () => {
    expect((await edit(cookies.member!)).status).toBe(403)
    expect((await edit(cookies.member!, { ...valid, city: 'Lugo' })).status).toBe(403)
    expect((await edit(cookies.otherInvestor!)).status).toBe(404)
    expect((await edit(cookies.otherInvestor!, { ...valid, city: 'Lugo' })).status).toBe(404)
    expect((await edit(cookies.startup!)).status).toBe(404)
    expect((await edit(cookies.startup!, valid, startupSlug)).status).toBe(404)
    const anonymous = await edit(null)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toContain('/login')
    const [profile] = await t.db
      .select({ city: investorProfiles.city })
      .from(investorProfiles)
      .where(eq(investorProfiles.organisationId, investor.organisation.id))
    expect(profile?.city).not.toBe('Lugo')
  })
})

describe('investor profile validation', () => {
  async function errorsFor(form: Record<string, string | string[]>) {
    const reply = await edit(investor.cookie, form)
    expect(reply.status).toBe(400)
    return reply.data.error as Record<string, string[]>
  }

  it('names the field and the problem, and keeps what was typed', async () => {
    expect(await errorsFor({ ...valid, type: '' })).toMatchObject({
      type: ['investors.profile.errors.typeRequired'],
    })
    expect(await errorsFor({ ...valid, ticketMin: '500000', ticketMax: '100000' })).toMatchObject({ ticketMax: ['investors.profile.errors.ticketOrder'] })
    expect(await errorsFor({ ...valid, ticketMin: '12.5' })).toMatchObject({
      ticketMin: ['investors.profile.errors.ticketInvalid'],
    })
    expect(await errorsFor({ ...valid, ticketMax: '90000000' })).toMatchObject({
      ticketMax: ['investors.profile.errors.ticketTooLarge'],
    })
    expect(await errorsFor({ ...valid, trlMin: '7', trlMax: '2' })).toMatchObject({ trlMax: ['investors.profile.errors.trlOrder'] })
    expect(await errorsFor({ ...valid, trlMin: '12' })).toMatchObject({
      trlMin: ['investors.profile.errors.trlInvalid'],
    })
    expect(await errorsFor({ ...valid, regions: ['XX99'] })).toHaveProperty(['regions[0]'])
    expect(await errorsFor({ ...valid, stages: ['series_z'] })).toHaveProperty(['stages[0]'])
    expect(await errorsFor({ ...valid, 'portfolio[0].note': '' })).toMatchObject({
      'portfolio[0].note': ['investors.profile.errors.portfolioNoteRequired'],
    })
    expect(await errorsFor({ ...valid, 'thesis.en': '', 'thesis.gl': '' })).toMatchObject({ thesis: ['investors.profile.errors.thesisForListing'] })
    const reply = await edit(investor.cookie, {
      ...valid,
      city: 'Ourense',
      ticketMin: 'lots',
    })
    expect(reply.data.initialValue).toMatchObject({
      city: 'Ourense',
      ticketMin: 'lots',
    })
  })

  it('accepts a minimal profile: a type and nothing else, unlisted', async () => {
    expect((await edit(investor.cookie, { type: 'family_office' })).status).toBe(302)
    const [profile] = await t.db.select().from(investorProfiles).where(eq(investorProfiles.organisationId, investor.organisation.id))
    expect(profile).toMatchObject({
      type: 'family_office',
      listed: false,
      ticketMinCents: null,
      countries: [],
      portfolioHighlights: [],
    })
  })
})
