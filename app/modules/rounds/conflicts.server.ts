/**
 * Conflicts of interest between jurors and applications.
 *
 * Automatic: a juror who sits for an investor organisation is excluded from every application of
 * a startup that organisation has a tie with — an interest in one of its proposals (any status
 * but withdrawn), a soft commitment to one of them (not withdrawn), a round commitment to it in
 * any round (not withdrawn), or a recorded stake. These are computed every time from the facts,
 * never stored, so a tie made or withdrawn today counts today.
 *
 * Declared: a juror declares per application "no conflict" or "conflict, because…"; a declared
 * conflict excludes too. An excluded juror cannot score the application nor see any of its
 * scores, and is told why.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm'
import type { Actor } from '~/modules/accounts/actor'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { Locale } from '~/modules/i18n/locales'
import { publishedTitles } from './commitments.server'
import type { Db, DbOrTx } from '../../../db/client'
import {
  applications,
  commitments,
  conflictDeclarations,
  interests,
  investorStakes,
  organisations,
  proposals,
  roundCommitments,
  rounds,
} from '../../../db/schema'
import { jurorSeatOf, requireJuryApplication, type JurorSeat, type Round } from './access.server'
import { RoundRuleError } from './round-rule-error'

/** Why a juror is excluded automatically, in facts the page puts into words. */
export type AutomaticConflict =
  | { kind: 'interest' | 'commitment'; organisation: string; proposal: string; at: Date }
  | { kind: 'round_commitment'; organisation: string; round: string; at: Date }
  | { kind: 'stake'; organisation: string; at: Date }

export interface Declaration {
  conflicted: boolean
  reason: string | null
  declaredAt: Date
}

export interface ConflictState {
  excluded: boolean
  automatic: AutomaticConflict[]
  declaration: Declaration | null
}

type Seat = Pick<JurorSeat, 'id' | 'investorOrganisationId'>
type ApplicationRef = { id: string; startupOrganisationId: string }

/** The conflict states of seats × applications; ask with `of(seatId, applicationId)`. */
export interface ConflictTable {
  of(seatId: string, applicationId: string): ConflictState
}

interface Tie {
  investorOrganisationId: string
  startupOrganisationId: string
  reason: AutomaticConflict
}

/** Every tie between these investor organisations and these startups, oldest first. */
async function tiesBetween(db: DbOrTx, investorIds: string[], startupIds: string[], locale: Locale): Promise<Tie[]> {
  if (investorIds.length === 0 || startupIds.length === 0) return []
  const [interestRows, commitmentRows, roundCommitmentRows, stakeRows] = await Promise.all([
    db
      .select({ investor: interests.investorOrganisationId, name: organisations.name, startup: proposals.organisationId, proposalId: proposals.id, at: interests.createdAt })
      .from(interests)
      .innerJoin(proposals, eq(proposals.id, interests.proposalId))
      .innerJoin(organisations, eq(organisations.id, interests.investorOrganisationId))
      .where(and(inArray(interests.investorOrganisationId, investorIds), inArray(proposals.organisationId, startupIds), ne(interests.status, 'withdrawn'))),
    db
      .select({ investor: commitments.investorOrganisationId, name: organisations.name, startup: proposals.organisationId, proposalId: proposals.id, at: commitments.createdAt })
      .from(commitments)
      .innerJoin(proposals, eq(proposals.id, commitments.proposalId))
      .innerJoin(organisations, eq(organisations.id, commitments.investorOrganisationId))
      .where(and(inArray(commitments.investorOrganisationId, investorIds), inArray(proposals.organisationId, startupIds), isNull(commitments.withdrawnAt))),
    db
      .select({ investor: roundCommitments.investorOrganisationId, name: organisations.name, startup: applications.startupOrganisationId, round: rounds.name, at: roundCommitments.createdAt })
      .from(roundCommitments)
      .innerJoin(applications, eq(applications.id, roundCommitments.applicationId))
      .innerJoin(rounds, eq(rounds.id, applications.roundId))
      .innerJoin(organisations, eq(organisations.id, roundCommitments.investorOrganisationId))
      .where(and(inArray(roundCommitments.investorOrganisationId, investorIds), inArray(applications.startupOrganisationId, startupIds), isNull(roundCommitments.withdrawnAt))),
    db
      .select({ investor: investorStakes.investorOrganisationId, name: organisations.name, startup: investorStakes.startupOrganisationId, at: investorStakes.createdAt })
      .from(investorStakes)
      .innerJoin(organisations, eq(organisations.id, investorStakes.investorOrganisationId))
      .where(and(inArray(investorStakes.investorOrganisationId, investorIds), inArray(investorStakes.startupOrganisationId, startupIds))),
  ])
  const titles = await publishedTitles(db, [...interestRows, ...commitmentRows].map((row) => row.proposalId), locale)
  const ties: Tie[] = [
    ...interestRows.map((row) => ({ row, reason: { kind: 'interest' as const, organisation: row.name, proposal: titles.get(row.proposalId) ?? '', at: row.at } })),
    ...commitmentRows.map((row) => ({ row, reason: { kind: 'commitment' as const, organisation: row.name, proposal: titles.get(row.proposalId) ?? '', at: row.at } })),
    ...roundCommitmentRows.map((row) => ({
      row,
      reason: { kind: 'round_commitment' as const, organisation: row.name, round: pickLocalizedText(row.round, locale)?.text ?? '', at: row.at },
    })),
    ...stakeRows.map((row) => ({ row, reason: { kind: 'stake' as const, organisation: row.name, at: row.at } })),
  ].map(({ row, reason }) => ({ investorOrganisationId: row.investor, startupOrganisationId: row.startup, reason }))
  return ties.sort((a, b) => a.reason.at.getTime() - b.reason.at.getTime())
}

