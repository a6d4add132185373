/**
 * The eligibility rules one by one, at their boundaries (exactly the minimum, exactly the
 * maximum, one over), and what the pre-check says about each in the reader's language.
 */
import { describe, expect, it } from 'vitest'
import { getFixedT } from '~/modules/i18n/i18n.server'
import type { Locale } from '~/modules/i18n/locales'
import { checkEligibility, describeVerdict, failedRulesInWords, type ProposalFacts, type RoundEligibility, type StartupFacts } from '~/modules/rounds/eligibility'
import type { EligibilityRule } from '~/modules/rounds/taxonomy'

/** A round that accepts anything, closing on 30 June 2026 at 14:00 in Madrid. */
const anyRound: RoundEligibility = {
  eligibleRegions: [],
  eligibleCountries: [],
  eligibleSubsectors: [],
  eligibleStages: [],
  minTrl: null,
  amountMinCents: null,
  amountMaxCents: null,
  maxCompanyAgeYears: null,
  closesAt: new Date('2026-06-30T12:00:00Z'),
  timeZone: 'Europe/Madrid',
}
const vigo: StartupFacts = { country: 'ES', region: 'ES11', foundedYear: 2021 }
const phages: ProposalFacts = { subsector: 'health', stage: 'seed', trl: 4, amountSoughtCents: 25_000_000 }

function verdict(rule: EligibilityRule, round: Partial<RoundEligibility>, startup: Partial<StartupFacts> = {}, proposal: Partial<ProposalFacts> = {}) {
  const result = checkEligibility({ ...anyRound, ...round }, { ...vigo, ...startup }, { ...phages, ...proposal })
  const found = result.verdicts.find((v) => v.rule === rule)!
  return { ...found, eligible: result.eligible }
}

function words(rule: EligibilityRule, round: Partial<RoundEligibility>, startup: Partial<StartupFacts> = {}, proposal: Partial<ProposalFacts> = {}, locale: Locale = 'en') {
  return describeVerdict(verdict(rule, round, startup, proposal), getFixedT(locale), locale)
}

describe('a round that asks nothing', () => {
  it('passes every rule, in the order of the pre-check, and says so', () => {
    const result = checkEligibility(anyRound, { country: 'FR', region: null, foundedYear: null }, phages)
    expect(result.eligible).toBe(true)
    expect(result.verdicts.map((v) => [v.rule, v.passed])).toEqual([
      ['region', true],
      ['country', true],
      ['subsector', true],
      ['stage', true],
      ['trl', true],
      ['amount', true],
      ['company_age', true],
    ])
    const t = getFixedT('en')
    expect(result.verdicts.map((v) => describeVerdict(v, t, 'en'))).toEqual([
      'Startups from any region are eligible.',
      'Startups from any country are eligible.',
      'Proposals of any subsector are eligible.',
      'Proposals at any stage are eligible.',
      'Proposals at any technology readiness level are eligible.',
      'Any amount sought is eligible.',
      'Companies of any age are eligible.',
    ])
  })
})

