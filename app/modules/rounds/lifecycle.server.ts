/**
 * A round's status: draft → open → under_review → shortlisted → closed, one step at a time,
 * each move recorded with who and when (round_transitions).
 *
 * - draft → open: only when complete (a name, at least one criterion, a closing time ahead).
 *   A round whose opening time is still ahead is "upcoming": listed, not yet taking applications.
 * - open → under_review: at or after the closing time, or earlier when the organiser confirms
 *   closing applications early.
 * - under_review → shortlisted: when the organiser's decisions are sent (the review pages call
 *   `transitionRound`).
 * - shortlisted → closed: read-only from then on.
 */
import { asc, count, eq } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import type { DbOrTx } from '../../../db/client'
import { roundCriteria, rounds, roundTransitions, users } from '../../../db/schema'
import { lockRoundFor, type Round } from './access.server'
import { RoundRuleError } from './round-rule-error'
import type { RoundStatus } from './taxonomy'

const e = (key: string) => `rounds.errors.${key}`

/** The one status each status may move to. */
export const nextStatus: Record<RoundStatus, RoundStatus | null> = {
  draft: 'open',
  open: 'under_review',
  under_review: 'shortlisted',
  shortlisted: 'closed',
  closed: null,
}

/** What keeps a draft from opening (translation keys under `rounds.lifecycle.missing`); empty when it may open. */
export function openingGaps(round: Pick<Round, 'name' | 'closesAt'>, criteriaCount: number, now: Date = new Date()): string[] {
  const gaps: string[] = []
  if (!Object.values(round.name).some((text) => text?.trim())) gaps.push('name')
  if (criteriaCount === 0) gaps.push('criteria')
  if (round.closesAt <= now) gaps.push('closesAt')
  return gaps
}

/** Whether moving an open round to review now is early (before its closing time), which needs a confirmation. */
export function isEarlyReview(round: Pick<Round, 'closesAt'>, now: Date = new Date()): boolean {
  return now < round.closesAt
}

/**
 * Moves the round to `to` when the organiser may and its status allows; records who and when.
 * The status is read again under a lock, so two moves never cross. `early` confirms closing
 * applications before the closing time. Returns the round as it now stands.
 */
export async function transitionRound(
  db: DbOrTx,
  actor: Actor,
  round: Pick<Round, 'id'>,
  to: RoundStatus,
  now: Date = new Date(),
  options: { early?: boolean } = {},
): Promise<Round> {
  return db.transaction(async (tx) => {
    const current = await lockRoundFor(tx, actor, round.id)
    if (nextStatus[current.status] !== to) throw new RoundRuleError(e('moveNotAllowed'), undefined, 409)
    if (to === 'open') {
      const [criteria] = await tx.select({ n: count() }).from(roundCriteria).where(eq(roundCriteria.roundId, current.id))
      if (openingGaps(current, criteria?.n ?? 0, now).length) throw new RoundRuleError(e('incomplete'), undefined, 409)
    }
    if (to === 'under_review' && isEarlyReview(current, now) && !options.early) throw new RoundRuleError(e('earlyUnconfirmed'), 'early')
    const [updated] = await tx.update(rounds).set({ status: to, updatedAt: now }).where(eq(rounds.id, current.id)).returning()
    await tx.insert(roundTransitions).values({ roundId: current.id, fromStatus: current.status, toStatus: to, actorId: actor.userId, createdAt: now })
    return updated!
  })
}

/** Every status the round went through, oldest first: to what, from what, who and when. */
export function roundTimeline(db: DbOrTx, roundId: string) {
  return db
    .select({ id: roundTransitions.id, from: roundTransitions.fromStatus, to: roundTransitions.toStatus, actorName: users.name, createdAt: roundTransitions.createdAt })
    .from(roundTransitions)
    .leftJoin(users, eq(users.id, roundTransitions.actorId))
    .where(eq(roundTransitions.roundId, roundId))
    .orderBy(asc(roundTransitions.createdAt), asc(roundTransitions.id))
}
export type TimelineEntry = Awaited<ReturnType<typeof roundTimeline>>[number]
