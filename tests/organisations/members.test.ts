import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { organisationPageSchemas } from '~/modules/organisations/schemas'
import { action as pageAction, loader as pageLoader } from '~/routes/organisations.$slug/route'
import { invitations, memberships } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'

const t = useTestDatabase()

async function post(userId: string, slug: string, form: Record<string, string | string[]>) {
  const context = testLoadContext(t.db)
  const request = makeRequest(`/organisations/${slug}`, { form, cookie: await signIn(context, userId) })
  return callRoute(pageAction, request, context, { slug })
}

async function view(userId: string, slug: string) {
  const context = testLoadContext(t.db)
  return callRoute(pageLoader, makeRequest(`/organisations/${slug}`, { cookie: await signIn(context, userId) }), context, { slug })
}

async function roleOf(organisationId: string, userId: string) {
  const [row] = await t.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
  return row?.role ?? null
}

async function team() {
  const owner = await createUser(t.db, { name: 'Owner' })
  const admin = await createUser(t.db, { name: 'Admin' })
  const member = await createUser(t.db, { name: 'Member' })
  const organisation = await createOrganisation(t.db, 'investor', {
    members: [
      { userId: owner.id, role: 'owner' },
      { userId: admin.id, role: 'admin' },
      { userId: member.id, role: 'member' },
    ],
  })
  return { owner, admin, member, organisation }
}