describe('region (NUTS-2 of the startup profile)', () => {
  const cluster = { eligibleRegions: ['PT11', 'ES11', 'ES41'] }

  it('passes a region on the list and fails one that is not, naming the regions', () => {
    expect(verdict('region', cluster)).toMatchObject({ passed: true, actual: 'ES11', expected: { values: ['PT11', 'ES11', 'ES41'] } })
    expect(verdict('region', cluster, { region: 'PT16' })).toMatchObject({ passed: false, eligible: false, actual: 'PT16' })
    expect(words('region', cluster, { region: 'PT16' })).toBe('Your region PT16 is not among the eligible regions PT11 (Norte), ES11 (Galicia), ES41 (Castilla y León).')
    expect(words('region', cluster, { region: 'PT19' })).toBe('Your region PT19 (Centro) is not among the eligible regions PT11 (Norte), ES11 (Galicia), ES41 (Castilla y León).')
    expect(words('region', cluster)).toBe('Your region ES11 (Galicia) is among the eligible regions PT11 (Norte), ES11 (Galicia), ES41 (Castilla y León).')
  })

  it('fails a startup without a region on its profile, saying so', () => {
    expect(verdict('region', cluster, { region: null })).toMatchObject({ passed: false, actual: null })
    expect(words('region', cluster, { region: null })).toBe('Your startup profile has no region; the eligible regions are PT11 (Norte), ES11 (Galicia), ES41 (Castilla y León).')
  })

  it('speaks the reader’s language', () => {
    expect(words('region', cluster, { region: 'PT16' }, {}, 'es')).toBe('Tu región PT16 no está entre las regiones admitidas PT11 (Norte), ES11 (Galicia), ES41 (Castilla y León).')
    expect(words('region', cluster, { region: 'PT16' }, {}, 'pt')).toBe('A sua região PT16 não está entre as regiões elegíveis PT11 (Norte), ES11 (Galicia), ES41 (Castilla y León).')
    expect(words('region', cluster, { region: 'PT16' }, {}, 'gl')).toBe('A túa rexión PT16 non está entre as rexións admitidas PT11 (Norte), ES11 (Galicia), ES41 (Castilla y León).')
  })
})

describe('country of the startup’s seat', () => {
  it('passes a listed country and names the countries in the reader’s language when it fails', () => {
    expect(verdict('country', { eligibleCountries: ['ES', 'PT'] }).passed).toBe(true)
    expect(verdict('country', { eligibleCountries: ['PT'] }).passed).toBe(false)
    expect(words('country', { eligibleCountries: ['PT'] })).toBe('Your country, Spain, is not among the eligible countries: Portugal.')
    expect(words('country', { eligibleCountries: ['PT'] }, {}, {}, 'gl')).toBe('O teu país, España, non está entre os países admitidos: Portugal.')
  })
})

