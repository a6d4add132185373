/**
 * The matching rule on its edges, figures computed by hand: exactly the minimum amount and one
 * cent less, one investor too few, no foreign investor (and the condition switched off), the cap
 * per startup, the round cap (the last startup served gets the remainder), a pool smaller than the
 * round cap, withdrawn commitments and the fund's own commitments.
 */
import { describe, expect, it } from 'vitest'
import { computeMatching, type CommitmentFact, type MatchingRule, type StartupFacts } from '~/modules/rounds/matching'

const EUR = 100
/** 1:1, up to 50,000 € per startup and 120,000 € for the round, from 100,000 € by 2 investors, one of them foreign. */
const rule: MatchingRule = {
  matchRatioPercent: 100,
  matchCapPerStartupCents: 50_000 * EUR,
  matchCapRoundCents: 120_000 * EUR,
  matchMinCommittedCents: 100_000 * EUR,
  matchMinInvestors: 2,
  matchRequiresCrossBorder: true,
}
const FUND = 'fund'

let clock = Date.parse('2030-05-01T10:00:00Z')
function commit(investor: string, country: string, euros: number, extra: Partial<CommitmentFact> = {}): CommitmentFact {
  clock += 60_000
  return { investorOrganisationId: investor, investorCountry: country, amountCents: euros * EUR, at: new Date(clock), withdrawn: false, ...extra }
}

function startup(id: string, country: string, ...commitments: CommitmentFact[]): StartupFacts {
  return { applicationId: id, country, commitments }
}

function match(startups: StartupFacts[], options: { rule?: Partial<MatchingRule>; pledge?: number } = {}) {
  return computeMatching({ rule: { ...rule, ...options.rule }, fundPledgeCents: (options.pledge ?? 1_000_000) * EUR, fundIds: [FUND], startups })
}

describe('the conditions', () => {
  it('matches a startup with exactly the minimum amount from exactly the minimum number of investors, one foreign', () => {
    const result = match([startup('a', 'PT', commit('es-fund', 'ES', 60_000), commit('pt-angel', 'PT', 40_000))], { rule: { matchCapPerStartupCents: null } })
    const [a] = result.startups
    expect(a).toMatchObject({
      privateCents: 100_000 * EUR,
      investors: 2,
      foreignInvestors: 1,
      conditions: { minCommitted: 'met', minInvestors: 'met', crossBorder: 'met' },
      qualifies: true,
      servedAs: 1,
      matchedCents: 100_000 * EUR,
      limitedBy: null,
    })
  })

  it('does not match one cent below the minimum amount', () => {
    const below = { ...commit('pt-angel', 'PT', 0), amountCents: 40_000 * EUR - 1 }
    const [a] = match([startup('a', 'PT', commit('es-fund', 'ES', 60_000), below)]).startups
    expect(a!.privateCents).toBe(100_000 * EUR - 1)
    expect(a!.conditions).toEqual({ minCommitted: 'unmet', minInvestors: 'met', crossBorder: 'met' })
    expect(a).toMatchObject({ qualifies: false, matchedCents: 0, servedAs: null, qualifiedAt: null })
  })

  it('does not match with one investor too few, however much it committed', () => {
    const [a] = match([startup('a', 'PT', commit('es-fund', 'ES', 500_000))]).startups
    expect(a!.conditions).toEqual({ minCommitted: 'met', minInvestors: 'unmet', crossBorder: 'met' })
    expect(a!.matchedCents).toBe(0)
  })

  it('counts an investor once, whatever it commits', () => {
    const [a] = match([startup('a', 'PT', commit('es-fund', 'ES', 60_000), commit('es-fund', 'ES', 60_000))]).startups
    expect(a!.investors).toBe(1)
    expect(a!.conditions.minInvestors).toBe('unmet')
  })

  it('does not match without a foreign investor, and does once the round drops the cross-border condition', () => {
    const domestic = () => [startup('a', 'ES', commit('es-fund', 'ES', 60_000), commit('es-angel', 'ES', 60_000))]
    const [strict] = match(domestic()).startups
    expect(strict!.conditions).toEqual({ minCommitted: 'met', minInvestors: 'met', crossBorder: 'unmet' })
    expect(strict!.matchedCents).toBe(0)

    const [relaxed] = match(domestic(), { rule: { matchRequiresCrossBorder: false } }).startups
    expect(relaxed!.conditions.crossBorder).toBe('not_required')
    expect(relaxed).toMatchObject({ qualifies: true, matchedCents: 50_000 * EUR })
  })

  it('ignores withdrawn commitments: a withdrawn foreign investor leaves the startup short', () => {
    const [a] = match([
      startup('a', 'PT', commit('es-fund', 'ES', 60_000, { withdrawn: true }), commit('pt-angel', 'PT', 60_000), commit('pt-vc', 'PT', 50_000)),
    ]).startups
    expect(a).toMatchObject({ committedCents: 110_000 * EUR, privateCents: 110_000 * EUR, investors: 2, foreignInvestors: 0, qualifies: false, matchedCents: 0 })
    expect(a!.conditions.crossBorder).toBe('unmet')
  })

  it("does not count the matching fund's own commitment as private, and takes it out of the pool", () => {
    const result = match([startup('a', 'PT', commit(FUND, 'ES', 80_000), commit('pt-angel', 'PT', 60_000))], { pledge: 200_000 })
    const [a] = result.startups
    expect(a).toMatchObject({ committedCents: 140_000 * EUR, privateCents: 60_000 * EUR, investors: 1, foreignInvestors: 0, qualifies: false })
    expect(result.totals).toMatchObject({ fundPledgeCents: 200_000 * EUR, fundCommittedCents: 80_000 * EUR, poolCents: 120_000 * EUR, usedCents: 0, leftCents: 120_000 * EUR })
  })
})

