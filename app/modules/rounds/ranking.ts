/**
 * The ranking of a round's applications, pure arithmetic (no database), for the organiser's
 * review page.
 *
 * - A review's weighted score is Σ(score · weight) / Σ weight over the round's criteria (the
 *   weights are relative integers: 40/60 and 2/3 weigh the same).
 * - Raw: an application's score is the mean of the weighted scores of its submitted reviews.
 * - Normalised: strict and lenient jurors are put on one footing by comparing each juror with
 *   themself. For each juror, over every application they scored, the mean and the population
 *   standard deviation of their weighted scores; each of their reviews becomes a z-score
 *   z = (weighted − mean) / sd, "how many of their own spreads above or below their own average".
 *   A juror with a single review, or who gave every application the same weighted score
 *   (sd 0), says nothing about how applications compare: their reviews count as z = 0.
 *   An application's normalised score is the mean of its reviews' z-scores.
 * We normalise weighted scores rather than each criterion separately: one number per review is
 * what the page can explain, and a juror's criterion scores move together anyway.
 * - Ranks are competition ranks (1, 2, 2, 4), highest score first; applications without a
 *   submitted review have no score and no rank.
 */

export interface WeightedCriterion {
  id: string
  weight: number
}

/** A submitted review: one score per criterion id. */
export interface ScoredReview {
  applicationId: string
  jurorId: string
  scores: Record<string, number>
}

export interface JurorStatistics {
  jurorId: string
  reviews: number
  /** Mean of the juror's weighted scores. */
  mean: number
  /** Population standard deviation of the juror's weighted scores. */
  sd: number
  /** True when the juror's reviews count as z = 0 (a single review, or sd 0). */
  neutral: boolean
}

export interface ReviewFigures {
  jurorId: string
  weighted: number
  z: number
}

export interface RankedApplication {
  applicationId: string
  reviews: ReviewFigures[]
  /** Mean weighted score; null without submitted reviews. */
  raw: number | null
  /** Mean z-score; null without submitted reviews. */
  normalised: number | null
  rawRank: number | null
  normalisedRank: number | null
}

export interface Ranking {
  applications: RankedApplication[]
  jurors: JurorStatistics[]
}

/** Scores that differ by less than this are equal (ties share a rank). */
const EPSILON = 1e-9

export function weightedScore(scores: Record<string, number>, criteria: readonly WeightedCriterion[]): number {
  let total = 0
  let weights = 0
  for (const criterion of criteria) {
    const score = scores[criterion.id]
    if (score === undefined) throw new Error(`no score for criterion ${criterion.id}`)
    total += score * criterion.weight
    weights += criterion.weight
  }
  if (weights <= 0) throw new Error('the criteria weigh nothing')
  return total / weights
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/** Population standard deviation (divides by n, not n − 1). */
export function populationSd(values: readonly number[]): number {
  const m = mean(values)
  return Math.sqrt(mean(values.map((value) => (value - m) ** 2)))
}

/** Competition ranks of `values` (highest first); null values get no rank. */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((value) => {
    if (value === null) return null
    return 1 + values.filter((other) => other !== null && other > value + EPSILON).length
  })
}

export function rankApplications(applicationIds: readonly string[], criteria: readonly WeightedCriterion[], reviews: readonly ScoredReview[]): Ranking {
  const weighted = reviews.map((review) => ({ ...review, weighted: weightedScore(review.scores, criteria) }))

  const jurorIds = [...new Set(weighted.map((review) => review.jurorId))]
  const jurors = jurorIds.map((jurorId): JurorStatistics => {
    const values = weighted.filter((review) => review.jurorId === jurorId).map((review) => review.weighted)
    const sd = populationSd(values)
    return { jurorId, reviews: values.length, mean: mean(values), sd, neutral: values.length < 2 || sd < EPSILON }
  })
  const statsOf = new Map(jurors.map((juror) => [juror.jurorId, juror]))

  const rows = applicationIds.map((applicationId) => {
    const figures = weighted
      .filter((review) => review.applicationId === applicationId)
      .map((review): ReviewFigures => {
        const stats = statsOf.get(review.jurorId)!
        return { jurorId: review.jurorId, weighted: review.weighted, z: stats.neutral ? 0 : (review.weighted - stats.mean) / stats.sd }
      })
    return {
      applicationId,
      reviews: figures,
      raw: figures.length ? mean(figures.map((f) => f.weighted)) : null,
      normalised: figures.length ? mean(figures.map((f) => f.z)) : null,
    }
  })
  const rawRanks = competitionRanks(rows.map((row) => row.raw))
  const normalisedRanks = competitionRanks(rows.map((row) => row.normalised))
  return {
    applications: rows.map((row, index) => ({ ...row, rawRank: rawRanks[index]!, normalisedRank: normalisedRanks[index]! })),
    jurors,
  }
}