/** The conflicts of these seats with these applications, as they stand now. */
export async function conflictTable(db: DbOrTx, seats: readonly Seat[], applicationRefs: readonly ApplicationRef[], locale: Locale): Promise<ConflictTable> {
  const investorIds = [...new Set(seats.map((seat) => seat.investorOrganisationId).filter((id): id is string => id !== null))]
  const startupIds = [...new Set(applicationRefs.map((application) => application.startupOrganisationId))]
  const seatIds = seats.map((seat) => seat.id)
  const applicationIds = applicationRefs.map((application) => application.id)
  const [ties, declarations] = await Promise.all([
    tiesBetween(db, investorIds, startupIds, locale),
    seatIds.length && applicationIds.length
      ? db
          .select()
          .from(conflictDeclarations)
          .where(and(inArray(conflictDeclarations.jurorId, seatIds), inArray(conflictDeclarations.applicationId, applicationIds)))
      : Promise.resolve([]),
  ])
  const seatById = new Map(seats.map((seat) => [seat.id, seat]))
  const startupOf = new Map(applicationRefs.map((application) => [application.id, application.startupOrganisationId]))
  const declared = new Map(declarations.map((row) => [`${row.jurorId}:${row.applicationId}`, row]))
  return {
    of(seatId, applicationId) {
      const investor = seatById.get(seatId)?.investorOrganisationId ?? null
      const startup = startupOf.get(applicationId)
      const automatic = investor
        ? ties.filter((tie) => tie.investorOrganisationId === investor && tie.startupOrganisationId === startup).map((tie) => tie.reason)
        : []
      const row = declared.get(`${seatId}:${applicationId}`)
      const declaration = row ? { conflicted: row.conflicted, reason: row.reason, declaredAt: row.declaredAt } : null
      return { excluded: automatic.length > 0 || declaration?.conflicted === true, automatic, declaration }
    },
  }
}

/** One seat's conflict with one application. */
export async function conflictOf(db: DbOrTx, seat: Seat, application: ApplicationRef, locale: Locale): Promise<ConflictState> {
  return (await conflictTable(db, [seat], [application], locale)).of(seat.id, application.id)
}

/**
 * True when the actor sits on the round's jury and is not excluded from the application (which
 * is not withdrawn): what lets a juror read it, its answers and their files.
 */
export async function jurorMayRead(
  db: DbOrTx,
  actor: Actor,
  round: Pick<Round, 'id'>,
  application: ApplicationRef & { status: string },
): Promise<boolean> {
  if (application.status === 'withdrawn') return false
  const seat = await jurorSeatOf(db, actor, round.id)
  return seat !== null && !(await conflictOf(db, seat, application, actor.locale)).excluded
}

export type DeclarationInput = { conflicted: false } | { conflicted: true; reason: string }

/** A juror declares (or changes) their conflict with an application, while the round is open or under review. */
export async function declareConflict(db: Db, actor: Actor, roundSlug: string, applicationId: string | undefined, input: DeclarationInput): Promise<void> {
  await db.transaction(async (tx) => {
    const { round, seat, application } = await requireJuryApplication(tx, actor, roundSlug, applicationId)
    if (round.status !== 'open' && round.status !== 'under_review') throw new RoundRuleError('jury.errors.declarationClosed', undefined, 409)
    const values = { conflicted: input.conflicted, reason: input.conflicted ? input.reason : null, declaredAt: new Date() }
    await tx
      .insert(conflictDeclarations)
      .values({ applicationId: application.id, jurorId: seat.id, ...values })
      .onConflictDoUpdate({ target: [conflictDeclarations.applicationId, conflictDeclarations.jurorId], set: values })
  })
}
