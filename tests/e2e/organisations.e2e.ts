import type { Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { galicianCountryNames } from '../../app/modules/i18n/galician'
import { describeE2E, uniqueEmail, useE2E } from './harness'
import { expectTranslated, followEmailLink, expectHeading, messages, newPassword, signUpVerified, toastText } from './journeys'

const { en, gl } = messages

function startupsFound(text: string | null): number {
  const count = Number(/\d+/.exec(text ?? '')?.[0])
  if (!Number.isFinite(count)) throw new Error(`No count in "${text}"`)
  return count
}

/**
 * A founder creates a startup on Ponte and brings a colleague in: the organisation form, the
 * dashboard, the invitation email and its link, and the members list, as two people in two
 * browsers would go through them.
 */
describeE2E('a startup organisation and its first colleague', () => {
  const e2e = useE2E()
  const founder = { name: 'Antía Castro', email: uniqueEmail('founder'), password: newPassword() }
  const colleague = { name: 'Brais Otero', email: uniqueEmail('colleague'), password: newPassword() }
  const organisationName = `Algas Vivas ${Date.now().toString(36)}`
  let founderPage: Page
  let organisationPath = ''

  beforeAll(async () => {
    founderPage = await e2e.newPage()
  })

  it('a verified founder creates a startup in Galicia and finds it on the dashboard', async () => {
    const page = founderPage
    await signUpVerified(e2e, page, founder)
    await page.getByText(en.common.dashboard.noOrganisations).waitFor()

    await Promise.all([page.waitForURL('**/organisations/new'), page.getByRole('link', { name: en.common.dashboard.createOrganisation }).click()])
    await expectHeading(page, en.organisations.create.title)
    await page.getByRole('radio', { name: new RegExp(`^${en.common.kinds.startup}`) }).check()
    await page.getByLabel(en.organisations.create.name, { exact: true }).fill(organisationName)
    await page.getByLabel(en.organisations.create.country, { exact: true }).selectOption('ES')
    // Choosing Spain narrows the regions to Spanish ones.
    const region = page.getByLabel(en.organisations.create.region, { exact: true })
    await expect.poll(async () => (await region.locator('option').allTextContents()).some((label) => label.includes('(PT11)'))).toBe(false)
    await region.selectOption('ES11')
    await page.getByLabel(en.organisations.create.city, { exact: true }).fill('Vigo')
    await e2e.screenshot(page, 'organisations-01-create-form')
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/organisations/') && url.pathname !== '/organisations/new'),
      page.getByRole('button', { name: en.organisations.create.submit }).click(),
    ])
    organisationPath = new URL(page.url()).pathname
    await toastText(page, en.organisations.toast.created)
    await expectHeading(page, organisationName)
    const overview = page.getByRole('heading', { name: en.organisations.overview.title }).locator('..')
    expect(await overview.innerText()).toContain('Galicia')
    expect(await overview.innerText()).toContain('Vigo')

    // The dashboard lists it, and the main navigation now has "My startup".
    await Promise.all([
      page.waitForURL('**/dashboard'),
      page.getByRole('navigation', { name: en.common.nav.label }).getByRole('link', { name: en.common.nav.dashboard }).click(),
    ])
    const card = page.getByRole('link', { name: new RegExp(organisationName) })
    await card.waitFor()
    expect(await card.innerText()).toContain(en.common.roles.owner)
    expect(await card.getAttribute('href')).toBe(organisationPath)
    expect(await page.getByRole('navigation', { name: en.common.nav.label }).getByRole('link', { name: en.common.nav.myStartup }).getAttribute('href')).toBe(
      organisationPath,
    )
    await expectTranslated(page, 'en')
    await e2e.screenshot(page, 'organisations-02-dashboard')
    e2e.expectNoProblems(page)
  })

  it('the founder invites a colleague by email', async () => {
    const page = founderPage
    await e2e.goto(page, organisationPath)
    await page.getByLabel(en.organisations.invite.email, { exact: true }).fill(colleague.email)
    await page.getByRole('button', { name: en.organisations.invite.submit }).click()
    await toastText(page, en.organisations.toast.invited)
    const pending = page.getByRole('heading', { name: en.organisations.invitations.title }).locator('..')
    await pending.getByText(colleague.email).waitFor()
    // The invite form is empty again for the next colleague.
    expect(await page.getByLabel(en.organisations.invite.email, { exact: true }).inputValue()).toBe('')
    await e2e.screenshot(page, 'organisations-03-invited')
    e2e.expectNoProblems(page)
  })

  it('the colleague signs up, opens the invitation from the mailbox and joins', async () => {
    const page = await e2e.newPage()
    await signUpVerified(e2e, page, colleague)

    const subject = en.organisations.email.invitation.subject.replace('{{inviter}}', founder.name).replace('{{organisation}}', organisationName)
    await followEmailLink(e2e, page, colleague.email, subject, '/invitations/')
    await expectHeading(page, en.organisations.invitation.title.replace('{{organisation}}', organisationName))
    await e2e.screenshot(page, 'organisations-04-invitation')

    await Promise.all([page.waitForURL(`**${organisationPath}`), page.getByRole('button', { name: en.organisations.invitation.accept }).click()])
    await toastText(page, en.organisations.toast.joined)
    const members = page.getByRole('heading', { name: new RegExp(`^${en.organisations.members.title}`) }).locator('..')
    await members.getByText(founder.name).waitFor()
    expect(await members.getByText(colleague.name).count()).toBe(1)
    expect(await members.getByRole('listitem').count()).toBe(2)
    await e2e.screenshot(page, 'organisations-05-joined')
    e2e.expectNoProblems(page)

    // The founder sees both members too, and no pending invitation left.
    await e2e.goto(founderPage, organisationPath)
    const founderView = founderPage.getByRole('heading', { name: new RegExp(`^${en.organisations.members.title}`) }).locator('..')
    expect(await founderView.getByRole('listitem').count()).toBe(2)
    expect(await founderView.getByText(colleague.email).count()).toBe(1)
    expect(await founderPage.getByText(en.organisations.invitations.emptyManager).count()).toBe(1)
    await e2e.screenshot(founderPage, 'organisations-06-members-owner-view')
    e2e.expectNoProblems(founderPage)
  })
})

