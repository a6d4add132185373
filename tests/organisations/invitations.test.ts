import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { hashToken } from '~/modules/accounts/tokens.server'
import { getFixedT, localeCookie } from '~/modules/i18n/i18n.server'
import { enqueue } from '~/modules/jobs/queue.server'
import { INVITATION_EMAILS_PER_DAY } from '~/modules/organisations/invitations.server'
import { action as dashboardAction, loader as dashboardLoader } from '~/routes/dashboard'
import { action as invitationAction, loader as invitationLoader } from '~/routes/invitations.$token/route'
import { action as pageAction, loader as pageLoader } from '~/routes/organisations.$slug/route'
import { invitations, memberships, rateLimits } from '../../db/schema'
import { makeRequest, runJobs, TEST_APP_URL, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { mailTo } from '../setup/mailbox'
import { callRoute, queuedJobs } from '../setup/routes'

const t = useTestDatabase()

async function cookieFor(userId: string, uiLocale?: string) {
  const session = await signIn(testLoadContext(t.db), userId)
  if (!uiLocale) return session
  const language = (await localeCookie.serialize(uiLocale)).split(';')[0]
  return `${session}; ${language}`
}

async function postToPage(userId: string, slug: string, form: Record<string, string>, uiLocale?: string) {
  const request = makeRequest(`/organisations/${slug}`, { form, cookie: await cookieFor(userId, uiLocale) })
  return callRoute(pageAction, request, testLoadContext(t.db), { slug })
}

async function openInvitation(token: string, userId?: string) {
  const cookie = userId ? await cookieFor(userId) : null
  return callRoute(invitationLoader, makeRequest(`/invitations/${token}`, { cookie }), testLoadContext(t.db), { token })
}

async function respond(token: string, userId: string, intent: string) {
  const request = makeRequest(`/invitations/${token}`, { form: { intent }, cookie: await cookieFor(userId) })
  return callRoute(invitationAction, request, testLoadContext(t.db), { token })
}

/** The token of the newest invitation link mailed to `email`. */
async function latestInvitationToken(email: string): Promise<string> {
  const messages = await mailTo(t.db, email)
  const text = messages.at(-1)?.text ?? ''
  const match = text.match(new RegExp(`${TEST_APP_URL.replace(/[./]/g, '\\$&')}/invitations/([A-Za-z0-9_-]+)`))
  if (!match) throw new Error(`no invitation link mailed to ${email}:\n${text}`)
  return match[1]!
}

async function setUp(role: 'owner' | 'admin' = 'owner') {
  const owner = await createUser(t.db, { name: 'Antía Lois' })
  const organisation = await createOrganisation(t.db, 'startup', { name: 'Bioloxía Atlántica', members: [{ userId: owner.id, role }] })
  return { owner, organisation }
}

const isMember = async (organisationId: string, userId: string) =>
  (await t.db.select().from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))).length === 1

