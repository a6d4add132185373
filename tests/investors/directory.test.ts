/** The investor directory: startup members and organisers find verified, listed investors by what they invest in. */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as pageLoader } from '~/routes/investors.$slug'
import { loader as directoryLoader } from '~/routes/investors._index/route'
import { organisations } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { createOrganiser } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { createInvestorOrganisation, verifiedFor } from './helpers'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

const cookies: Record<'startup' | 'organiser' | 'investor' | 'nobody' | 'unconfirmed', string> = {} as never
const slugs: Record<string, string> = {}
const ownerCookies: Record<string, string> = {}

beforeAll(async () => {
  const listed = { listed: true, ...verifiedFor() }
  const investors = {
    marine: await createInvestorOrganisation(t.db, context(), {
      name: 'Rede de Anxos Azuis',
      profile: {
        ...listed,
        type: 'angel_network',
        subsectors: ['marine', 'agrifood'],
        stages: ['pre_seed', 'seed'],
        ticketMinCents: 5_000_000,
        ticketMaxCents: 40_000_000,
        regions: ['ES11', 'PT11'],
        thesis: { gl: 'Biotecnoloxía azul: acuicultura e algas.' },
      },
    }),
    health: await createInvestorOrganisation(t.db, context(), {
      name: 'Douro Saúde Capital',
      profile: {
        ...listed,
        type: 'vc_fund',
        subsectors: ['health', 'diagnostics'],
        stages: ['seed', 'series_a'],
        ticketMinCents: 25_000_000,
        ticketMaxCents: 200_000_000,
        regions: ['PT11'],
        thesis: {
          en: 'Diagnostics with clinical validation and a path to reimbursement.',
        },
      },
    }),
    open: await createInvestorOrganisation(t.db, context(), {
      name: 'Casa Albergaria Family Office',
      profile: {
        ...listed,
        type: 'family_office',
        subsectors: ['health'],
        stages: ['series_b_plus'],
        ticketMinCents: null,
        ticketMaxCents: null,
        regions: [],
      },
    }),
    unlisted: await createInvestorOrganisation(t.db, context(), {
      name: 'Hidden Fund',
      profile: { ...verifiedFor(), listed: false, subsectors: ['marine'] },
    }),
    unverified: await createInvestorOrganisation(t.db, context(), {
      name: 'Pending Fund',
      profile: { listed: true, subsectors: ['marine'] },
    }),
    lapsed: await createInvestorOrganisation(t.db, context(), {
      name: 'Lapsed Fund',
      profile: {
        listed: true,
        subsectors: ['marine'],
        verifiedAt: new Date(Date.now() - 800 * 86_400_000),
        verificationExpiresAt: new Date(Date.now() - 70 * 86_400_000),
      },
    }),
    revoked: await createInvestorOrganisation(t.db, context(), {
      name: 'Revoked Fund',
      profile: {
        listed: true,
        subsectors: ['marine'],
        verifiedAt: null,
        verificationExpiresAt: new Date(Date.now() + 300 * 86_400_000),
      },
    }),
    suspended: await createInvestorOrganisation(t.db, context(), {
      name: 'Suspended Fund',
      profile: { ...listed, subsectors: ['marine'] },
    }),
  }
  await t.db.update(organisations).set({ suspendedAt: new Date() }).where(eq(organisations.id, investors.suspended.organisation.id))
  for (const [key, value] of Object.entries(investors)) {
    slugs[key] = value.organisation.slug
    ownerCookies[key] = value.cookie
  }
  cookies.investor = investors.marine.cookie

  const founder = await createUser(t.db)
  await createOrganisation(t.db, 'startup', {
    members: [{ userId: founder.id }],
  })
  cookies.startup = await signIn(context(), founder.id)
  cookies.organiser = await signIn(context(), (await createOrganiser(t.db)).user.id)
  cookies.nobody = await signIn(context(), (await createUser(t.db)).id)
  const unconfirmed = await createUser(t.db, { verified: false })
  await createOrganisation(t.db, 'startup', {
    members: [{ userId: unconfirmed.id }],
  })
  cookies.unconfirmed = await signIn(context(), unconfirmed.id)
})

function directory(query = '', cookie: string | null = cookies.startup) {
  return callRoute(directoryLoader, makeRequest(`/investors${query}`, { cookie }), context())
}

async function names(query: string) {
  const reply = await directory(query)
  expect(reply.status).toBe(200)
  return (reply.data.investors as { name: string }[]).map((investor) => investor.name)
}

describe('who may see the investor directory', () => {
  it('lets startup members and organisers in', async () => {
    expect((await directory('', cookies.startup)).status).toBe(200)
    expect((await directory('', cookies.organiser)).status).toBe(200)
  })

  it('sends signed-out visitors to log in and tells everyone else who may look (403)', async () => {
    const anonymous = await directory('', null)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toBe('/login?redirectTo=%2Finvestors')
    for (const who of ['investor', 'nobody', 'unconfirmed'] as const) {
      const reply = await directory('?subsector=marine', cookies[who])
      expect(reply.status, who).toBe(403)
      expect(reply.data, who).toMatchObject({ allowed: false })
      expect(reply.data.investors, who).toBeUndefined()
    }
  })
})

