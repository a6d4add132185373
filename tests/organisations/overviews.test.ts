import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { loader as adminLoader } from '~/routes/admin._index'
import { loader as dashboardLoader } from '~/routes/dashboard'
import { loader as organiserLoader } from '~/routes/organiser._index'
import { invitations } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'

const t = useTestDatabase()

async function visit(loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, userId?: string) {
  const context = testLoadContext(t.db)
  const cookie = userId ? await signIn(context, userId) : null
  return callRoute(loader, makeRequest(path, { cookie }), context)
}

describe('dashboard, organiser and admin pages', () => {
  it('greets a newcomer with an empty state, and lists a member’s organisations with kind and role', async () => {
    const newcomer = await createUser(t.db, { name: 'Sabela', verified: false })
    const empty = await visit(dashboardLoader, '/dashboard', newcomer.id)
    expect(empty.data).toMatchObject({ name: 'Sabela', organisations: [], invitations: [] })

    const founder = await createUser(t.db)
    await createOrganisation(t.db, 'startup', { name: 'Algae Labs', members: [{ userId: founder.id, role: 'admin' }] })
    await createOrganisation(t.db, 'investor', { name: 'Minho Capital', members: [{ userId: founder.id, role: 'member' }] })
    const full = await visit(dashboardLoader, '/dashboard', founder.id)
    expect(full.data.organisations).toEqual([
      expect.objectContaining({ name: 'Algae Labs', kind: 'startup', role: 'admin' }),
      expect.objectContaining({ name: 'Minho Capital', kind: 'investor', role: 'member' }),
    ])
    expect((await visit(dashboardLoader, '/dashboard')).location).toBe('/login?redirectTo=%2Fdashboard')
  })

  it('opens /organiser to organisers and admins only, with the platform counts', async () => {
    const admin = await createUser(t.db, { isAdmin: true })
    const before = (await visit(organiserLoader, '/organiser', admin.id)).data.counts
    const founder = await createUser(t.db)
    await createOrganisation(t.db, 'startup', { members: [{ userId: founder.id }] })
    const organiser = await createUser(t.db)
    const cluster = await createOrganisation(t.db, 'organiser', { members: [{ userId: organiser.id }] })
    await t.db.insert(invitations).values([
      { organisationId: cluster.id, email: 'open@example.test', role: 'member', locale: 'es', expiresAt: new Date(Date.now() + 86_400_000) },
      { organisationId: cluster.id, email: 'old@example.test', role: 'member', locale: 'es', expiresAt: new Date(Date.now() - 1000) },
    ])

    expect((await visit(organiserLoader, '/organiser')).location).toBe('/login?redirectTo=%2Forganiser')
    expect((await visit(organiserLoader, '/organiser', founder.id)).status).toBe(403)
    const page = await visit(organiserLoader, '/organiser', organiser.id)
    expect(page.status).toBe(200)
    // Two more people, a startup and an organiser; the expired invitation is not pending.
    expect(page.data.counts).toEqual({
      users: before.users + 2,
      organisations: { startup: before.organisations.startup + 1, investor: before.organisations.investor, organiser: before.organisations.organiser + 1 },
      pendingInvitations: before.pendingInvitations + 1,
    })
    expect((await visit(organiserLoader, '/organiser', admin.id)).status).toBe(200)
  })

  it('opens /admin to platform admins only, with the latest sign-ups', async () => {
    const organiser = await createUser(t.db)
    await createOrganisation(t.db, 'organiser', { members: [{ userId: organiser.id }] })
    const admin = await createUser(t.db, { isAdmin: true, name: 'Platform Admin' })
    const unverifiedAdmin = await createUser(t.db, { isAdmin: true, verified: false })
    for (let i = 0; i < 22; i++) await createUser(t.db, { name: `Person ${i}` })

    expect((await visit(adminLoader, '/admin')).location).toBe('/login?redirectTo=%2Fadmin')
    expect((await visit(adminLoader, '/admin', organiser.id)).status).toBe(403)
    expect((await visit(adminLoader, '/admin', unverifiedAdmin.id)).location).toBe('/verify-email')
    const page = await visit(adminLoader, '/admin', admin.id)
    expect(page.status).toBe(200)
    expect(page.data.users).toHaveLength(20)
    expect(page.data.users[0].name).toBe('Person 21')
    expect(page.data.counts.users).toBeGreaterThanOrEqual(25)
  })
})