describe('invitations', () => {
  it('invites by email in the inviter’s language, mails a link, and the invited person joins', async () => {
    const { owner, organisation } = await setUp()
    const invite = await postToPage(owner.id, organisation.slug, { intent: 'invite', email: '  Brais@Example.TEST ', role: 'admin' }, 'gl')
    expect(invite.status).toBe(302)
    expect(invite.location).toBe(`/organisations/${organisation.slug}`)

    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.organisationId, organisation.id))
    expect(invitation).toMatchObject({ email: 'brais@example.test', role: 'admin', locale: 'gl', invitedBy: owner.id, tokenHash: null })
    const days = (invitation!.expiresAt.getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(13.9)
    expect(days).toBeLessThanOrEqual(14)
    // The email is a job queued with the invitation, in the same transaction.
    expect(await queuedJobs(t.db)).toEqual([{ task: 'email.invitation', payload: { invitationId: invitation!.id }, key: `invite:${invitation!.id}` }])

    await runJobs(t.db, t.url)
    const [mail] = await mailTo(t.db, 'brais@example.test')
    const gl = getFixedT('gl')
    expect(mail!.subject).toBe(gl('organisations.email.invitation.subject', { inviter: 'Antía Lois', organisation: 'Bioloxía Atlántica' }))
    expect(mail!.subject).toBe('Antía Lois convidoute a unirte a Bioloxía Atlántica en Ponte')
    expect(mail!.html).toContain('lang="gl"')
    expect(mail!.text).toContain('«Administrador»')
    const token = await latestInvitationToken('brais@example.test')
    const [stored] = await t.db.select().from(invitations).where(eq(invitations.id, invitation!.id))
    expect(stored!.tokenHash).toBe(hashToken(token))

    // Someone who is not signed in sees what the invitation is and where to sign in.
    const anonymous = await openInvitation(token)
    expect(anonymous.data).toMatchObject({
      viewer: 'anonymous',
      invitation: { organisationName: 'Bioloxía Atlántica', role: 'admin', status: 'pending', email: 'brais@example.test' },
    })

    // Another account cannot accept it; it is told which address the invitation is for.
    const stranger = await createUser(t.db, { email: 'someone-else@example.test' })
    expect((await openInvitation(token, stranger.id)).data.viewer).toBe('other-account')
    expect((await respond(token, stranger.id, 'accept')).status).toBe(403)
    expect(await isMember(organisation.id, stranger.id)).toBe(false)

    // The invited person accepts and becomes an admin of the organisation.
    const brais = await createUser(t.db, { email: 'brais@example.test', name: 'Brais' })
    expect((await openInvitation(token, brais.id)).data.viewer).toBe('invited')
    const accepted = await respond(token, brais.id, 'accept')
    expect(accepted.status).toBe(302)
    expect(accepted.location).toBe(`/organisations/${organisation.slug}`)
    const [membership] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisation.id), eq(memberships.userId, brais.id)))
    expect(membership!.role).toBe('admin')
    const [used] = await t.db.select().from(invitations).where(eq(invitations.id, invitation!.id))
    expect(used!.acceptedBy).toBe(brais.id)
    expect(used!.acceptedAt).toBeInstanceOf(Date)

    // Accepting twice is harmless; the link now leads to the organisation.
    expect((await respond(token, brais.id, 'accept')).location).toBe(`/organisations/${organisation.slug}`)
    expect((await openInvitation(token, brais.id)).data.invitation).toMatchObject({ status: 'accepted', joinedAs: true })
    const page = await callRoute(pageLoader, makeRequest(`/organisations/${organisation.slug}`, { cookie: await cookieFor(brais.id) }), testLoadContext(t.db), {
      slug: organisation.slug,
    })
    expect(page.data.members.map((m: { name: string }) => m.name).sort()).toEqual(['Antía Lois', 'Brais'])
    expect(page.data.invitations).toEqual([])
  })

  it('refreshes the open invitation when the same address is invited again', async () => {
    const { owner, organisation } = await setUp()
    await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'carme@example.test', role: 'member' }, 'es')
    await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'CARME@example.test', role: 'admin' }, 'pt')
    const rows = await t.db.select().from(invitations).where(eq(invitations.organisationId, organisation.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ role: 'admin', locale: 'pt' })
    expect((await queuedJobs(t.db)).filter((job) => job.key === `invite:${rows[0]!.id}`)).toHaveLength(1)
    await runJobs(t.db, t.url)
    const messages = await mailTo(t.db, 'carme@example.test')
    expect(messages).toHaveLength(1)
    expect(messages[0]!.subject).toBe('Antía Lois convidou-o para se juntar a Bioloxía Atlántica no Ponte')
  })

  it('refuses to invite someone who is already a member, next to the email field', async () => {
    const { owner, organisation } = await setUp()
    const colleague = await createUser(t.db, { email: 'xiana@example.test' })
    await t.db.insert(memberships).values({ organisationId: organisation.id, userId: colleague.id, role: 'member' })
    const reply = await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'Xiana@example.test', role: 'member' })
    expect(reply.status).toBe(400)
    expect(reply.data).toMatchObject({ intent: 'invite', result: { error: { email: ['organisations.errors.alreadyMember'] } } })
    expect(await t.db.select().from(invitations).where(eq(invitations.organisationId, organisation.id))).toEqual([])
  })

  it('lets only owners invite owners', async () => {
    const { owner: admin, organisation } = await setUp('admin')
    const refused = await postToPage(admin.id, organisation.slug, { intent: 'invite', email: 'boss@example.test', role: 'owner' })
    expect(refused.status).toBe(403)
    const owner = await createUser(t.db)
    await t.db.insert(memberships).values({ organisationId: organisation.id, userId: owner.id, role: 'owner' })
    expect((await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'boss@example.test', role: 'owner' })).status).toBe(302)
  })

  it('resending mails a new link and the old one stops working; revoking closes the invitation', async () => {
    const { owner, organisation } = await setUp()
    await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'iago@example.test', role: 'member' })
    await runJobs(t.db, t.url)
    const first = await latestInvitationToken('iago@example.test')
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.email, 'iago@example.test'))

    expect((await postToPage(owner.id, organisation.slug, { intent: 'resend-invitation', invitationId: invitation!.id })).status).toBe(302)
    await runJobs(t.db, t.url)
    const second = await latestInvitationToken('iago@example.test')
    expect(second).not.toBe(first)
    const old = await openInvitation(first)
    expect(old.status).toBe(404)
    expect(old.data.invitation).toBeNull()
    expect((await openInvitation(second)).data.invitation.status).toBe('pending')

    expect((await postToPage(owner.id, organisation.slug, { intent: 'revoke-invitation', invitationId: invitation!.id })).status).toBe(302)
    expect((await openInvitation(second)).data.invitation.status).toBe('revoked')
    const iago = await createUser(t.db, { email: 'iago@example.test' })
    const refused = await respond(second, iago.id, 'accept')
    expect(refused.status).toBe(400)
    expect(refused.data.result.error['']).toEqual(['organisations.errors.invitationRevoked'])
    expect(await isMember(organisation.id, iago.id)).toBe(false)
    // Resending a closed invitation is refused with a message, not an error page.
    const resend = await postToPage(owner.id, organisation.slug, { intent: 'resend-invitation', invitationId: invitation!.id })
    expect(resend.status).toBe(400)
    expect(resend.data.result.error['']).toEqual(['organisations.errors.invitationClosed'])
  })

  it('an expired invitation cannot be accepted and is not mailed', async () => {
    const { owner, organisation } = await setUp()
    await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'olalla@example.test', role: 'member' })
    await runJobs(t.db, t.url)
    const token = await latestInvitationToken('olalla@example.test')
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, 'olalla@example.test'))

    expect((await openInvitation(token)).data.invitation.status).toBe('expired')
    const olalla = await createUser(t.db, { email: 'olalla@example.test' })
    const refused = await respond(token, olalla.id, 'accept')
    expect(refused.status).toBe(400)
    expect(refused.data.result.error['']).toEqual(['organisations.errors.invitationExpired'])
    expect(await isMember(organisation.id, olalla.id)).toBe(false)

    // A job for an expired invitation sends nothing.
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.email, 'olalla@example.test'))
    await enqueue(t.db, 'email.invitation', { invitationId: invitation!.id })
    await runJobs(t.db, t.url)
    expect(await mailTo(t.db, 'olalla@example.test')).toHaveLength(1)
  })

  it('asks an unverified invited person to confirm their address first', async () => {
    const { owner, organisation } = await setUp()
    await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'new@example.test', role: 'member' })
    await runJobs(t.db, t.url)
    const token = await latestInvitationToken('new@example.test')
    const newcomer = await createUser(t.db, { email: 'new@example.test', verified: false })
    expect((await openInvitation(token, newcomer.id)).data.viewer).toBe('unverified')
    expect((await respond(token, newcomer.id, 'accept')).location).toBe('/verify-email')
    expect(await isMember(organisation.id, newcomer.id)).toBe(false)
  })

  it('shows pending invitations on the dashboard, where they can be accepted or declined', async () => {
    const { owner, organisation } = await setUp()
    const other = await createOrganisation(t.db, 'investor', { name: 'Douro Ventures', members: [{ userId: owner.id }] })
    const rosa = await createUser(t.db, { email: 'rosa@example.test', name: 'Rosa' })
    await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'rosa@example.test', role: 'member' })
    await postToPage(owner.id, other.slug, { intent: 'invite', email: 'rosa@example.test', role: 'admin' })

    const context = testLoadContext(t.db)
    const dashboard = await callRoute(dashboardLoader, makeRequest('/dashboard', { cookie: await cookieFor(rosa.id) }), context)
    expect(dashboard.data.organisations).toEqual([])
    expect(dashboard.data.invitations.map((i: { organisationName: string }) => i.organisationName).sort()).toEqual([
      'Bioloxía Atlántica',
      'Douro Ventures',
    ])
    const [first, second] = dashboard.data.invitations as { id: string; organisationName: string }[]
    const answer = async (invitationId: string, intent: string) =>
      callRoute(dashboardAction, makeRequest('/dashboard', { form: { intent, invitationId }, cookie: await cookieFor(rosa.id) }), context)

    // Someone else cannot use Rosa's invitation by its id.
    const intruder = await createUser(t.db)
    const stolen = await callRoute(
      dashboardAction,
      makeRequest('/dashboard', { form: { intent: 'accept', invitationId: first!.id }, cookie: await cookieFor(intruder.id) }),
      context,
    )
    expect(stolen.status).toBe(403)

    expect((await answer(first!.id, 'accept')).status).toBe(302)
    expect((await answer(second!.id, 'decline')).location).toBe('/dashboard')
    const after = await callRoute(dashboardLoader, makeRequest('/dashboard', { cookie: await cookieFor(rosa.id) }), context)
    expect(after.data.invitations).toEqual([])
    expect(after.data.organisations).toEqual([expect.objectContaining({ name: first!.organisationName, role: expect.any(String) })])
    expect((await answer(second!.id, 'accept')).status).toBe(400)
  })

  it('shows nothing to an unverified account that merely claims the invited address', async () => {
    const { owner, organisation } = await setUp()
    await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'claimed@example.test', role: 'member' })
    const claimant = await createUser(t.db, { email: 'claimed@example.test', verified: false })
    const dashboard = await callRoute(dashboardLoader, makeRequest('/dashboard', { cookie: await cookieFor(claimant.id) }), testLoadContext(t.db))
    expect(dashboard.data.invitations).toEqual([])
  })

  it('limits how many invitation emails an organisation sends a day', async () => {
    const { owner, organisation } = await setUp()
    await t.db.insert(rateLimits).values({
      key: `invitations:org:${organisation.id}`,
      count: INVITATION_EMAILS_PER_DAY - 1,
      windowEndsAt: new Date(Date.now() + 3_600_000),
    })
    expect((await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'last@example.test', role: 'member' })).status).toBe(302)
    const refused = await postToPage(owner.id, organisation.slug, { intent: 'invite', email: 'one-too-many@example.test', role: 'member' })
    expect(refused.status).toBe(400)
    expect(refused.data.result.error['']).toEqual(['organisations.errors.tooManyInvitations'])
    expect(await t.db.select().from(invitations).where(eq(invitations.email, 'one-too-many@example.test'))).toEqual([])
    const [last] = await t.db.select().from(invitations).where(eq(invitations.email, 'last@example.test'))
    expect((await postToPage(owner.id, organisation.slug, { intent: 'resend-invitation', invitationId: last!.id })).status).toBe(400)
  })
})