describe('subsector and stage of the proposal', () => {
  it('passes listed ones and fails others, with their labels', () => {
    expect(verdict('subsector', { eligibleSubsectors: ['health', 'medtech'] }).passed).toBe(true)
    expect(verdict('subsector', { eligibleSubsectors: ['marine'] }).passed).toBe(false)
    expect(words('subsector', { eligibleSubsectors: ['marine', 'agrifood'] })).toMatch(/^Your proposal's subsector, .+, is not among the eligible subsectors: .+, .+\.$/)
    expect(verdict('stage', { eligibleStages: ['pre_seed', 'seed'] }).passed).toBe(true)
    expect(verdict('stage', { eligibleStages: ['series_a'] }, {}, { stage: 'seed' }).passed).toBe(false)
    expect(words('stage', { eligibleStages: ['series_a'] })).toBe("Your proposal's stage, Seed, is not among the eligible stages: Series A.")
  })
})

describe('minimum TRL', () => {
  it('passes exactly the minimum and above, fails one below', () => {
    expect(verdict('trl', { minTrl: 4 }, {}, { trl: 4 })).toMatchObject({ passed: true, actual: 4, expected: { min: 4 } })
    expect(verdict('trl', { minTrl: 4 }, {}, { trl: 9 }).passed).toBe(true)
    expect(verdict('trl', { minTrl: 4 }, {}, { trl: 3 }).passed).toBe(false)
    expect(words('trl', { minTrl: 4 }, {}, { trl: 3 })).toBe("Your proposal's TRL 3 is below the minimum TRL 4.")
    expect(words('trl', { minTrl: 4 }, {}, { trl: 4 })).toBe("Your proposal's TRL 4 meets the minimum TRL 4.")
  })
})

describe('amount sought', () => {
  const range = { amountMinCents: 10_000_000, amountMaxCents: 50_000_000 }

  it('passes exactly the minimum and exactly the maximum, fails one cent outside', () => {
    expect(verdict('amount', range, {}, { amountSoughtCents: 10_000_000 }).passed).toBe(true)
    expect(verdict('amount', range, {}, { amountSoughtCents: 50_000_000 }).passed).toBe(true)
    expect(verdict('amount', range, {}, { amountSoughtCents: 9_999_999 }).passed).toBe(false)
    expect(verdict('amount', range, {}, { amountSoughtCents: 50_000_001 }).passed).toBe(false)
  })

  it('says which bound is missed, in the reader’s money format', () => {
    expect(words('amount', range, {}, { amountSoughtCents: 60_000_000 })).toBe("The amount your proposal seeks, €600,000, is above the round's maximum of €500,000.")
    expect(words('amount', range, {}, { amountSoughtCents: 5_000_000 }, 'es')).toBe('El importe que solicita tu propuesta, 50.000\u00a0€, está por debajo del mínimo de la convocatoria, 100.000\u00a0€.')
    expect(words('amount', range)).toBe("The amount your proposal seeks, €250,000, is within the round's range of €100,000 to €500,000.")
  })

  it('works with only one bound', () => {
    expect(verdict('amount', { amountMinCents: 25_000_000 }).passed).toBe(true)
    expect(verdict('amount', { amountMinCents: 25_000_001 }).passed).toBe(false)
    expect(verdict('amount', { amountMaxCents: 25_000_000 }).passed).toBe(true)
    expect(verdict('amount', { amountMaxCents: 24_999_999 }).passed).toBe(false)
    expect(words('amount', { amountMaxCents: 30_000_000 })).toBe("The amount your proposal seeks, €250,000, is at most the round's maximum of €300,000.")
  })
})

describe('company age at the deadline', () => {
  it('counts whole years from the founding year to the closing year: exactly the maximum passes, one over fails', () => {
    expect(verdict('company_age', { maxCompanyAgeYears: 5 }, { foundedYear: 2021 })).toMatchObject({ passed: true, actual: 5, expected: { max: 5 } })
    expect(verdict('company_age', { maxCompanyAgeYears: 5 }, { foundedYear: 2020 })).toMatchObject({ passed: false, actual: 6 })
    expect(words('company_age', { maxCompanyAgeYears: 5 }, { foundedYear: 2020 })).toBe('Your company will be 6 years old at the deadline, over the maximum age of 5.')
    expect(words('company_age', { maxCompanyAgeYears: 5 }, { foundedYear: 2025 })).toBe('Your company will be 1 year old at the deadline; the maximum age is 5.')
  })

  it('takes the closing year in the organiser’s time zone', () => {
    // 31 December 2026 at 23:30 UTC is already 2027 in Madrid.
    const newYear = { maxCompanyAgeYears: 5, closesAt: new Date('2026-12-31T23:30:00Z') }
    expect(verdict('company_age', newYear, { foundedYear: 2021 })).toMatchObject({ passed: false, actual: 6 })
    expect(verdict('company_age', { ...newYear, timeZone: 'Atlantic/Azores' }, { foundedYear: 2021 })).toMatchObject({ passed: true, actual: 5 })
  })

  it('fails an unknown founding year with its own message', () => {
    expect(verdict('company_age', { maxCompanyAgeYears: 5 }, { foundedYear: null })).toMatchObject({ passed: false, actual: null })
    expect(words('company_age', { maxCompanyAgeYears: 5 }, { foundedYear: null })).toBe(
      'Your startup profile has no founding year, so its age cannot be checked against the maximum age of 5.',
    )
  })
})

it('lists only the failing rules of an ineligible proposal, in order', () => {
  const round = { ...anyRound, eligibleRegions: ['PT11'], minTrl: 5, maxCompanyAgeYears: 10 }
  const result = checkEligibility(round, vigo, phages)
  expect(result.eligible).toBe(false)
  expect(failedRulesInWords(result, getFixedT('en'), 'en')).toEqual([
    'Your region ES11 (Galicia) is not among the eligible regions PT11 (Norte).',
    "Your proposal's TRL 4 is below the minimum TRL 5.",
  ])
})