describe('members and roles', () => {
  it('lets owners change roles and hand ownership over, but never leaves the organisation without an owner', async () => {
    const { owner, member, organisation } = await team()
    expect((await post(owner.id, organisation.slug, { intent: 'change-role', userId: member.id, role: 'admin' })).status).toBe(302)
    expect(await roleOf(organisation.id, member.id)).toBe('admin')

    // The last owner cannot step down or leave...
    const demoted = await post(owner.id, organisation.slug, { intent: 'change-role', userId: owner.id, role: 'member' })
    expect(demoted.status).toBe(400)
    expect(demoted.data.result.error['']).toEqual(['organisations.errors.lastOwnerDemoted'])
    const left = await post(owner.id, organisation.slug, { intent: 'leave' })
    expect(left.status).toBe(400)
    expect(left.data.result.error['']).toEqual(['organisations.errors.lastOwnerLeaves'])
    const removed = await post(owner.id, organisation.slug, { intent: 'remove-member', userId: owner.id })
    expect(removed.status).toBe(400)
    expect(await roleOf(organisation.id, owner.id)).toBe('owner')

    // ...until there is another owner.
    expect((await post(owner.id, organisation.slug, { intent: 'change-role', userId: member.id, role: 'owner' })).status).toBe(302)
    const leaving = await post(owner.id, organisation.slug, { intent: 'leave' })
    expect(leaving.location).toBe('/dashboard')
    expect(await roleOf(organisation.id, owner.id)).toBeNull()
    // The new (and now last) owner is protected in turn.
    expect((await post(member.id, organisation.slug, { intent: 'change-role', userId: member.id, role: 'admin' })).status).toBe(400)
  })

  it('lets admins manage admins and members, but not owners', async () => {
    const { owner, admin, member, organisation } = await team()
    expect((await post(admin.id, organisation.slug, { intent: 'change-role', userId: member.id, role: 'admin' })).status).toBe(302)
    expect((await post(admin.id, organisation.slug, { intent: 'change-role', userId: member.id, role: 'owner' })).status).toBe(403)
    expect((await post(admin.id, organisation.slug, { intent: 'change-role', userId: owner.id, role: 'member' })).status).toBe(403)
    expect((await post(admin.id, organisation.slug, { intent: 'remove-member', userId: owner.id })).status).toBe(403)
    expect(await roleOf(organisation.id, owner.id)).toBe('owner')
    expect((await post(admin.id, organisation.slug, { intent: 'remove-member', userId: member.id })).status).toBe(302)
    expect(await roleOf(organisation.id, member.id)).toBeNull()
  })

  it('lets a plain member see the team and leave, but refuses every management action with 403', async () => {
    const { owner, member, organisation } = await team()
    const [invitation] = await t.db
      .insert(invitations)
      .values({ organisationId: organisation.id, email: 'x@example.test', role: 'member', locale: 'en', expiresAt: new Date(Date.now() + 86_400_000) })
      .returning()
    const page = await view(member.id, organisation.slug)
    expect(page.status).toBe(200)
    expect(page.data.viewer).toMatchObject({ role: 'member', canManage: false })
    expect(page.data.members).toHaveLength(3)
    expect(page.data.invitations).toEqual([expect.objectContaining({ email: 'x@example.test' })])

    const attempts: Record<string, string>[] = [
      { intent: 'invite', email: 'friend@example.test', role: 'member' },
      { intent: 'resend-invitation', invitationId: invitation!.id },
      { intent: 'revoke-invitation', invitationId: invitation!.id },
      { intent: 'change-role', userId: member.id, role: 'owner' },
      { intent: 'remove-member', userId: owner.id },
    ]
    for (const form of attempts) expect((await post(member.id, organisation.slug, form)).status, form.intent).toBe(403)
    expect(await roleOf(organisation.id, owner.id)).toBe('owner')
    expect(await roleOf(organisation.id, member.id)).toBe('member')

    expect((await post(member.id, organisation.slug, { intent: 'leave' })).location).toBe('/dashboard')
    expect(await roleOf(organisation.id, member.id)).toBeNull()
  })

  it('hides the organisation from outsiders: 404 for the page and every action', async () => {
    const { owner, organisation } = await team()
    const outsider = await createUser(t.db)
    expect((await view(outsider.id, organisation.slug)).status).toBe(404)
    for (const intent of Object.keys(organisationPageSchemas)) {
      const reply = await post(outsider.id, organisation.slug, { intent, userId: owner.id, email: 'me@example.test', role: 'owner' })
      expect(reply.status, intent).toBe(404)
    }
    expect(await roleOf(organisation.id, outsider.id)).toBeNull()
    // An admin of the platform is an outsider too, unless a member.
    const platformAdmin = await createUser(t.db, { isAdmin: true })
    expect((await view(platformAdmin.id, organisation.slug)).status).toBe(404)
    // A signed-out visitor is sent to log in.
    const anonymous = await callRoute(pageLoader, makeRequest(`/organisations/${organisation.slug}`), testLoadContext(t.db), { slug: organisation.slug })
    expect(anonymous.location).toBe(`/login?redirectTo=%2Forganisations%2F${organisation.slug}`)
  })

  it('answers garbage sent to every intent with 400 and errors, changing nothing', async () => {
    const { owner, member, organisation } = await team()
    const garbage: Record<string, string | string[]>[] = [
      { intent: 'invite', email: 'not-an-email', role: 'emperor' },
      { intent: 'invite' },
      { intent: 'resend-invitation', invitationId: 'not-a-uuid' },
      { intent: 'resend-invitation', invitationId: randomUUID() },
      { intent: 'revoke-invitation' },
      { intent: 'revoke-invitation', invitationId: randomUUID() },
      { intent: 'change-role', userId: 'nope', role: 'admin' },
      { intent: 'change-role', userId: member.id, role: 'king' },
      { intent: 'change-role', userId: randomUUID(), role: 'admin' },
      { intent: 'remove-member', userId: '' },
      { intent: 'remove-member', userId: randomUUID() },
      { intent: 'leave', role: ['x', 'y'] },
      { intent: 'explode' },
      { intent: ['invite', 'leave'], email: 'a@b.c' },
      {},
    ]
    for (const form of garbage) {
      const reply = await post(owner.id, organisation.slug, form)
      // `leave` takes no fields: extra ones are ignored, and the last owner may not leave.
      expect(reply.status, JSON.stringify(form)).toBe(400)
      expect(reply.data.result.status, JSON.stringify(form)).toBe('error')
      expect(Object.values(reply.data.result.error ?? {}).flat().length, JSON.stringify(form)).toBeGreaterThan(0)
    }
    expect(await roleOf(organisation.id, owner.id)).toBe('owner')
    expect(await roleOf(organisation.id, member.id)).toBe('member')
    expect(await t.db.select().from(invitations).where(eq(invitations.organisationId, organisation.id))).toEqual([])
  })
})
