/**
 * The introduction journey in Chromium: the verified demo investor expresses interest in a demo
 * startup's proposal, the founder accepts (both see each other's contacts), they exchange
 * messages (unread counts), the investor records a soft commitment and the founder sees it in
 * the ledger. The founder uses Ponte in Spanish (their account's language), the investor English.
 */
import postgres from 'postgres'
import { expect, it } from 'vitest'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, useE2E } from './harness'
import { acceptInterest, expectLedger, expectUnread, expressInterest, investorsPath, recordSoftCommitment, sendMessage } from './introductions'
import { logIn } from './journeys'

describeE2E('interest, introduction, messages and a soft commitment', () => {
  const e2e = useE2E()

  it('goes from interest to the founder’s ledger', async () => {
    const sql = postgres(e2e.databaseUrl(), { max: 1 })
    const [proposal] = await sql<{ id: string; slug: string }[]>`
      select p.id, o.slug from proposals p join organisations o on o.id = p.organisation_id
      join memberships m on m.organisation_id = o.id join users u on u.id = m.user_id
      where u.email = ${DEMO_LOGINS.founder} and p.published_version_id is not null and p.status <> 'closed'
        and not exists (select 1 from interests i where i.proposal_id = p.id and i.status in ('pending', 'accepted'))
      order by p.created_at, p.id limit 1`
    await sql.end()
    expect(proposal).toBeDefined()
    const { id, slug } = proposal!

    // The investor expresses interest from the proposal's page.
    const investor = await e2e.newPage()
    await logIn(e2e, investor, DEMO_LOGINS.investor, DEMO_PASSWORD)
    await expressInterest(e2e, investor, id, {
      message: 'Noroeste Life Sciences Ventures leads seed rounds in marine biotech; we would like to meet.',
      ticketMin: '100000',
      ticketMax: '400000',
      screenshot: 'interest-form',
    })

    // The founder sees the interest without the investor's name or email, and accepts.
    const founder = await e2e.newPage()
    await logIn(e2e, founder, DEMO_LOGINS.founder, DEMO_PASSWORD)
    await e2e.goto(founder, investorsPath(slug, id))
    const inboxText = await founder.locator('main').innerText()
    expect(inboxText).toContain('Noroeste Life Sciences Ventures')
    expect(inboxText).not.toContain(DEMO_LOGINS.investor)
    expect(inboxText).not.toContain('Daniel Brandt')
    await e2e.screenshot(founder, 'interest-inbox')
    const conversationPath = await acceptInterest(founder)
    const contacts = await founder.locator('main').innerText()
    expect(contacts).toContain(DEMO_LOGINS.investor)
    expect(contacts).toContain('Daniel Brandt')

    // They exchange messages; the investor sees one unread message, then reads it.
    await sendMessage(founder, '¡Gracias! ¿Os va bien una llamada el martes?', 'es')
    await expectUnread(e2e, investor, 1)
    await e2e.screenshot(investor, 'conversations-list')
    await e2e.goto(investor, conversationPath)
    expect(await investor.locator('main').innerText()).toContain(DEMO_LOGINS.founder)
    await sendMessage(investor, 'Tuesday works. We will send a soft commitment now.', 'en')

    // The investor records a soft commitment under the non-binding banner.
    await recordSoftCommitment(investor, { amount: '250000', conditions: 'Subject to due diligence' })
    await e2e.screenshot(investor, 'conversation-investor')

    // The founder sees it in the ledger.
    await expectLedger(e2e, founder, slug, id, { total: '250000', investors: '1' })
    await e2e.screenshot(founder, 'ledger')
    e2e.expectNoProblems(investor)
    e2e.expectNoProblems(founder)
  })
})
