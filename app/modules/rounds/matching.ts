/**
 * The co-investment pool's matching rule, as pure arithmetic (no database): a public or pooled
 * fund matches private commitments to shortlisted startups at a ratio, up to a cap per startup
 * and a cap for the round, once a startup has at least X euros from at least N private investors,
 * at least one of them seated in another country than the startup (when the round asks for it).
 *
 * - Private commitments are the active (not withdrawn) commitments of investors that are not a
 *   matching fund of the round; a matching fund's own commitments are not private, do not count
 *   towards the conditions and are not matched.
 * - The pool is the matching funds' pledges less what they committed directly themselves.
 * - A startup's entitlement is its private total × the ratio (rounded down to the cent), capped
 *   per startup. Entitlements are then served first come, first served: in the order the startups
 *   met every condition (the time of the commitment that completed them, each commitment counted
 *   from when it took its current amount), ties in shortlist order, until the round cap or the
 *   pool runs out; the startup that reaches either gets what is left.
 */

export interface MatchingRule {
  /** Euros matched per euro committed, in percent (100 = 1:1). */
  matchRatioPercent: number
  matchCapPerStartupCents: number | null
  matchCapRoundCents: number | null
  matchMinCommittedCents: number
  matchMinInvestors: number
  matchRequiresCrossBorder: boolean
}

export interface CommitmentFact {
  investorOrganisationId: string
  /** The investor organisation's country (organisations.country). */
  investorCountry: string
  amountCents: number
  /** When the commitment took its current amount. */
  at: Date
  withdrawn: boolean
}

export interface StartupFacts {
  applicationId: string
  /** The startup organisation's country. */
  country: string
  commitments: CommitmentFact[]
}

export interface MatchingInput {
  rule: MatchingRule
  /** The pledges of the round's matching funds (pool pledges that match commitments), summed. */
  fundPledgeCents: number
  /** The investor organisations whose pledge matches commitments. */
  fundIds: readonly string[]
  /** The shortlisted startups in shortlist order (the tie-break of the serving order). */
  startups: StartupFacts[]
}

/** `not_required`: the round does not ask for it (the cross-border condition switched off). */
export type ConditionState = 'met' | 'unmet' | 'not_required'

export interface MatchConditions {
  minCommitted: ConditionState
  minInvestors: ConditionState
  crossBorder: ConditionState
}

/** What held a matched amount below the private total × the ratio. */
export type MatchLimit = 'startup_cap' | 'round_cap' | 'pool'

export interface StartupMatch {
  applicationId: string
  /** Every active commitment, the funds' own included. */
  committedCents: number
  /** Active commitments of private investors (what the conditions and the ratio look at). */
  privateCents: number
  /** Distinct private investors with an active commitment. */
  investors: number
  /** Distinct private investors seated in another country than the startup. */
  foreignInvestors: number
  conditions: MatchConditions
  qualifies: boolean
  /** When the startup met every condition (null when it does not). */
  qualifiedAt: Date | null
  /** 1 for the first startup served, and so on; null when it does not qualify. */
  servedAs: number | null
  /** Private total × the ratio, capped per startup. */
  entitledCents: number
  matchedCents: number
  limitedBy: MatchLimit | null
}

/** The pool as a whole. */
export interface PoolTotals {
  fundPledgeCents: number
  /** What the funds committed directly (not private, taken from their pledges). */
  fundCommittedCents: number
  /** What the funds have to match with: their pledges less their own commitments. */
  poolCents: number
  usedCents: number
  leftCents: number
  roundCapCents: number | null
  /** What the round cap still allows (null without a round cap). */
  roundCapLeftCents: number | null
}

export interface MatchingResult {
  /** In the order of the input (the shortlist). */
  startups: StartupMatch[]
  totals: PoolTotals
}

const met = (holds: boolean): ConditionState => (holds ? 'met' : 'unmet')

function conditionsOf(rule: MatchingRule, privateCents: number, investors: number, foreignInvestors: number): MatchConditions {
  return {
    minCommitted: met(privateCents >= rule.matchMinCommittedCents),
    minInvestors: met(investors >= rule.matchMinInvestors),
    crossBorder: rule.matchRequiresCrossBorder ? met(foreignInvestors > 0) : 'not_required',
  }
}