describe('the amounts', () => {
  it('applies the ratio, rounding down to the cent', () => {
    const odd = { ...commit('pt-angel', 'PT', 0), amountCents: 40_000 * EUR + 1 }
    const [a] = match([startup('a', 'PT', commit('es-fund', 'ES', 60_000), odd)], { rule: { matchRatioPercent: 50, matchCapPerStartupCents: null } }).startups
    // (10,000,001 cents × 50 %) = 5,000,000.5 cents
    expect(a!.matchedCents).toBe(5_000_000)
  })

  it('stops at the cap per startup', () => {
    const [a] = match([startup('a', 'PT', commit('es-fund', 'ES', 90_000), commit('pt-angel', 'PT', 90_000))]).startups
    expect(a).toMatchObject({ privateCents: 180_000 * EUR, entitledCents: 50_000 * EUR, matchedCents: 50_000 * EUR, limitedBy: 'startup_cap' })
  })

  it('serves startups in the order they qualified until the round cap; the last one gets the remainder', () => {
    // b qualifies first, then c, then a (listed a, b, c in shortlist order).
    const b = startup('b', 'ES', commit('pt-vc', 'PT', 50_000), commit('es-angel', 'ES', 50_000))
    const c = startup('c', 'PT', commit('es-fund', 'ES', 70_000), commit('pt-angel', 'PT', 30_000))
    const a = startup('a', 'PT', commit('es-fund', 'ES', 100_000), commit('pt-angel', 'PT', 100_000))
    const result = match([a, b, c])
    const byId = Object.fromEntries(result.startups.map((s) => [s.applicationId, s]))
    expect(byId.b).toMatchObject({ servedAs: 1, matchedCents: 50_000 * EUR, limitedBy: 'startup_cap' })
    expect(byId.c).toMatchObject({ servedAs: 2, matchedCents: 50_000 * EUR, limitedBy: 'startup_cap' })
    expect(byId.a).toMatchObject({ servedAs: 3, entitledCents: 50_000 * EUR, matchedCents: 20_000 * EUR, limitedBy: 'round_cap' })
    expect(result.totals).toMatchObject({ usedCents: 120_000 * EUR, leftCents: 880_000 * EUR, roundCapLeftCents: 0 })
    expect(result.startups.map((s) => s.applicationId)).toEqual(['a', 'b', 'c'])
  })

  it('takes the time of the commitment that completed the conditions, ties in shortlist order', () => {
    const at = new Date('2030-06-01T12:00:00Z')
    const same = (investor: string, country: string) => ({ investorOrganisationId: investor, investorCountry: country, amountCents: 60_000 * EUR, at, withdrawn: false })
    const result = match([startup('first', 'PT', same('es-1', 'ES'), same('pt-1', 'PT')), startup('second', 'PT', same('es-2', 'ES'), same('pt-2', 'PT'))], {
      rule: { matchCapRoundCents: 70_000 * EUR },
    })
    expect(result.startups.map((s) => [s.applicationId, s.qualifiedAt, s.servedAs, s.matchedCents])).toEqual([
      ['first', at, 1, 50_000 * EUR],
      ['second', at, 2, 20_000 * EUR],
    ])
  })

  it('shares out a pool smaller than the round cap, and says the pool ran out', () => {
    const a = startup('a', 'PT', commit('es-fund', 'ES', 60_000), commit('pt-angel', 'PT', 60_000))
    const b = startup('b', 'ES', commit('pt-vc', 'PT', 60_000), commit('es-angel', 'ES', 60_000))
    const c = startup('c', 'ES', commit('pt-vc', 'PT', 60_000), commit('es-bank', 'ES', 60_000))
    const result = match([a, b, c], { pledge: 70_000 })
    expect(result.startups.map((s) => [s.applicationId, s.matchedCents, s.limitedBy])).toEqual([
      ['a', 50_000 * EUR, 'startup_cap'],
      ['b', 20_000 * EUR, 'pool'],
      ['c', 0, 'pool'],
    ])
    expect(result.totals).toMatchObject({ poolCents: 70_000 * EUR, usedCents: 70_000 * EUR, leftCents: 0, roundCapLeftCents: 50_000 * EUR })
  })

  it('matches nothing and leaves the pool whole when no startup qualifies', () => {
    const result = match([startup('a', 'PT'), startup('b', 'ES', commit('pt-vc', 'PT', 1_000))])
    expect(result.startups.every((s) => s.matchedCents === 0 && !s.qualifies)).toBe(true)
    expect(result.totals).toMatchObject({ usedCents: 0, leftCents: 1_000_000 * EUR })
  })
})
