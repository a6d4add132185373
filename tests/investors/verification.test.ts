/**
 * Verification: an owner or admin asks (category, risk warning), organisers decide with reasons,
 * the decision reaches every member in their language, and a verification lapses or is revoked.
 */
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getVerificationStatus, getVerifiedInvestorMembership } from '~/modules/investors/verification.server'
import { loader as apiLoader } from '~/routes/api.v1.proposals.$id'
import { action as requestAction, loader as statusLoader } from '~/routes/organisations_.$slug.verification/route'
import { action as organiserAction, loader as organiserLoader } from '~/routes/organiser.investors'
import { investorProfiles, investorVerificationRequests, memberships, notifications } from '../../db/schema'
import { makeRequest, runJobs, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { mailTo } from '../setup/mailbox'
import { actorFor, createOrganiser, publishedProposal } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { createInvestorOrganisation, verifiedFor } from './helpers'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

let organiserCookie: string
let proposalId: string
beforeAll(async () => {
  const organiser = await createOrganiser(t.db)
  organiserCookie = await signIn(context(), organiser.user.id)
  ;({ id: proposalId } = await publishedProposal(t.db, {
    organiser: organiser.actor,
  }))
})

function ask(cookie: string | null, slug: string, form?: Record<string, string>) {
  const request = makeRequest(`/organisations/${slug}/verification`, {
    cookie,
    form,
  })
  return callRoute(form ? requestAction : statusLoader, request, context(), {
    slug,
  })
}

function decide(cookie: string | null, form?: Record<string, string>) {
  return callRoute(form ? organiserAction : organiserLoader, makeRequest('/organiser/investors', { cookie, form }), context())
}

async function pendingRequestOf(organisationId: string) {
  const [row] = await t.db
    .select()
    .from(investorVerificationRequests)
    .where(eq(investorVerificationRequests.organisationId, organisationId))
    .orderBy(investorVerificationRequests.createdAt)
  return row!
}

async function tierFor(cookie: string) {
  const reply = await callRoute(apiLoader, makeRequest(`/api/v1/proposals/${proposalId}`, { cookie }), context(), { id: proposalId })
  expect(reply.status).toBe(200)
  return reply.data.tier as string
}

const request = {
  intent: 'request',
  category: 'sophisticated',
  acknowledgeRisk: 'on',
}

describe('asking to be verified', () => {
  it('needs a category and the risk warning ticked, from an owner or admin, one request at a time', async () => {
    const investor = await createInvestorOrganisation(t.db, context())
    const plain = await createUser(t.db)
    await t.db.insert(memberships).values({
      organisationId: investor.organisation.id,
      userId: plain.id,
      role: 'member',
    })
    const slug = investor.organisation.slug

    const unticked = await ask(investor.cookie, slug, {
      intent: 'request',
      category: 'sophisticated',
    })
    expect(unticked.status).toBe(400)
    expect(unticked.data.result.error).toMatchObject({
      acknowledgeRisk: ['investors.verification.errors.riskRequired'],
    })
    const noCategory = await ask(investor.cookie, slug, {
      intent: 'request',
      acknowledgeRisk: 'on',
    })
    expect(noCategory.data.result.error).toMatchObject({
      category: ['investors.verification.errors.categoryRequired'],
    })
    expect((await ask(investor.cookie, slug, { ...request, category: 'whale' })).status).toBe(400)

    // A plain member sees the status but may not ask; another organisation's member gets a 404.
    const plainCookie = await signIn(context(), plain.id)
    expect((await ask(plainCookie, slug)).data).toMatchObject({
      canManage: false,
      status: { state: 'unverified', canRequest: true },
    })
    expect((await ask(plainCookie, slug, request)).status).toBe(403)
    const stranger = await createInvestorOrganisation(t.db, context())
    expect((await ask(stranger.cookie, slug)).status).toBe(404)
    expect((await ask(stranger.cookie, slug, request)).status).toBe(404)
    expect(await t.db.select().from(investorVerificationRequests).where(eq(investorVerificationRequests.organisationId, investor.organisation.id))).toEqual([])

    expect((await ask(investor.cookie, slug, request)).status).toBe(302)
    const again = await ask(investor.cookie, slug, {
      ...request,
      category: 'non_sophisticated',
    })
    expect(again.status).toBe(400)
    expect(again.data.result.error).toMatchObject({
      '': ['investors.verification.errors.alreadyPending'],
    })
    const status = (await ask(investor.cookie, slug)).data.status
    expect(status).toMatchObject({ state: 'pending', canRequest: false })
    expect(status.history).toHaveLength(1)
    expect((await pendingRequestOf(investor.organisation.id)).category).toBe('sophisticated')
  })
})

describe('organisers deciding', () => {
  it('approves: verified for two years in the declared category, the verified tier opens, members are told in their language', async () => {
    const investor = await createInvestorOrganisation(t.db, context(), {
      name: 'Fondo Atlántico',
      locale: 'es',
    })
    const colleague = await createUser(t.db, { locale: 'gl' })
    await t.db.insert(memberships).values({
      organisationId: investor.organisation.id,
      userId: colleague.id,
      role: 'member',
    })
    await ask(investor.cookie, investor.organisation.slug, {
      ...request,
      category: 'non_sophisticated',
    })
    const pending = await pendingRequestOf(investor.organisation.id)
    expect(await tierFor(investor.cookie)).toBe('public')

    // The queue shows the request with its category.
    const queue = await decide(organiserCookie)
    expect(queue.data.requests).toContainEqual(
      expect.objectContaining({
        id: pending.id,
        name: 'Fondo Atlántico',
        category: 'non_sophisticated',
        renewal: false,
      }),
    )

    expect(
      (
        await decide(organiserCookie, {
          intent: 'approve',
          requestId: pending.id,
        })
      ).status,
    ).toBe(302)
    const [profile] = await t.db.select().from(investorProfiles).where(eq(investorProfiles.organisationId, investor.organisation.id))
    expect(profile!.verifiedAt).not.toBeNull()
    expect(profile!.investorCategory).toBe('non_sophisticated')
    const years = (profile!.verificationExpiresAt!.getTime() - profile!.verifiedAt!.getTime()) / (365.25 * 86_400_000)
    expect(years).toBeCloseTo(2, 1)
    expect(await tierFor(investor.cookie)).toBe('verified')
    expect((await ask(investor.cookie, investor.organisation.slug)).data.status).toMatchObject({
      state: 'verified',
      canRequest: false,
      category: 'non_sophisticated',
    })

    // Approving twice is refused; the organisers' list shows the category.
    expect(
      (
        await decide(organiserCookie, {
          intent: 'approve',
          requestId: pending.id,
        })
      ).status,
    ).toBe(400)
    expect((await decide(organiserCookie)).data.investors).toContainEqual(
      expect.objectContaining({
        id: investor.organisation.id,
        verified: true,
        category: 'non_sophisticated',
      }),
    )

    await runJobs(t.db, t.url)
    const [spanish] = await mailTo(t.db, investor.owner.email)
    expect(spanish!.subject).toBe('Vuestra organización inversora está verificada en Ponte')
    expect(spanish!.text).toContain('Fondo Atlántico')
    expect(spanish!.text).toContain(`/organisations/${investor.organisation.slug}/verification`)
    const [galician] = await mailTo(t.db, colleague.email)
    expect(galician!.subject).toBe('A vosa organización investidora está verificada en Ponte')
    const inApp = await t.db.select().from(notifications).where(eq(notifications.userId, colleague.id))
    expect(inApp).toMatchObject([
      {
        kind: 'verification.decided',
        data: { context: 'approved', organisation: 'Fondo Atlántico' },
      },
    ])
  })

  it('declines only with a reason, which the investor reads on its page and in the email; then it may ask again', async () => {
    const investor = await createInvestorOrganisation(t.db, context(), {
      name: 'Casa Miño',
      locale: 'pt',
    })
    await ask(investor.cookie, investor.organisation.slug, request)
    const pending = await pendingRequestOf(investor.organisation.id)

    const noReason = await decide(organiserCookie, {
      intent: 'decline',
      requestId: pending.id,
      reason: '  ',
    })
    expect(noReason.status).toBe(400)
    expect(noReason.data.result.error).toMatchObject({
      reason: ['investors.queue.errors.reasonRequired'],
    })
    const reason = 'We could not confirm the own funds you declared; send your latest annual accounts.'
    expect(
      (
        await decide(organiserCookie, {
          intent: 'decline',
          requestId: pending.id,
          reason,
        })
      ).status,
    ).toBe(302)

    const status = (await ask(investor.cookie, investor.organisation.slug)).data.status
    expect(status).toMatchObject({
      state: 'declined',
      reason,
      canRequest: true,
    })
    expect(await tierFor(investor.cookie)).toBe('public')
    await runJobs(t.db, t.url)
    const [mail] = await mailTo(t.db, investor.owner.email)
    expect(mail!.subject).toBe('O vosso pedido de verificação no Ponte foi recusado')
    expect(mail!.text).toContain(reason)

    expect((await ask(investor.cookie, investor.organisation.slug, request)).status).toBe(302)
    expect((await ask(investor.cookie, investor.organisation.slug)).data.status.state).toBe('pending')
  })

  it('refuses anyone but organisers, and an organiser deciding on an organisation they belong to', async () => {
    const investor = await createInvestorOrganisation(t.db, context())
    await ask(investor.cookie, investor.organisation.slug, request)
    const pending = await pendingRequestOf(investor.organisation.id)

    // The investor itself, and a startup member, cannot reach the queue or decide.
    expect((await decide(investor.cookie)).status).toBe(403)
    expect(
      (
        await decide(investor.cookie, {
          intent: 'approve',
          requestId: pending.id,
        })
      ).status,
    ).toBe(403)
    const founder = await createUser(t.db)
    await createOrganisation(t.db, 'startup', {
      members: [{ userId: founder.id }],
    })
    expect(
      (
        await decide(await signIn(context(), founder.id), {
          intent: 'approve',
          requestId: pending.id,
        })
      ).status,
    ).toBe(403)
    expect((await decide(null, { intent: 'approve', requestId: pending.id })).status).toBe(302)

    // An organiser who is also a member of the investor cannot approve it.
    const insider = await createOrganiser(t.db)
    await t.db.insert(memberships).values({
      organisationId: investor.organisation.id,
      userId: insider.user.id,
      role: 'member',
    })
    expect(
      (
        await decide(await signIn(context(), insider.user.id), {
          intent: 'approve',
          requestId: pending.id,
        })
      ).status,
    ).toBe(403)

    expect(
      (
        await decide(organiserCookie, {
          intent: 'promote',
          requestId: pending.id,
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await decide(organiserCookie, {
          intent: 'approve',
          requestId: crypto.randomUUID(),
        })
      ).status,
    ).toBe(400)
    expect((await pendingRequestOf(investor.organisation.id)).status).toBe('pending')
    expect(await getVerifiedInvestorMembership(t.db, await actorFor(t.db, investor.owner.id))).toBeNull()
  })

  it('revokes with a reason: the verified tier closes at once and the members are told why', async () => {
    const investor = await createInvestorOrganisation(t.db, context(), {
      name: 'Ribeira Partners',
    })
    await ask(investor.cookie, investor.organisation.slug, request)
    await decide(organiserCookie, {
      intent: 'approve',
      requestId: (await pendingRequestOf(investor.organisation.id)).id,
    })
    expect(await tierFor(investor.cookie)).toBe('verified')

    expect(
      (
        await decide(organiserCookie, {
          intent: 'revoke',
          organisationId: investor.organisation.id,
          reason: '',
        })
      ).status,
    ).toBe(400)
    expect(await tierFor(investor.cookie)).toBe('verified')
    const reason = 'The fund was wound up in November.'
    expect(
      (
        await decide(organiserCookie, {
          intent: 'revoke',
          organisationId: investor.organisation.id,
          reason,
        })
      ).status,
    ).toBe(302)
    expect(await tierFor(investor.cookie)).toBe('public')
    expect((await ask(investor.cookie, investor.organisation.slug)).data.status).toMatchObject({ state: 'revoked', reason, canRequest: true })
    expect(
      (
        await decide(organiserCookie, {
          intent: 'revoke',
          organisationId: investor.organisation.id,
          reason,
        })
      ).status,
    ).toBe(400)

    await runJobs(t.db, t.url)
    const subjects = (await mailTo(t.db, investor.owner.email)).map((mail) => mail.subject)
    expect(subjects).toEqual(['Your investor organisation is verified on Ponte', 'Your verification on Ponte was revoked'])
    expect((await mailTo(t.db, investor.owner.email))[1]!.text).toContain(reason)
  })
})

describe('lapsing', () => {
  it('after two years the verified tier is gone, and the investor may ask again', async () => {
    const investor = await createInvestorOrganisation(t.db, context(), {
      profile: verifiedFor(365),
    })
    expect(await tierFor(investor.cookie)).toBe('verified')
    await t.db
      .update(investorProfiles)
      .set({
        verifiedAt: new Date(Date.now() - 731 * 86_400_000),
        verificationExpiresAt: new Date(Date.now() - 86_400_000),
      })
      .where(eq(investorProfiles.organisationId, investor.organisation.id))
    expect(await tierFor(investor.cookie)).toBe('public')
    expect(await getVerifiedInvestorMembership(t.db, await actorFor(t.db, investor.owner.id))).toBeNull()
    expect(await getVerificationStatus(t.db, investor.organisation.id)).toMatchObject({ state: 'lapsed', canRequest: true })
    expect((await ask(investor.cookie, investor.organisation.slug, request)).status).toBe(302)
    const queue = await decide(organiserCookie)
    expect(queue.data.requests).toContainEqual(
      expect.objectContaining({
        organisationId: investor.organisation.id,
        renewal: false,
      }),
    )
  })

  it('opens renewal in the 60 days before the expiry, not earlier', async () => {
    const early = await createInvestorOrganisation(t.db, context(), {
      profile: verifiedFor(200),
    })
    expect((await ask(early.cookie, early.organisation.slug)).data.status).toMatchObject({ state: 'verified', canRequest: false })
    const refused = await ask(early.cookie, early.organisation.slug, request)
    expect(refused.data.result.error).toMatchObject({
      '': ['investors.verification.errors.alreadyVerified'],
    })

    const soon = await createInvestorOrganisation(t.db, context(), {
      profile: verifiedFor(30),
    })
    expect((await ask(soon.cookie, soon.organisation.slug)).data.status).toMatchObject({ state: 'verified', canRequest: true })
    expect((await ask(soon.cookie, soon.organisation.slug, request)).status).toBe(302)
    // Still verified while the renewal waits; the queue marks it as a renewal.
    expect(await tierFor(soon.cookie)).toBe('verified')
    expect((await decide(organiserCookie)).data.requests).toContainEqual(
      expect.objectContaining({
        organisationId: soon.organisation.id,
        renewal: true,
      }),
    )
  })
})
