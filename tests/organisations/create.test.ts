import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { action as adminAction } from '~/routes/admin._index'
import { action as newAction, loader as newLoader } from '~/routes/organisations.new'
import { loader as pageLoader } from '~/routes/organisations.$slug/route'
import { investorProfiles, memberships, organisations, startupProfiles } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'

const t = useTestDatabase()

async function create(userId: string, form: Record<string, string>) {
  const context = testLoadContext(t.db)
  const cookie = await signIn(context, userId)
  return callRoute(newAction, makeRequest('/organisations/new', { form, cookie }), context)
}

const startup = { kind: 'startup', name: 'Bioloxía Atlántica', country: 'ES', region: 'ES11', city: 'Vigo' }

describe('creating an organisation', () => {
  it('creates a startup with its profile and makes the creator its owner', async () => {
    const founder = await createUser(t.db, { name: 'Uxía' })
    const reply = await create(founder.id, startup)
    expect(reply.status).toBe(302)
    expect(reply.location).toBe('/organisations/bioloxia-atlantica')

    const [organisation] = await t.db.select().from(organisations).where(eq(organisations.slug, 'bioloxia-atlantica'))
    expect(organisation).toMatchObject({ kind: 'startup', name: 'Bioloxía Atlántica', country: 'ES', createdBy: founder.id })
    expect(await t.db.select().from(memberships).where(eq(memberships.organisationId, organisation!.id))).toEqual([
      expect.objectContaining({ userId: founder.id, role: 'owner' }),
    ])
    const [profile] = await t.db.select().from(startupProfiles).where(eq(startupProfiles.organisationId, organisation!.id))
    expect(profile).toMatchObject({ region: 'ES11', city: 'Vigo' })

    // The owner sees the page with themselves as owner.
    const context = testLoadContext(t.db)
    const page = await callRoute(pageLoader, makeRequest(reply.location!, { cookie: await signIn(context, founder.id) }), context, {
      slug: 'bioloxia-atlantica',
    })
    expect(page.status).toBe(200)
    expect(page.data.organisation).toMatchObject({ name: 'Bioloxía Atlántica', region: 'ES11', city: 'Vigo' })
    expect(page.data.members).toEqual([expect.objectContaining({ userId: founder.id, role: 'owner' })])
  })

  it('gives the same name a unique slug: -2, -3', async () => {
    const founder = await createUser(t.db)
    const name = 'Porto Biotech'
    const slugs: string[] = []
    for (let i = 0; i < 3; i++) {
      const reply = await create(founder.id, { kind: 'investor', name, country: 'PT', investorType: 'vc_fund' })
      slugs.push(reply.location!)
    }
    expect(slugs).toEqual(['/organisations/porto-biotech', '/organisations/porto-biotech-2', '/organisations/porto-biotech-3'])
    const [organisation] = await t.db.select().from(organisations).where(eq(organisations.slug, 'porto-biotech-3'))
    const [profile] = await t.db.select().from(investorProfiles).where(eq(investorProfiles.organisationId, organisation!.id))
    expect(profile!.type).toBe('vc_fund')
  })

  it('never gives an organisation the slug of the creation page', async () => {
    const founder = await createUser(t.db)
    const reply = await create(founder.id, { ...startup, name: 'New' })
    expect(reply.location).toBe('/organisations/new-2')
  })

  it('refuses organiser organisations to everyone but platform admins', async () => {
    const founder = await createUser(t.db)
    const before = await t.db.select().from(organisations)
    const refused = await create(founder.id, { kind: 'organiser', name: 'Fake Cluster', country: 'ES' })
    expect(refused.status).toBe(403)
    expect(await t.db.select().from(organisations)).toHaveLength(before.length)

    const context = testLoadContext(t.db)
    const form = { kind: 'organiser', name: 'Cluster Biotech Ponte', country: 'ES' }
    const viaAdminPage = await callRoute(adminAction, makeRequest('/admin', { form, cookie: await signIn(context, founder.id) }), context)
    expect(viaAdminPage.status).toBe(403)

    const admin = await createUser(t.db, { isAdmin: true })
    const created = await callRoute(adminAction, makeRequest('/admin', { form, cookie: await signIn(context, admin.id) }), context)
    expect(created.location).toBe('/organisations/cluster-biotech-ponte')
    const [organisation] = await t.db.select().from(organisations).where(eq(organisations.slug, 'cluster-biotech-ponte'))
    expect(organisation!.kind).toBe('organiser')
    expect(await t.db.select().from(memberships).where(eq(memberships.organisationId, organisation!.id))).toEqual([
      expect.objectContaining({ userId: admin.id, role: 'owner' }),
    ])

    // The creation page offers the organiser kind to admins only.
    const forFounder = await callRoute(newLoader, makeRequest('/organisations/new', { cookie: await signIn(context, founder.id) }), context)
    expect(forFounder.data.kinds).toEqual(['startup', 'investor'])
    const forAdmin = await callRoute(newLoader, makeRequest('/organisations/new', { cookie: await signIn(context, admin.id) }), context)
    expect(forAdmin.data.kinds).toEqual(['startup', 'investor', 'organiser'])
  })

  it('answers bad input with 400 and field errors, storing nothing', async () => {
    const founder = await createUser(t.db)
    const before = await t.db.select().from(organisations)
    const reply = await create(founder.id, { kind: 'startup', name: 'A', country: 'ES', region: 'PT11', city: '' })
    expect(reply.status).toBe(400)
    expect(reply.data.error).toMatchObject({
      name: ['organisations.errors.nameTooShort'],
      city: ['organisations.errors.cityRequired'],
    })
    // What the person typed comes back to the form.
    expect(reply.data.initialValue).toMatchObject({ kind: 'startup', name: 'A', region: 'PT11' })
    expect(await t.db.select().from(organisations)).toHaveLength(before.length)
  })

  it('requires a signed-in person with a verified email', async () => {
    const anonymous = await callRoute(newAction, makeRequest('/organisations/new', { form: startup }), testLoadContext(t.db))
    expect(anonymous.location).toBe('/login?redirectTo=%2Forganisations%2Fnew')
    const unverified = await createUser(t.db, { verified: false })
    const reply = await create(unverified.id, startup)
    expect(reply.location).toBe('/verify-email')
  })
})