const allHold = (conditions: MatchConditions) => Object.values(conditions).every((state) => state !== 'unmet')

interface Tally {
  cents: number
  investors: Set<string>
  foreign: Set<string>
}

function tally(commitments: CommitmentFact[], country: string): Tally {
  const result: Tally = { cents: 0, investors: new Set(), foreign: new Set() }
  for (const commitment of commitments) {
    result.cents += commitment.amountCents
    result.investors.add(commitment.investorOrganisationId)
    if (commitment.investorCountry !== country) result.foreign.add(commitment.investorOrganisationId)
  }
  return result
}

/** When the private commitments, counted in time order, first met every condition. */
function qualifiedAt(rule: MatchingRule, startup: StartupFacts, commitments: CommitmentFact[]): Date | null {
  const ordered = [...commitments].sort((a, b) => a.at.getTime() - b.at.getTime() || a.investorOrganisationId.localeCompare(b.investorOrganisationId))
  for (let count = 1; count <= ordered.length; count++) {
    const sofar = tally(ordered.slice(0, count), startup.country)
    if (allHold(conditionsOf(rule, sofar.cents, sofar.investors.size, sofar.foreign.size))) return ordered[count - 1]!.at
  }
  return null
}

/** Each shortlisted startup's conditions and matched amount, and the pool used and left. */
export function computeMatching(input: MatchingInput): MatchingResult {
  const { rule } = input
  const funds = new Set(input.fundIds)
  let fundCommittedCents = 0

  const startups: StartupMatch[] = input.startups.map((startup) => {
    const active = startup.commitments.filter((c) => !c.withdrawn)
    const own = active.filter((c) => funds.has(c.investorOrganisationId))
    const privates = active.filter((c) => !funds.has(c.investorOrganisationId))
    const ownCents = own.reduce((sum, c) => sum + c.amountCents, 0)
    fundCommittedCents += ownCents
    const total = tally(privates, startup.country)
    const conditions = conditionsOf(rule, total.cents, total.investors.size, total.foreign.size)
    const qualifies = total.cents > 0 && allHold(conditions)
    const uncapped = Math.floor((total.cents * rule.matchRatioPercent) / 100)
    const entitledCents = rule.matchCapPerStartupCents === null ? uncapped : Math.min(uncapped, rule.matchCapPerStartupCents)
    return {
      applicationId: startup.applicationId,
      committedCents: total.cents + ownCents,
      privateCents: total.cents,
      investors: total.investors.size,
      foreignInvestors: total.foreign.size,
      conditions,
      qualifies,
      qualifiedAt: qualifies ? qualifiedAt(rule, startup, privates) : null,
      servedAs: null,
      entitledCents: qualifies ? entitledCents : 0,
      matchedCents: 0,
      limitedBy: qualifies && entitledCents < uncapped ? 'startup_cap' : null,
    }
  })

  const poolCents = Math.max(0, input.fundPledgeCents - fundCommittedCents)
  let poolLeft = poolCents
  let capLeft = rule.matchCapRoundCents ?? Number.POSITIVE_INFINITY
  const queue = startups
    .map((match, index) => ({ match, index }))
    .filter(({ match }) => match.qualifies)
    .sort((a, b) => a.match.qualifiedAt!.getTime() - b.match.qualifiedAt!.getTime() || a.index - b.index)
  queue.forEach(({ match }, position) => {
    match.servedAs = position + 1
    const granted = Math.min(match.entitledCents, poolLeft, capLeft)
    if (granted < match.entitledCents) match.limitedBy = capLeft <= poolLeft ? 'round_cap' : 'pool'
    match.matchedCents = granted
    poolLeft -= granted
    capLeft -= granted
  })

  const usedCents = poolCents - poolLeft
  return {
    startups,
    totals: {
      fundPledgeCents: input.fundPledgeCents,
      fundCommittedCents,
      poolCents,
      usedCents,
      leftCents: poolLeft,
      roundCapCents: rule.matchCapRoundCents,
      roundCapLeftCents: rule.matchCapRoundCents === null ? null : Math.max(0, rule.matchCapRoundCents - usedCents),
    },
  }
}
