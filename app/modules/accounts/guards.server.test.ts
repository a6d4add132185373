import { describe, expect, it } from 'vitest'
import { makeRequest, testLoadContext } from '../../../tests/setup/context'
import { useTestDatabase } from '../../../tests/setup/database'
import { createOrganisation, createUser, signIn } from '../../../tests/setup/factories'
import { requireInvestor, requireMembership, requireOrganiser, requireUser, safeRedirectPath } from './guards.server'
import { thrownResponse } from '../../../tests/setup/routes'

const t = useTestDatabase()


describe('route guards', () => {
  it('sends an anonymous visitor to the login page and back', async () => {
    const context = testLoadContext(t.db)
    const response = await thrownResponse(requireUser(makeRequest('/organisations/acme?tab=members'), context))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Forganisations%2Facme%3Ftab%3Dmembers')
  })

  it('lets investors through requireInvestor and refuses startup members with 403', async () => {
    const context = testLoadContext(t.db)
    const investor = await createUser(t.db)
    const founder = await createUser(t.db)
    await createOrganisation(t.db, 'investor', { members: [{ userId: investor.id }] })
    await createOrganisation(t.db, 'startup', { members: [{ userId: founder.id }] })
    const ok = await requireInvestor(makeRequest('/', { cookie: await signIn(context, investor.id) }), context)
    expect(ok.membership.kind).toBe('investor')
    const refused = await thrownResponse(requireInvestor(makeRequest('/', { cookie: await signIn(context, founder.id) }), context))
    expect(refused.status).toBe(403)
    const refusedOrganiser = await thrownResponse(requireOrganiser(makeRequest('/', { cookie: await signIn(context, founder.id) }), context))
    expect(refusedOrganiser.status).toBe(403)
  })

  it('hides an organisation from non-members with 404 and refuses management to plain members', async () => {
    const context = testLoadContext(t.db)
    const owner = await createUser(t.db)
    const member = await createUser(t.db)
    const outsider = await createUser(t.db)
    const org = await createOrganisation(t.db, 'startup', {
      members: [{ userId: owner.id }, { userId: member.id, role: 'member' }],
    })
    const asOutsider = makeRequest('/', { cookie: await signIn(context, outsider.id) })
    expect((await thrownResponse(requireMembership(asOutsider, context, org.slug))).status).toBe(404)
    const asMember = makeRequest('/', { cookie: await signIn(context, member.id) })
    expect((await requireMembership(asMember, context, org.slug)).membership.role).toBe('member')
    expect((await thrownResponse(requireMembership(asMember, context, org.slug, { manage: true }))).status).toBe(403)
    const asOwner = makeRequest('/', { cookie: await signIn(context, owner.id) })
    expect((await requireMembership(asOwner, context, org.slug, { manage: true })).membership.role).toBe('owner')
  })

  it('treats a disabled account as signed out', async () => {
    const context = testLoadContext(t.db)
    const user = await createUser(t.db, { disabledAt: new Date() })
    const response = await thrownResponse(requireUser(makeRequest('/dashboard', { cookie: await signIn(context, user.id) }), context))
    expect(response.headers.get('Location')).toMatch(/^\/login/)
  })

  it('only redirects to paths on this site', () => {
    expect(safeRedirectPath('/dashboard')).toBe('/dashboard')
    expect(safeRedirectPath('//evil.example')).toBe('/')
    expect(safeRedirectPath('https://evil.example')).toBe('/')
    expect(safeRedirectPath(null)).toBe('/')
  })
})