describeE2E('the public startup directory with the demo data', () => {
  const e2e = useE2E()

  it('lists many startups, and the region filter narrows them to Northern Portugal', async () => {
    const page = await e2e.newPage()
    await e2e.goto(page, '/')
    await Promise.all([page.waitForURL('**/startups'), page.getByRole('banner').getByRole('link', { name: en.common.nav.startups }).click()])
    await expectHeading(page, en.startups.directory.title)
    const status = page.getByRole('status').filter({ hasText: /\d/ })
    const total = startupsFound(await status.textContent())
    expect(total).toBeGreaterThanOrEqual(50)
    expect(await page.getByRole('main').getByRole('article').count()).toBe(24)
    await expectTranslated(page, 'en')
    await e2e.screenshot(page, 'startups-01-directory')

    await page.getByLabel(en.startups.directory.filters.region, { exact: true }).selectOption('PT11')
    await Promise.all([page.waitForURL('**/startups?*region=PT11*'), page.getByRole('button', { name: en.startups.directory.filters.apply }).click()])
    await expect.poll(async () => startupsFound(await status.textContent())).toBeLessThan(total)
    const inNorte = startupsFound(await status.textContent())
    expect(inNorte).toBeGreaterThan(0)
    const cards = page.getByRole('main').getByRole('article')
    expect(await cards.count()).toBe(Math.min(inNorte, 24))
    for (const text of await cards.allInnerTexts()) expect(text).toContain('Norte')
    expect(await page.getByLabel(en.startups.directory.filters.region, { exact: true }).inputValue()).toBe('PT11')
    await e2e.screenshot(page, 'startups-02-directory-pt11')

    // A profile opens from its card.
    const first = cards.first().getByRole('link')
    const name = (await first.textContent())?.trim()
    await Promise.all([page.waitForURL('**/startups/*'), first.click()])
    await expectHeading(page, name)
    await e2e.screenshot(page, 'startups-03-profile')
    e2e.expectNoProblems(page)
  })

  it('reads in Galician, country names included, for a visitor whose browser asks for Galician', async () => {
    const page = await e2e.newPage({ locale: 'gl-ES' })
    await e2e.goto(page, '/startups?region=other')
    expect(await page.locator('html').getAttribute('lang')).toBe('gl')
    await expectHeading(page, gl.startups.directory.title)
    const places = await page.getByRole('main').getByRole('article').allInnerTexts()
    expect(places.length).toBeGreaterThan(0)
    // Startups outside the regions Ponte lists show their country, named in Galician (not in English).
    const text = places.join('\n')
    const english = new Intl.DisplayNames(['en'], { type: 'region' })
    const differing = Object.entries(galicianCountryNames).filter(([code, name]) => english.of(code) !== name)
    expect(differing.some(([, name]) => text.includes(name)), text).toBe(true)
    expect(differing.map(([code]) => english.of(code)!).filter((name) => text.includes(name))).toEqual([])
    await expectTranslated(page, 'gl')
    await e2e.screenshot(page, 'startups-04-directory-other-gl')
    e2e.expectNoProblems(page)
  })
})
