/**
 * The introduction journey in Chromium: the verified demo investor expresses interest in a demo
 * startup's proposal, the founder accepts (both see each other's contacts), they exchange
 * messages (unread counts), the investor records a soft commitment and the founder sees it in
 * the ledger. The founder uses Ponte in Spanish (their account's language), the investor English.
 */
import postgres from 'postgres'
import { expect, it } from 'vitest'
import enInterests from '../../app/locales/en/interests.json'
import esInterests from '../../app/locales/es/interests.json'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, useE2E } from './harness'
import { logIn, toastText } from './journeys'

describeE2E('interest, introduction, messages and a soft commitment', () => {
  const e2e = useE2E()

  it('goes from interest to the founder’s ledger', async () => {
    const sql = postgres(e2e.databaseUrl(), { max: 1 })
    const [proposal] = await sql<{ id: string; slug: string }[]>`
      select p.id, o.slug from proposals p join organisations o on o.id = p.organisation_id
      join memberships m on m.organisation_id = o.id join users u on u.id = m.user_id
      where u.email = ${DEMO_LOGINS.founder} and p.published_version_id is not null and p.status <> 'closed'
      order by p.created_at limit 1`
    await sql.end()
    expect(proposal).toBeDefined()
    const { id, slug } = proposal!

    // The investor expresses interest from the proposal's page.
    const investor = await e2e.newPage()
    await logIn(e2e, investor, DEMO_LOGINS.investor, DEMO_PASSWORD)
    await e2e.goto(investor, `/proposals/${id}`)
    await investor.getByLabel(enInterests.fields.message).fill('Noroeste Life Sciences Ventures leads seed rounds in marine biotech; we would like to meet.')
    await investor.getByLabel(enInterests.fields.ticketMin).fill('100000')
    await investor.getByLabel(enInterests.fields.ticketMax).fill('400000')
    await e2e.screenshot(investor, 'interest-form')
    await investor.getByRole('button', { name: enInterests.panel.send }).click()
    await toastText(investor, enInterests.toast.sent)
    await investor.getByRole('button', { name: enInterests.panel.withdraw }).waitFor()

    // The founder sees the interest without the investor's name or email, and accepts.
    const founder = await e2e.newPage()
    await logIn(e2e, founder, DEMO_LOGINS.founder, DEMO_PASSWORD)
    await e2e.goto(founder, `/studio/${slug}/proposals/${id}/investors`)
    const inboxText = await founder.locator('main').innerText()
    expect(inboxText).toContain('Noroeste Life Sciences Ventures')
    expect(inboxText).not.toContain(DEMO_LOGINS.investor)
    expect(inboxText).not.toContain('Daniel Brandt')
    await e2e.screenshot(founder, 'interest-inbox')
    await Promise.all([founder.waitForURL('**/conversations/*'), founder.getByRole('button', { name: esInterests.inbox.accept }).click()])
    await toastText(founder, esInterests.toast.accepted)
    const contacts = await founder.locator('main').innerText()
    expect(contacts).toContain(DEMO_LOGINS.investor)
    expect(contacts).toContain('Daniel Brandt')
    const conversationPath = new URL(founder.url()).pathname

    // They exchange messages; the investor sees one unread message, then reads it.
    await founder.getByLabel(esInterests.fields.body).fill('¡Gracias! ¿Os va bien una llamada el martes?')
    await Promise.all([founder.waitForURL((url) => url.hash === '#latest'), founder.getByRole('button', { name: esInterests.conversations.send }).click()])
    await founder.getByText('¿Os va bien una llamada el martes?').waitFor()
    await e2e.goto(investor, '/conversations')
    await investor.getByText(enInterests.conversations.unread_one.replace('{{count}}', '1'), { exact: true }).waitFor()
    await e2e.screenshot(investor, 'conversations-list')
    await e2e.goto(investor, conversationPath)
    expect(await investor.locator('main').innerText()).toContain(DEMO_LOGINS.founder)
    await investor.getByLabel(enInterests.fields.body).fill('Tuesday works. We will send a soft commitment now.')
    await Promise.all([investor.waitForURL((url) => url.hash === '#latest'), investor.getByRole('button', { name: enInterests.conversations.send }).click()])

    // The investor records a soft commitment under the non-binding banner.
    await investor.getByText(enInterests.nonBinding.text).first().waitFor()
    await investor.getByLabel(enInterests.fields.amount).fill('250000')
    const validUntil = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)
    await investor.getByLabel(enInterests.fields.validUntil).fill(validUntil)
    await investor.getByLabel(enInterests.fields.conditions).fill('Subject to due diligence')
    await investor.getByRole('button', { name: enInterests.commitments.save }).click()
    await toastText(investor, enInterests.toast.committed)
    await e2e.screenshot(investor, 'conversation-investor')

    // The founder sees it in the ledger.
    await e2e.goto(founder, `/studio/${slug}/proposals/${id}/investors`)
    const ledger = founder.locator('[data-figure="total"]')
    expect((await ledger.innerText()).replace(/\D/g, '')).toBe('250000')
    expect(await founder.locator('[data-figure="investors"]').innerText()).toBe('1')
    await e2e.screenshot(founder, 'ledger')
    e2e.expectNoProblems(investor)
    e2e.expectNoProblems(founder)
  })
})
