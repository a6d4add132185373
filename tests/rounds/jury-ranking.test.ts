/**
 * The ranking's arithmetic against figures worked out by hand: three jurors, four applications,
 * criteria Team (weight 40) and Science (weight 60), scores 1-5. The strict juror S scored all
 * four applications low; the lenient juror L scored only C and D, high; juror M scored A and B.
 * The raw ranking follows who happened to review what (C first, because L reviewed it); the
 * normalised ranking compares each juror with themself (A first).
 */
import { describe, expect, it } from 'vitest'
import { competitionRanks, populationSd, rankApplications, weightedScore, type ScoredReview } from '~/modules/rounds/ranking'

const criteria = [
  { id: 'team', weight: 40 },
  { id: 'science', weight: 60 },
]
const review = (applicationId: string, jurorId: string, team: number, science: number): ScoredReview => ({ applicationId, jurorId, scores: { team, science } })

const reviews = [
  review('A', 'S', 3, 3), // 0.4·3 + 0.6·3 = 3.0
  review('B', 'S', 2, 3), // 0.8 + 1.8 = 2.6
  review('C', 'S', 2, 2), // 2.0
  review('D', 'S', 1, 2), // 0.4 + 1.2 = 1.6
  review('C', 'L', 5, 5), // 5.0
  review('D', 'L', 4, 5), // 1.6 + 3.0 = 4.6
  review('A', 'M', 3, 4), // 1.2 + 2.4 = 3.6
  review('B', 'M', 4, 3), // 1.6 + 1.8 = 3.4
]

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000)

describe('the ranking against hand-computed figures', () => {
  const ranking = rankApplications(['A', 'B', 'C', 'D'], criteria, reviews)
  const app = (id: string) => ranking.applications.find((a) => a.applicationId === id)!
  const juror = (id: string) => ranking.jurors.find((j) => j.jurorId === id)!

  it('weights each review’s scores by the criteria (relative weights)', () => {
    expect(weightedScore({ team: 2, science: 3 }, criteria)).toBeCloseTo(2.6, 10)
    // 2/3 weighs like 40/60.
    expect(weightedScore({ team: 2, science: 3 }, [{ id: 'team', weight: 2 }, { id: 'science', weight: 3 }])).toBeCloseTo(2.6, 10)
    expect(app('A').reviews.map((r) => round3(r.weighted))).toEqual([3, 3.6])
  })

  it('gives each juror a mean and a population standard deviation of their weighted scores', () => {
    // S: (3.0 + 2.6 + 2.0 + 1.6) / 4 = 2.3; deviations ±0.7, ±0.3; variance (0.49+0.09+0.09+0.49)/4 = 0.29; sd √0.29 = 0.539
    expect([juror('S').reviews, round3(juror('S').mean), round3(juror('S').sd), juror('S').neutral]).toEqual([4, 2.3, 0.539, false])
    // L: (5.0 + 4.6) / 2 = 4.8, sd 0.2 — lenient; M: (3.6 + 3.4) / 2 = 3.5, sd 0.1
    expect([juror('L').reviews, round3(juror('L').mean), round3(juror('L').sd)]).toEqual([2, 4.8, 0.2])
    expect([juror('M').reviews, round3(juror('M').mean), round3(juror('M').sd)]).toEqual([2, 3.5, 0.1])
  })

  it('turns each review into a z-score against its juror', () => {
    // S: 0.7/0.539 = 1.300, 0.3/0.539 = 0.557; L: ±0.2/0.2 = ±1; M: ±0.1/0.1 = ±1
    expect(app('A').reviews.map((r) => [r.jurorId, round3(r.z)])).toEqual([['S', 1.3], ['M', 1]])
    expect(app('B').reviews.map((r) => [r.jurorId, round3(r.z)])).toEqual([['S', 0.557], ['M', -1]])
    expect(app('C').reviews.map((r) => [r.jurorId, round3(r.z)])).toEqual([['S', -0.557], ['L', 1]])
    expect(app('D').reviews.map((r) => [r.jurorId, round3(r.z)])).toEqual([['S', -1.3], ['L', -1]])
  })

  it('scores applications by the mean weighted score (raw) and the mean z-score (normalised)', () => {
    // Raw: A (3.0+3.6)/2 = 3.3, B (2.6+3.4)/2 = 3.0, C (2.0+5.0)/2 = 3.5, D (1.6+4.6)/2 = 3.1
    expect(['A', 'B', 'C', 'D'].map((id) => round3(app(id).raw))).toEqual([3.3, 3, 3.5, 3.1])
    // Normalised: A (1.300+1)/2 = 1.150, B (0.557−1)/2 = −0.221, C (−0.557+1)/2 = 0.221, D (−1.300−1)/2 = −1.150
    expect(['A', 'B', 'C', 'D'].map((id) => round3(app(id).normalised))).toEqual([1.15, -0.221, 0.221, -1.15])
  })

  it('ranks both ways: the lenient juror lifts C and D in the raw ranking only', () => {
    expect(['A', 'B', 'C', 'D'].map((id) => app(id).rawRank)).toEqual([2, 4, 1, 3])
    expect(['A', 'B', 'C', 'D'].map((id) => app(id).normalisedRank)).toEqual([1, 3, 2, 4])
  })
})

describe('jurors who say nothing about how applications compare', () => {
  it('count as z = 0: a single review, or the same weighted score everywhere', () => {
    const ranking = rankApplications(
      ['A', 'B', 'C'],
      criteria,
      [review('A', 'S', 3, 3), review('B', 'S', 2, 2), review('C', 'S', 1, 1), review('A', 'once', 5, 5), review('B', 'flat', 4, 4), review('C', 'flat', 4, 4)],
    )
    const byJuror = Object.fromEntries(ranking.jurors.map((j) => [j.jurorId, j]))
    expect(byJuror.once!.neutral).toBe(true)
    expect(byJuror.flat!.neutral).toBe(true)
    expect(byJuror.flat!.sd).toBe(0)
    const a = ranking.applications.find((x) => x.applicationId === 'A')!
    // S: mean 2, sd √(2/3) = 0.816; A's z from S = 1/0.816 = 1.225, from the single review 0 → mean 0.612
    expect(a.reviews.map((r) => round3(r.z))).toEqual([1.225, 0])
    expect(round3(a.normalised)).toBe(0.612)
    expect(round3(a.raw)).toBe(4)
  })

  it('leaves applications without a submitted review unscored and unranked', () => {
    const ranking = rankApplications(['A', 'B'], criteria, [review('A', 'S', 3, 3)])
    expect(ranking.applications[1]).toEqual({ applicationId: 'B', reviews: [], raw: null, normalised: null, rawRank: null, normalisedRank: null })
    expect(ranking.applications[0]!.rawRank).toBe(1)
  })
})

describe('helpers', () => {
  it('gives ties the same competition rank', () => {
    expect(competitionRanks([3, 4, 3, null, 1])).toEqual([2, 1, 2, null, 4])
  })

  it('uses the population standard deviation', () => {
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2)
  })
})
