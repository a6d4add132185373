/**
 * Setting up a round in Chromium: the demo admin (of the demo organiser) creates a draft with
 * its window written in Lisbon time, adds weighted criteria (shares shown as they type, a zero
 * weight refused at the field), a choice question and eligible regions, and opens it; anyone then
 * finds it on /rounds and reads its deadline in their own zone (Lisbon and Madrid) with the zone
 * named, and its eligibility in words.
 */
import { expect, it } from 'vitest'
import enRounds from '../../app/locales/en/rounds.json'
import { formatDateTime } from '../../app/modules/i18n/format'
import { utcToZonedLocal, zonedLocalToUtc } from '../../app/modules/i18n/time-zone'
import { DEMO_LOGINS, DEMO_PASSWORD, describeE2E, useE2E } from './harness'
import { logIn, toastText } from './journeys'

const day = 86_400_000
const fill = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_, key: string) => String(values[key]))

describeE2E('setting up a funding round', () => {
  const e2e = useE2E()

  it('goes from a draft to an open round whose deadline reads right on both sides of the border', async () => {
    const name = `Miño bridge round ${Date.now().toString(36)}`
    const opensAt = `${utcToZonedLocal(new Date(Date.now() - day), 'Europe/Lisbon').slice(0, 10)}T09:00`
    const closesAt = `${utcToZonedLocal(new Date(Date.now() + 20 * day), 'Europe/Lisbon').slice(0, 10)}T14:00`
    const deadline = zonedLocalToUtc(closesAt, 'Europe/Lisbon') as Date

    const page = await e2e.newPage()
    await logIn(e2e, page, DEMO_LOGINS.admin, DEMO_PASSWORD)
    await e2e.goto(page, '/organiser/rounds')
    await page.getByRole('link', { name: enRounds.organiser.new }).first().click()
    await page.getByRole('group', { name: enRounds.texts.name }).getByLabel('English').fill(name)
    await page.getByRole('group', { name: enRounds.texts.description }).getByLabel('English').fill('Seed money for projects that cross the Miño.')
    await page.getByLabel(enRounds.window.opensAt).fill(opensAt)
    await page.getByLabel(enRounds.window.closesAt).fill(closesAt)
    await page.getByLabel(enRounds.window.timeZone).selectOption('Europe/Lisbon')
    await page.getByRole('button', { name: enRounds.new.submit }).click()
    await toastText(page, enRounds.toast.created)
    await page.getByRole('heading', { level: 1, name }).waitFor()
    const setupUrl = new URL(page.url()).pathname

    // Criteria: shares follow the weights as they are typed; a zero weight is refused at its field.
    await page.getByRole('link', { name: enRounds.tabs.evaluation }).click()
    await page.getByRole('button', { name: enRounds.evaluation.add }).click()
    await page.getByRole('button', { name: enRounds.evaluation.add }).click()
    await page.getByRole('group', { name: fill(enRounds.evaluation.name, { number: 1 }) }).getByLabel('English').fill('Team')
    await page.getByRole('group', { name: fill(enRounds.evaluation.name, { number: 2 }) }).getByLabel('English').fill('Cross-border plan')
    await page.getByLabel(fill(enRounds.evaluation.weight, { number: 1 })).fill('30')
    await page.getByLabel(fill(enRounds.evaluation.weight, { number: 2 })).fill('0')
    await page.getByRole('button', { name: enRounds.setup.save }).click()
    await page.getByText(enRounds.errors.weightPositive).waitFor()
    await page.getByLabel(fill(enRounds.evaluation.weight, { number: 2 })).fill('70')
    await page.getByText(fill(enRounds.evaluation.share, { share: '30 %' })).waitFor()
    await page.getByText(fill(enRounds.evaluation.share, { share: '70 %' })).waitFor()
    await e2e.screenshot(page, 'round-setup-criteria')
    await page.getByRole('button', { name: enRounds.setup.save }).click()
    await toastText(page, enRounds.toast.evaluation)

    // A choice question, its options one a line.
    await page.getByRole('link', { name: enRounds.tabs.questions }).click()
    await page.getByRole('button', { name: enRounds.questions.add }).click()
    await page.getByLabel(fill(enRounds.questions.kind, { number: 1 })).selectOption('choice')
    await page.getByRole('group', { name: fill(enRounds.questions.label, { number: 1 }) }).getByLabel('English').fill('Where would you spend it?')
    await page.getByRole('group', { name: fill(enRounds.questions.choices, { number: 1 }) }).getByLabel('English').fill('Galicia\nNorthern Portugal')
    await e2e.screenshot(page, 'round-setup-questions')
    await page.getByRole('button', { name: enRounds.setup.save }).click()
    await toastText(page, enRounds.toast.questions)

    await page.getByRole('link', { name: enRounds.tabs.eligibility }).click()
    await page.getByLabel('Galicia (ES11)').check()
    await page.getByLabel('Norte (PT11)').check()
    await page.getByRole('button', { name: enRounds.setup.save }).click()
    await toastText(page, enRounds.toast.eligibility)

    await page.getByRole('link', { name: enRounds.tabs.overview }).click()
    await page.getByRole('button', { name: enRounds.lifecycle.moveTo.open }).click()
    await toastText(page, enRounds.toast.transition)
    await e2e.screenshot(page, 'round-setup-overview')
    expect(await page.getByRole('list', { name: enRounds.lifecycle.checklist }).count()).toBe(0)
    // Once open, the structure is locked and says so.
    await e2e.goto(page, `${setupUrl}?tab=eligibility`)
    await page.getByText(enRounds.setup.lockedOpen).waitFor()
    expect(await page.getByRole('button', { name: enRounds.setup.save }).count()).toBe(0)
    e2e.expectNoProblems(page)

    // Anyone, in Lisbon: the round is open now, its deadline in Lisbon time, its rules in words.
    const lisbon = await e2e.newPage({ timezoneId: 'Europe/Lisbon' })
    await e2e.goto(lisbon, '/rounds')
    await lisbon.getByRole('link', { name }).click()
    await lisbon.getByRole('heading', { level: 1, name }).waitFor()
    await lisbon.getByText(formatDateTime(deadline, 'en', 'Europe/Lisbon')).first().waitFor()
    await lisbon.getByText(fill(enRounds.window.sameZone, { zone: 'Europe/Lisbon' })).waitFor()
    await lisbon.getByText(fill(enRounds.eligibility.regionsRule, { regions: 'Galicia (ES11), Norte (PT11)' })).waitFor()
    await lisbon.getByText('Where would you spend it?').waitFor()
    await e2e.screenshot(lisbon, 'round-public-page')

    // In Madrid the same deadline reads an hour later, and the round's own Lisbon time beside it.
    const madrid = await e2e.newPage({ timezoneId: 'Europe/Madrid' })
    await e2e.goto(madrid, `/rounds/${setupUrl.split('/').pop()}`)
    const madridTime = formatDateTime(deadline, 'en', 'Europe/Madrid')
    await madrid.getByText(madridTime).first().waitFor()
    expect(madridTime).not.toBe(formatDateTime(deadline, 'en', 'Europe/Lisbon'))
    await madrid.getByText(/In the round's time zone, Europe\/Lisbon/).waitFor()
    e2e.expectNoProblems(lisbon)
    e2e.expectNoProblems(madrid)
  })
})
