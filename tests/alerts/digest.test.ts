/**
 * Alert digests end to end: saved searches, proposals published through the real lifecycle and
 * indexed by the search.sync job, digests queued by the alerts.digest job and sent by the
 * email job through a real SMTP server in this process.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as unsubscribeAction, loader as unsubscribeLoader } from '~/routes/alerts.unsubscribe.$token'
import { queueAlertDigests } from '~/modules/alerts/digest.server'
import { createUnsubscribeToken } from '~/modules/alerts/unsubscribe.server'
import { enqueue } from '~/modules/jobs/queue.server'
import { createProposal } from '~/modules/proposals/editor.server'
import { proposals, savedSearches, users } from '../../db/schema'
import { createMailer, type Mailer } from '../../emails/mailer.server'
import { makeRequest, runJobs, TEST_APP_URL, testJobContext, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser } from '../setup/factories'
import { createOrganiser, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { startSmtpServer, type ReceivedMessage, type TestSmtpServer } from '../setup/smtp'
import { createInvestor } from '../proposals/viewers'

const t = useTestDatabase()

const texts = (en: string, description = 'Our answer, in detail.', es?: string) => ({
  en: { title: en, summary: 'A short teaser for investors.', description },
  ...(es ? { es: { title: es, summary: 'Un breve resumen para inversores.', description } } : {}),
})

let smtp: TestSmtpServer
let mailer: Mailer
beforeAll(async () => {
  smtp = await startSmtpServer()
  mailer = createMailer({ smtpUrl: smtp.url, from: 'alerts@ponte.test' }, t.db)
})
afterAll(async () => {
  mailer.close()
  await smtp.close()
})

async function runDigest(frequency: 'instant' | 'daily' | 'weekly') {
  await enqueue(t.db, 'alerts.digest', { frequency })
  await runJobs(t.db, t.url, { mailer })
}

const mailFor = (email: string) => smtp.messages.filter((message) => message.to.includes(email))
const unsubscribeLinks = (message: ReceivedMessage) => [...message.text.matchAll(/http:\/\/ponte\.test\/alerts\/unsubscribe\/([A-Za-z0-9._-]+)/g)].map((m) => m[1]!)

async function saveSearch(userId: string, name: string, query: string, frequency: 'instant' | 'daily' | 'weekly' | 'off') {
  const [row] = await t.db.insert(savedSearches).values({ userId, name, query, frequency }).returning()
  return row!
}

describe('alert digests', () => {
  it('sends one email per person and frequency with exactly the new matches, in their language, and nothing on a rerun', async () => {
    const member = await createUser(t.db, { name: 'Sara Startup' })
    const startup = await createOrganisation(t.db, 'startup', { members: [{ userId: member.id }], name: 'Fagos Atlánticos' })
    const organiser = (await createOrganiser(t.db)).actor
    const publish = (overrides: Parameters<typeof validProposalInput>[0]) => publishedProposal(t.db, { organisationId: startup.id, memberId: member.id, organiser, overrides })

    // Published before anyone saved a search: never in an alert.
    await publish({ texts: texts('Phage diagnostics for wastewater') })
    await runJobs(t.db, t.url, { mailer })

    const ines = await createInvestor(t.db, { verified: true })
    await t.db.update(users).set({ locale: 'es', email: 'ines@fund.test' }).where(eq(users.id, ines.user.id))
    const pablo = await createUser(t.db, { locale: 'gl', email: 'pablo@example.test', name: 'Pablo' })
    const phage = await saveSearch(ines.user.id, 'Fagos', 'q=phage', 'daily')
    const seed = await saveSearch(ines.user.id, 'Semilla', 'stage=seed', 'daily')
    const zebrafishVerified = await saveSearch(ines.user.id, 'Pez cebra', 'q=zebrafish', 'daily')
    const everything = await saveSearch(ines.user.id, 'Todo', '', 'weekly')
    await saveSearch(ines.user.id, 'Apagada', 'q=phage', 'off')
    const pabloPhage = await saveSearch(pablo.id, 'Fagos', 'q=phage', 'daily')
    await saveSearch(pablo.id, 'Peixe cebra', 'q=zebrafish', 'daily')
    // A verified-only filter in the public scope (say, a lapsed verification) would match everything: it matches nothing.
    await saveSearch(pablo.id, 'Infecciosas', 'therapeuticArea=infectious_diseases', 'daily')

    // A draft that matches: never in an alert.
    await createProposal(t.db, null, startup.id, validProposalInput({ texts: texts('Phage cocktail for cystic fibrosis') }))
    const phageTherapy = await publish({ texts: texts('Phage therapy against resistant hospital infections', 'Our answer, in detail.', 'Terapia con fagos contra infecciones hospitalarias resistentes'), stage: 'seed' })
    // "zebrafish" only in the description: verified investors search descriptions, the public scope does not.
    const antibody = await publish({ texts: texts('Antibody discovery platform', 'We screen candidates in zebrafish embryos.'), stage: 'series_a' })
    await runJobs(t.db, t.url, { mailer }) // search.sync indexes them (and the instant run finds no instant searches)

    await runDigest('daily')
    const inesDaily = mailFor('ines@fund.test')
    expect(inesDaily).toHaveLength(1)
    const [daily] = inesDaily as [ReceivedMessage]
    expect(daily.subject).toBe('Hoy en Ponte: 2 propuestas nuevas para tus búsquedas guardadas')
    expect(daily.from).toBe('alerts@ponte.test')
    // The title in the reader's language, the startup, the amount in Spanish style, a link.
    expect(daily.text).toContain('Terapia con fagos contra infecciones hospitalarias resistentes')
    expect(daily.text).toMatch(/Fagos Atlánticos · 250\.000\s€/)
    expect(daily.text).toContain(`${TEST_APP_URL}/proposals/${phageTherapy.id}`)
    expect(daily.text).toContain(`${TEST_APP_URL}/proposals/${antibody.id}`)
    for (const name of ['Fagos', 'Semilla', 'Pez cebra']) expect(daily.html).toContain(name)
    expect(daily.html).not.toContain('Apagada')
    expect(daily.html).not.toContain('>Todo<')
    expect(daily.text).not.toContain('wastewater')
    expect(daily.text).not.toContain('cystic fibrosis')
    const header = (name: string) => daily.parsed.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, ' ')
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/ponte\.test\/alerts\/unsubscribe\/[^>]+\.all\.[^>]+>$/)
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(unsubscribeLinks(daily)).toHaveLength(4) // one per saved search in the email, one for all

    const pabloMail = mailFor('pablo@example.test')
    expect(pabloMail).toHaveLength(1)
    expect(pabloMail[0]!.subject).toBe('Hoxe en Ponte: unha proposta nova para as túas buscas gardadas')
    expect(pabloMail[0]!.text).toContain(`/proposals/${phageTherapy.id}`)
    expect(pabloMail[0]!.text).not.toContain(`/proposals/${antibody.id}`)
    expect(pabloMail[0]!.text).not.toContain('Peixe cebra')
    expect(pabloMail[0]!.text).not.toContain('Infecciosas')

    const marks = await t.db.select().from(savedSearches).where(eq(savedSearches.userId, ines.user.id))
    for (const id of [phage.id, seed.id, zebrafishVerified.id]) expect(marks.find((row) => row.id === id)!.lastAlertSentAt).not.toBeNull()
    expect(marks.find((row) => row.id === everything.id)!.lastAlertSentAt).toBeNull()

    // The weekly digest is its own email, with the weekly search's matches.
    await runDigest('weekly')
    expect(mailFor('ines@fund.test')).toHaveLength(2)
    const weekly = mailFor('ines@fund.test')[1]!
    expect(weekly.subject).toBe('Esta semana en Ponte: 2 propuestas nuevas para tus búsquedas guardadas')
    expect(weekly.html).toContain('Todo')
    expect(weekly.text).toContain(`/proposals/${phageTherapy.id}`)
    expect(weekly.text).toContain(`/proposals/${antibody.id}`)

    // Reruns send nothing twice.
    const sent = smtp.messages.length
    await runDigest('daily')
    await runDigest('weekly')
    await runDigest('instant')
    expect(smtp.messages).toHaveLength(sent)

    // The email's own link unsubscribes, without signing in.
    const [firstLink] = unsubscribeLinks(daily)
    const posted = await callRoute(unsubscribeAction, makeRequest(`/alerts/unsubscribe/${firstLink}`, { form: {} }), testLoadContext(t.db), { token: firstLink! })
    expect(posted.data).toMatchObject({ done: true, name: 'Fagos' })
    expect((await t.db.select().from(savedSearches).where(eq(savedSearches.id, phage.id)))[0]!.frequency).toBe('off')

    // A proposal published later goes out with the next digest, alone.
    const later = await publish({ texts: texts('Phage-derived lysins for wound care') })
    await runJobs(t.db, t.url, { mailer })
    await runDigest('daily')
    const next = mailFor('pablo@example.test')
    expect(next).toHaveLength(2)
    expect(next[1]!.text).toContain(`/proposals/${later.id}`)
    expect(next[1]!.text).not.toContain(`/proposals/${phageTherapy.id}`)
    expect((await t.db.select().from(savedSearches).where(eq(savedSearches.id, pabloPhage.id)))[0]!.lastAlertSentAt).not.toBeNull()
  })

  it('sends an instant alert once the published proposal is indexed', async () => {
    const investor = await createInvestor(t.db, { verified: true })
    await t.db.update(users).set({ locale: 'pt', email: 'rita@fund.test' }).where(eq(users.id, investor.user.id))
    await saveSearch(investor.user.id, 'Dispositivos', 'q=catheter', 'instant')
    await saveSearch(investor.user.id, 'Diário', 'q=catheter', 'daily')

    const published = await publishedProposal(t.db, { overrides: { texts: texts('Antimicrobial catheter coating') } })
    // The publication queued the search sync; the sync queues the instant alerts; the email follows.
    await runJobs(t.db, t.url, { mailer })
    const message = await smtp.waitForMessage('rita@fund.test')
    expect(message.subject).toBe('Uma nova proposta corresponde à sua pesquisa guardada')
    expect(message.text).toContain('Antimicrobial catheter coating')
    expect(message.text).toContain(`/proposals/${published.id}`)
    expect(message.html).toContain('Dispositivos')
    expect(message.html).not.toContain('Diário')
    await runJobs(t.db, t.url, { mailer })
    expect(mailFor('rita@fund.test')).toHaveLength(1)
  })

  it('holds back a publication the index does not have yet, and sends it once it is indexed', async () => {
    const investor = await createInvestor(t.db, { verified: true })
    await t.db.update(users).set({ email: 'held@fund.test' }).where(eq(users.id, investor.user.id))
    const saved = await saveSearch(investor.user.id, 'Organoids', 'q=organoid', 'daily')
    await runDigest('daily') // whatever earlier tests left for the daily digest
    const published = await publishedProposal(t.db, { overrides: { texts: texts('Organoid toxicity screening') } })
    // The digest runs before the search sync: the proposal waits in the outbox, and the mark stops before it.
    expect(await queueAlertDigests(testJobContext(t.db), 'daily')).toMatchObject({ emails: 0 })
    const [mark] = await t.db.select().from(savedSearches).where(eq(savedSearches.id, saved.id))
    const [proposal] = await t.db.select().from(proposals).where(eq(proposals.id, published.id))
    expect(mark!.alertedThrough.getTime()).toBeLessThan(proposal!.firstPublishedAt!.getTime())
    await runJobs(t.db, t.url, { mailer }) // the search sync
    await runDigest('daily')
    const messages = mailFor('held@fund.test')
    expect(messages).toHaveLength(1)
    expect(messages[0]!.text).toContain('Organoid toxicity screening')
  })
})

describe('unsubscribing from a digest link', () => {
  it('works without signing in, and refuses a changed or foreign token with a clear page', async () => {
    const owner = await createUser(t.db)
    const other = await createUser(t.db)
    const mine = await saveSearch(owner.id, 'Diagnostics in Portugal', 'q=diagnostics', 'daily')
    const theirs = await saveSearch(other.id, 'Not yours', '', 'weekly')
    const context = testLoadContext(t.db)
    const secret = context.config.sessionSecret
    const token = createUnsubscribeToken(secret, { userId: owner.id, savedSearchId: mine.id })

    const page = await callRoute(unsubscribeLoader, makeRequest(`/alerts/unsubscribe/${token}`), context, { token })
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ state: 'confirm', name: 'Diagnostics in Portugal' })
    // Opening the link changes nothing (mail scanners open links); the button does.
    expect((await t.db.select().from(savedSearches).where(eq(savedSearches.id, mine.id)))[0]!.frequency).toBe('daily')
    const done = await callRoute(unsubscribeAction, makeRequest(`/alerts/unsubscribe/${token}`, { form: {} }), context, { token })
    expect(done.status).toBe(200)
    expect(done.data).toMatchObject({ done: true, name: 'Diagnostics in Portugal' })
    expect((await t.db.select().from(savedSearches).where(eq(savedSearches.id, mine.id)))[0]!.frequency).toBe('off')
    expect((await callRoute(unsubscribeLoader, makeRequest(`/alerts/unsubscribe/${token}`), context, { token })).data).toMatchObject({ state: 'already' })

    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA')
    const foreign = createUnsubscribeToken(secret, { userId: owner.id, savedSearchId: theirs.id })
    const otherSecret = createUnsubscribeToken('another-secret-of-at-least-32-characters', { userId: other.id, savedSearchId: null })
    const swapped = `${other.id}.${theirs.id}.${token.split('.')[2]}`
    for (const bad of [tampered, foreign, otherSecret, swapped, 'garbage', '']) {
      const refused = await callRoute(unsubscribeLoader, makeRequest(`/alerts/unsubscribe/${bad}`), context, { token: bad })
      expect(refused.status, bad).toBe(400)
      expect(refused.data.state).toBe('invalid')
      const posted = await callRoute(unsubscribeAction, makeRequest(`/alerts/unsubscribe/${bad}`, { form: {} }), context, { token: bad })
      expect(posted.status).toBe(400)
    }
    expect((await t.db.select().from(savedSearches).where(eq(savedSearches.id, theirs.id)))[0]!.frequency).toBe('weekly')

    // The "all alerts" link turns off every saved search of its person, and only theirs.
    await saveSearch(owner.id, 'Another', 'q=vaccine', 'instant')
    const all = createUnsubscribeToken(secret, { userId: owner.id, savedSearchId: null })
    expect((await callRoute(unsubscribeLoader, makeRequest(`/alerts/unsubscribe/${all}`), context, { token: all })).data).toMatchObject({ state: 'confirm', name: null })
    await callRoute(unsubscribeAction, makeRequest(`/alerts/unsubscribe/${all}`, { form: { 'List-Unsubscribe': 'One-Click' } }), context, { token: all })
    const rows = await t.db.select().from(savedSearches).where(eq(savedSearches.userId, owner.id))
    expect(rows.map((row) => row.frequency)).toEqual(['off', 'off'])
    expect((await t.db.select().from(savedSearches).where(eq(savedSearches.id, theirs.id)))[0]!.frequency).toBe('weekly')
  })
})
