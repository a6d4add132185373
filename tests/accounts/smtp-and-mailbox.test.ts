import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as messageLoader } from '~/routes/dev.mailbox.$messageId'
import { loader as mailboxLoader } from '~/routes/dev.mailbox._index'
import { action as signupAction } from '~/routes/signup'
import { loader as verifyTokenLoader } from '~/routes/verify-email.$token'
import { createMailer } from '../../emails/mailer.server'
import { mailboxMessages } from '../../db/schema'
import { makeRequest, runJobs, TEST_APP_URL, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { tokenFromLink } from '../setup/mailbox'
import { callRoute, cookiesOf } from '../setup/routes'
import { startSmtpServer, type TestSmtpServer } from '../setup/smtp'

const t = useTestDatabase()
const PASSWORD = 'correct horse battery staple 2'

function signUp(email: string, locale = 'en') {
  return callRoute(
    signupAction,
    makeRequest('/signup', { form: { name: 'Marta Sousa', email, password: PASSWORD, confirmPassword: PASSWORD, locale }, headers: { 'x-forwarded-for': `10.0.0.${email.length}` } }),
    testLoadContext(t.db),
  )
}

describe('verification email over a real SMTP server', () => {
  let smtp: TestSmtpServer
  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  afterAll(async () => {
    await smtp.close()
  })

  it('delivers the email with a working link in the recipient language', async () => {
    const reply = await signUp('marta@example.test', 'pt')
    expect(reply.status).toBe(302)
    const context = testLoadContext(t.db, { SMTP_URL: smtp.url })
    const mailer = createMailer({ smtpUrl: context.config.smtpUrl, from: context.config.mailFrom }, t.db)
    expect(mailer.kind).toBe('smtp')
    try {
      await runJobs(t.db, t.url, { mailer })
    } finally {
      mailer.close()
    }
    const message = await smtp.waitForMessage('marta@example.test')
    expect(message.subject).toBe('Confirme o seu endereço de email no Ponte')
    expect(message.from).toBe('no-reply@ponte.localhost')
    expect(message.html).toContain(`${TEST_APP_URL}/verify-email/`)
    const token = tokenFromLink(message.text, '/verify-email')
    // Nothing went to the development mailbox.
    expect(await t.db.select().from(mailboxMessages)).toEqual([])

    const verified = await callRoute(verifyTokenLoader, makeRequest(`/verify-email/${token}`, { cookie: cookiesOf(reply) }), testLoadContext(t.db), { token })
    expect(verified.status).toBe(302)
    expect(verified.location).toBe('/dashboard')
  })
})

describe('development mailbox', () => {
  it('lists messages newest first and shows each with its links clickable', async () => {
    await signUp('first@example.test')
    await runJobs(t.db, t.url)
    await signUp('second@example.test', 'gl')
    await runJobs(t.db, t.url)
    const context = testLoadContext(t.db)

    const list = await callRoute(mailboxLoader, makeRequest('/dev/mailbox'), context)
    expect(list.status).toBe(200)
    const recipients = list.data.messages.map((m: { to: string }) => m.to)
    expect(recipients.indexOf('second@example.test')).toBeLessThan(recipients.indexOf('first@example.test'))

    const filtered = await callRoute(mailboxLoader, makeRequest('/dev/mailbox?to=FIRST@example'), context)
    expect(filtered.data.messages).toHaveLength(1)
    const [entry] = filtered.data.messages
    expect(entry).toMatchObject({ to: 'first@example.test', subject: 'Confirm your email address for Ponte' })

    const shown = await callRoute(messageLoader, makeRequest(`/dev/mailbox/${entry.id}`), context, { messageId: entry.id })
    expect(shown.status).toBe(200)
    expect(shown.data.links).toHaveLength(1)
    expect(shown.data.links[0]).toMatch(new RegExp(`^${TEST_APP_URL}/verify-email/[A-Za-z0-9_-]+$`))
    expect(shown.data.parts.filter((p: { href?: string }) => p.href).map((p: { href: string }) => p.href)).toContain(shown.data.links[0])
    expect(shown.data.message.html).toContain('<html')
  })

  it('is 404 when the mailbox is off, and for unknown messages', async () => {
    const off = testLoadContext(t.db, { SMTP_URL: 'smtp://127.0.0.1:2525' })
    expect(off.config.devMailbox).toBe(false)
    expect((await callRoute(mailboxLoader, makeRequest('/dev/mailbox'), off)).status).toBe(404)
    const [any] = await t.db.select().from(mailboxMessages).limit(1)
    expect((await callRoute(messageLoader, makeRequest(`/dev/mailbox/${any!.id}`), off, { messageId: any!.id })).status).toBe(404)
    const on = testLoadContext(t.db)
    expect((await callRoute(messageLoader, makeRequest('/dev/mailbox/x'), on, { messageId: 'not-a-uuid' })).status).toBe(404)
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await callRoute(messageLoader, makeRequest(`/dev/mailbox/${missing}`), on, { messageId: missing })).status).toBe(404)
  })
})
