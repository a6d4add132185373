/**
 * A round's jury: invitations by email through the job queue, in the invited person's language,
 * with a link the person accepts signed in with the invited address (and no other); resending
 * mints a new link, removing a juror closes theirs, and the jury stops changing at the shortlist.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '~/modules/accounts/tokens.server'
import { jurorSeatOf } from '~/modules/rounds/access.server'
import { action as invitationAction, loader as invitationLoader } from '~/routes/jury-invitations.$token/route'
import { roundJurors, rounds } from '../../db/schema'
import { makeRequest, runJobs, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser, signIn } from '../setup/factories'
import { mailTo, tokenFromLink } from '../setup/mailbox'
import { actorFor } from '../setup/proposal-factories'
import { callRoute, queuedJobs } from '../setup/routes'
import { createRound } from '../setup/round-factories'
import { createSetupWorld, postSetup, setupPage, type SetupWorld } from './setup-world'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)
let world: SetupWorld

beforeAll(async () => {
  world = await createSetupWorld(t.db, context())
})

const invite = (slug: string, form: Record<string, string>, cookie = world.cookies.organiser) => postSetup(context(), cookie, slug, { intent: 'invite-juror', ...form })
const openLink = async (token: string, userId?: string) =>
  callRoute(invitationLoader, makeRequest(`/jury-invitations/${token}`, { cookie: userId ? await signIn(context(), userId) : null }), context(), { token })
const accept = async (token: string, userId: string) =>
  callRoute(invitationAction, makeRequest(`/jury-invitations/${token}`, { cookie: await signIn(context(), userId), form: { intent: 'accept' } }), context(), { token })
const latestToken = async (email: string) => tokenFromLink((await mailTo(t.db, email)).at(-1)?.text ?? '', '/jury-invitations')
const seatOf = async (roundId: string, email: string) => (await t.db.select().from(roundJurors).where(and(eq(roundJurors.roundId, roundId), eq(roundJurors.email, email))))[0]

describe('jury invitations', () => {
  it('mails an investor juror a link in their account’s language; they accept signed in with that address', async () => {
    const { round } = await createRound(t.db, world.cluster.id, { name: { en: 'Cross-border round', pt: 'Concurso transfronteiriço' }, timeZone: 'Europe/Lisbon', closesAt: new Date('2099-07-01T16:00:00Z') })
    const juror = await createUser(t.db, { email: 'ines.juror@porto.test', name: 'Inês Moura', locale: 'pt' })
    const reply = await invite(round.slug, { name: 'Inês Moura', email: ' Ines.Juror@Porto.TEST ', kind: 'investor', investorOrganisationId: world.porto.organisation.id })
    expect(reply.status).toBe(302)
    expect(reply.location).toBe(`/organiser/rounds/${round.slug}?tab=jury`)
    const seat = await seatOf(round.id, 'ines.juror@porto.test')
    expect(seat).toMatchObject({ kind: 'investor', name: 'Inês Moura', investorOrganisationId: world.porto.organisation.id, userId: null, acceptedAt: null, invitedBy: world.organiser.id, tokenHash: null })
    expect((await queuedJobs(t.db)).filter((job) => job.task === 'email.jury-invitation')).toEqual([{ task: 'email.jury-invitation', payload: { jurorId: seat!.id }, key: `jury-invite:${seat!.id}` }])

    await runJobs(t.db, t.url)
    const [mail] = await mailTo(t.db, 'ines.juror@porto.test')
    expect(mail!.subject).toBe('Xoán Pereira Vilas convidou-o para o júri de Concurso transfronteiriço no Ponte')
    expect(mail!.html).toContain('lang="pt"')
    expect(mail!.text).toContain('em representação de Porto Ventures')
    // The deadline in the round's zone, named.
    expect(mail!.text).toContain('As candidaturas fecham a 1 de julho de 2099 às 17:00 WEST, hora de Europe/Lisbon.')
    const token = tokenFromLink(mail!.text ?? '', '/jury-invitations')
    expect((await seatOf(round.id, 'ines.juror@porto.test'))!.tokenHash).toBe(hashToken(token))

    const anonymous = await openLink(token)
    expect(anonymous.data).toMatchObject({ viewer: 'anonymous', invitation: { email: 'ines.juror@porto.test', organisationName: 'Porto Ventures', organiserName: 'Clúster Bio Galicia', invitedBy: 'Xoán Pereira Vilas', seated: false } })
    const stranger = await createUser(t.db, { email: 'someone@porto.test' })
    expect((await openLink(token, stranger.id)).data.viewer).toBe('other-account')
    expect((await accept(token, stranger.id)).status).toBe(403)
    const unverified = await createUser(t.db, { email: 'unverified@porto.test', verified: false })
    expect((await accept(token, unverified.id)).location).toBe('/verify-email')

    expect((await openLink(token, juror.id)).data.viewer).toBe('invited')
    const accepted = await accept(token, juror.id)
    expect(accepted.status).toBe(302)
    expect(accepted.location).toBe(`/jury/${round.slug}`)
    expect(await seatOf(round.id, 'ines.juror@porto.test')).toMatchObject({ userId: juror.id, acceptedAt: expect.any(Date) })
    expect(await jurorSeatOf(t.db, await actorFor(t.db, juror.id), round.id)).not.toBeNull()
    expect(await jurorSeatOf(t.db, await actorFor(t.db, stranger.id), round.id)).toBeNull()
    expect((await openLink(token, juror.id)).data.invitation.seated).toBe(true)
    expect((await accept(token, juror.id)).status).toBe(302)

    const page = await setupPage(context(), world.cookies.organiser, round.slug, 'jury')
    expect(page.data.jury).toEqual([expect.objectContaining({ name: 'Inês Moura', kind: 'investor', organisationName: 'Porto Ventures', acceptedAt: expect.any(Date) })])
  })

  it('writes to someone without an account in the inviting organiser’s language and checks the form', async () => {
    const { round } = await createRound(t.db, world.cluster.id, { status: 'draft', name: { en: 'Marine round', gl: 'Convocatoria mariña' } })
    const missing = await invite(round.slug, { name: '', email: 'not-an-email', kind: 'investor' })
    expect(missing.status).toBe(400)
    expect(missing.data.result.error).toMatchObject({ name: ['rounds.errors.jurorNameRequired'], email: ['rounds.errors.emailInvalid'] })
    const noOrganisation = await invite(round.slug, { name: 'Uxía', email: 'uxia@example.test', kind: 'investor' })
    expect(noOrganisation.data.result.error.investorOrganisationId).toEqual(['rounds.errors.jurorOrganisationRequired'])
    const unverified = await invite(round.slug, { name: 'Uxía', email: 'uxia@example.test', kind: 'investor', investorOrganisationId: world.unverified.organisation.id })
    expect(unverified.data.result.error.investorOrganisationId).toEqual(['rounds.errors.jurorOrganisationInvalid'])
    expect(await seatOf(round.id, 'uxia@example.test')).toBeUndefined()

    expect((await invite(round.slug, { name: 'Uxía Rivas', email: 'uxia@example.test', kind: 'independent', investorOrganisationId: world.porto.organisation.id })).status).toBe(302)
    expect(await seatOf(round.id, 'uxia@example.test')).toMatchObject({ kind: 'independent', investorOrganisationId: null })
    const twice = await invite(round.slug, { name: 'Uxía Rivas', email: 'UXIA@example.test', kind: 'independent' })
    expect(twice.status).toBe(400)
    expect(twice.data.result.error.email).toEqual(['rounds.errors.jurorAlreadyInvited'])
    await runJobs(t.db, t.url)
    const mails = await mailTo(t.db, 'uxia@example.test')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Xoán Pereira Vilas convidoute ao xurado de Convocatoria mariña en Ponte')
    expect(mails[0]!.text).toContain('como experto independente')
  })

  it('resends with a new link (the old one stops working); a removed juror’s link and seat close, and inviting again starts over', async () => {
    const { round } = await createRound(t.db, world.cluster.id)
    await invite(round.slug, { name: 'Brais Lago', email: 'brais@example.test', kind: 'independent' })
    await runJobs(t.db, t.url)
    const first = await latestToken('brais@example.test')
    const seat = (await seatOf(round.id, 'brais@example.test'))!
    expect((await postSetup(context(), world.cookies.organiser, round.slug, { intent: 'resend-juror', jurorId: seat.id })).status).toBe(302)
    await runJobs(t.db, t.url)
    const second = await latestToken('brais@example.test')
    expect(second).not.toBe(first)
    expect((await openLink(first)).status).toBe(404)
    expect((await openLink(second)).status).toBe(200)

    const brais = await createUser(t.db, { email: 'brais@example.test', name: 'Brais Lago' })
    await accept(second, brais.id)
    const resendAccepted = await postSetup(context(), world.cookies.organiser, round.slug, { intent: 'resend-juror', jurorId: seat.id })
    expect(resendAccepted.status).toBe(400)
    expect(resendAccepted.data.result.error['']).toEqual(['rounds.errors.jurorAlreadyAccepted'])

    expect((await postSetup(context(), world.cookies.organiser, round.slug, { intent: 'remove-juror', jurorId: seat.id })).status).toBe(302)
    expect((await openLink(second, brais.id)).status).toBe(404)
    expect(await jurorSeatOf(t.db, await actorFor(t.db, brais.id), round.id)).toBeNull()
    expect((await setupPage(context(), world.cookies.organiser, round.slug, 'jury')).data.jury).toEqual([])

    expect((await invite(round.slug, { name: 'Brais Lago', email: 'brais@example.test', kind: 'investor', investorOrganisationId: world.porto.organisation.id })).status).toBe(302)
    expect(await seatOf(round.id, 'brais@example.test')).toMatchObject({ id: seat.id, kind: 'investor', userId: null, acceptedAt: null, removedAt: null })
    await runJobs(t.db, t.url)
    const third = await latestToken('brais@example.test')
    expect((await accept(third, brais.id)).status).toBe(302)
  })

  it('is the round organisers’ alone, and stops changing once the shortlist is out', async () => {
    const { round } = await createRound(t.db, world.cluster.id)
    for (const role of ['otherOrganiser', 'investor', 'founder'] as const) {
      expect((await invite(round.slug, { name: 'Intruder', email: 'intruder@example.test', kind: 'independent' }, world.cookies[role])).status, role).toBe(404)
    }
    await invite(round.slug, { name: 'Late Juror', email: 'late@example.test', kind: 'independent' })
    const seat = (await seatOf(round.id, 'late@example.test'))!
    await runJobs(t.db, t.url)
    const token = await latestToken('late@example.test')
    await t.db.update(rounds).set({ status: 'shortlisted' }).where(eq(rounds.id, round.id))
    const locked = await invite(round.slug, { name: 'Later Juror', email: 'later@example.test', kind: 'independent' })
    expect(locked.status).toBe(409)
    expect(locked.data.result.error['']).toEqual(['rounds.errors.juryLocked'])
    expect((await postSetup(context(), world.cookies.organiser, round.slug, { intent: 'remove-juror', jurorId: seat.id })).status).toBe(409)
    const late = await createUser(t.db, { email: 'late@example.test' })
    const refused = await accept(token, late.id)
    expect(refused.status).toBe(409)
    expect(refused.data.result.error['']).toEqual(['rounds.errors.juryLocked'])
    expect((await seatOf(round.id, 'late@example.test'))!.acceptedAt).toBeNull()
  })
})
