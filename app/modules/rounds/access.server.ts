/**
 * Who stands where in a round. Every rounds route starts here: the round's organisers (members of
 * the organiser organisation that runs it, and admins), its jurors (an accepted, not removed seat),
 * its participating investors (an organisation with a pool pledge), and applicants. Anything a
 * person has no place in is a 404, never a hint that it exists.
 */
import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm'
import { notFound } from '~/modules/accounts/guards.server'
import type { Actor } from '~/modules/accounts/actor'
import { isUuid } from '~/modules/proposals/access.server'
import type { DbOrTx, Tx } from '../../../db/client'
import { applications, poolPledges, roundJurors, rounds } from '../../../db/schema'

export type Round = typeof rounds.$inferSelect
export type JurorSeat = typeof roundJurors.$inferSelect
export type Application = typeof applications.$inferSelect

export async function findRoundBySlug(db: DbOrTx, slug: string): Promise<Round | null> {
  const [round] = await db.select().from(rounds).where(eq(rounds.slug, slug))
  return round ?? null
}

/** True for admins and members of the organiser organisation that runs the round. */
export function organisesRound(actor: Actor, round: Pick<Round, 'organiserOrganisationId'>): boolean {
  return actor.isAdmin || actor.memberships.some((m) => m.kind === 'organiser' && m.organisationId === round.organiserOrganisationId)
}

/** The round, for someone who organises it; a 404 for anyone else. */
export async function requireRoundOrganiser(db: DbOrTx, actor: Actor, slug: string): Promise<Round> {
  const round = await findRoundBySlug(db, slug)
  if (!round || !organisesRound(actor, round)) throw notFound()
  return round
}

/**
 * The round's row locked for the rest of the transaction (changes to one round go one at a
 * time, so a status change and an edit never cross), for someone who organises it; a 404 for
 * anyone else.
 */
export async function lockRoundFor(tx: Tx, actor: Actor, roundId: string): Promise<Round> {
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for('update')
  if (!round || !organisesRound(actor, round)) throw notFound()
  return round
}

/** The actor's accepted juror seat in the round, or null. */
export async function jurorSeatOf(db: DbOrTx, actor: Actor, roundId: string): Promise<JurorSeat | null> {
  const [seat] = await db
    .select()
    .from(roundJurors)
    .where(
      and(eq(roundJurors.roundId, roundId), eq(roundJurors.userId, actor.userId), isNotNull(roundJurors.acceptedAt), isNull(roundJurors.removedAt)),
    )
  return seat ?? null
}

/** The round and the actor's juror seat; a 404 for anyone who does not sit on its jury. */
export async function requireJurorSeat(db: DbOrTx, actor: Actor, slug: string): Promise<{ round: Round; seat: JurorSeat }> {
  const round = await findRoundBySlug(db, slug)
  const seat = round ? await jurorSeatOf(db, actor, round.id) : null
  if (!round || !seat) throw notFound()
  return { round, seat }
}

/** True when the person has an accepted seat on some round's jury (the navigation's "Jury" link). */
export async function hasJurorSeat(db: DbOrTx, userId: string): Promise<boolean> {
  const [seat] = await db
    .select({ id: roundJurors.id })
    .from(roundJurors)
    .where(and(eq(roundJurors.userId, userId), isNotNull(roundJurors.acceptedAt), isNull(roundJurors.removedAt)))
    .limit(1)
  return seat !== undefined
}

/**
 * An application of the round for one of its jurors: the round, the seat and the application
 * (not withdrawn); a 404 for anyone without a seat and for ids of other rounds. Conflicts are
 * the caller's next question (conflicts.server.ts).
 */
export async function requireJuryApplication(db: DbOrTx, actor: Actor, slug: string, applicationId: string | undefined) {
  const { round, seat } = await requireJurorSeat(db, actor, slug)
  if (!isUuid(applicationId)) throw notFound()
  const [application] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.roundId, round.id), ne(applications.status, 'withdrawn')))
  if (!application) throw notFound()
  return { round, seat, application }
}

/** The actor's investor organisations that take part in the round (have a pool pledge). */
export async function participatingOrganisationsOf(db: DbOrTx, actor: Actor, roundId: string): Promise<string[]> {
  const investorIds = actor.memberships.filter((m) => m.kind === 'investor').map((m) => m.organisationId)
  if (investorIds.length === 0) return []
  const rows = await db
    .select({ id: poolPledges.investorOrganisationId })
    .from(poolPledges)
    .where(and(eq(poolPledges.roundId, roundId), inArray(poolPledges.investorOrganisationId, investorIds)))
  return rows.map((row) => row.id)
}

/** The actor's startup organisations (applicants apply through one of them). */
export function startupIdsOf(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.kind === 'startup').map((m) => m.organisationId)
}