describe('what the directory lists', () => {
  it('only verified, listed, non-lapsed, non-suspended investors, by name', async () => {
    expect(await names('')).toEqual(['Casa Albergaria Family Office', 'Douro Saúde Capital', 'Rede de Anxos Azuis'])
    expect(await names('?subsector=marine')).toEqual(['Rede de Anxos Azuis'])
  })

  it('filters by type, subsector, stage, region and the amount a startup seeks', async () => {
    expect(await names('?type=vc_fund')).toEqual(['Douro Saúde Capital'])
    expect(await names('?subsector=health')).toEqual(['Casa Albergaria Family Office', 'Douro Saúde Capital'])
    expect(await names('?stage=seed')).toEqual(['Douro Saúde Capital', 'Rede de Anxos Azuis'])
    expect(await names('?region=ES11')).toEqual(['Rede de Anxos Azuis'])
    expect(await names('?region=PT11&stage=seed&subsector=health')).toEqual(['Douro Saúde Capital'])
    // Ranges: 50k–400k, 250k–2M and an open one.
    expect(await names('?amount=300000')).toEqual(['Casa Albergaria Family Office', 'Douro Saúde Capital', 'Rede de Anxos Azuis'])
    expect(await names('?amount=1000000')).toEqual(['Casa Albergaria Family Office', 'Douro Saúde Capital'])
    expect(await names('?amount=30000')).toEqual(['Casa Albergaria Family Office'])
    expect(await names('?amount=1.000.000')).toEqual(['Casa Albergaria Family Office', 'Douro Saúde Capital'])
  })

  it('searches names and theses in any language, ignoring accents and case', async () => {
    expect(await names('?q=douro saude')).toEqual(['Douro Saúde Capital'])
    expect(await names('?q=ACUICULTURA')).toEqual(['Rede de Anxos Azuis'])
    expect(await names('?q=reimbursement')).toEqual(['Douro Saúde Capital'])
    expect(await names('?q=100%25')).toEqual([])
  })

  it('drops filter values that make no sense instead of failing, and pages past the end show the last page', async () => {
    const reply = await directory('?type=pirate&stage=zzz&amount=-5&region=XX99&page=99')
    expect(reply.status).toBe(200)
    expect(reply.data.query).toMatchObject({
      type: undefined,
      stage: undefined,
      amount: undefined,
      region: undefined,
    })
    expect(reply.data).toMatchObject({ total: 3, page: 1, pageCount: 1 })
  })
})

describe('paging', () => {
  it('shows 20 investors a page, the filters kept in the page links', async () => {
    for (let n = 1; n <= 21; n++) {
      await createInvestorOrganisation(t.db, context(), { name: `Bio Fund ${String(n).padStart(2, '0')}`, profile: { listed: true, ...verifiedFor(), subsectors: ['bioinformatics'] } })
    }
    const first = await directory('?subsector=bioinformatics')
    expect(first.data).toMatchObject({ total: 21, page: 1, pageCount: 2 })
    expect(first.data.investors).toHaveLength(20)
    const second = await directory('?subsector=bioinformatics&page=2')
    expect(second.data.investors.map((i: { name: string }) => i.name)).toEqual(['Bio Fund 21'])
  })
})

describe('an investor page', () => {
  function page(slug: string, cookie: string | null) {
    return callRoute(pageLoader, makeRequest(`/investors/${slug}`, { cookie }), context(), { slug })
  }

  it('shows listed investors to startups, without the declared category', async () => {
    const reply = await page(slugs.marine!, cookies.startup)
    expect(reply.status).toBe(200)
    expect(reply.data.investor).toMatchObject({
      name: 'Rede de Anxos Azuis',
      organiserView: null,
      thesis: { lang: 'gl' },
    })
  })

  it('hides unlisted, unverified, lapsed and suspended investors from startups (404), not from organisers', async () => {
    for (const key of ['unlisted', 'unverified', 'lapsed', 'revoked', 'suspended']) {
      expect((await page(slugs[key]!, cookies.startup)).status, key).toBe(404)
      expect((await page(slugs[key]!, cookies.organiser)).status, key).toBe(200)
    }
    expect((await page(slugs.marine!, cookies.organiser)).data.investor.organiserView).toMatchObject({ category: 'sophisticated' })
  })

  it('lets an investor preview its own page, and refuses other investors and people without a startup', async () => {
    expect((await page(slugs.unlisted!, ownerCookies.unlisted!)).data.investor).toMatchObject({ ownMember: true, visibleInDirectory: false })
    expect((await page(slugs.health!, cookies.investor)).status).toBe(403)
    expect((await page(slugs.health!, cookies.nobody)).status).toBe(403)
    expect((await page(slugs.health!, null)).status).toBe(302)
  })
})
