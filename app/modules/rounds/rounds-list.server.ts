/**
 * Lists of rounds: an organiser's (their organisations' rounds; admins every round) and the
 * public ones (anyone: open, upcoming and past rounds, never drafts), and the public page of one
 * round. A draft is a 404 to everyone but its organisers.
 */
import { desc, eq, inArray, ne, sql } from 'drizzle-orm'
import { membershipsOfKind, type Actor } from '~/modules/accounts/actor'
import { notFound } from '~/modules/accounts/guards.server'
import type { DbOrTx } from '../../../db/client'
import { applications, organisations, poolPledges, rounds } from '../../../db/schema'
import { findRoundBySlug, organisesRound, participatingOrganisationsOf } from './access.server'
import { publicMatchingPanel } from './commitments.server'
import { roundPledges } from './pledges.server'
import { roundStructure } from './setup.server'

const applicationCount = sql<number>`(select count(*) from ${applications} where ${applications.roundId} = ${rounds.id} and ${applications.status} <> 'withdrawn')`.mapWith(Number)
const poolTotal = sql<number>`(select coalesce(sum(${poolPledges.pledgeCents}), 0) from ${poolPledges} where ${poolPledges.roundId} = ${rounds.id})`.mapWith(Number)

const listed = {
  slug: rounds.slug,
  name: rounds.name,
  status: rounds.status,
  opensAt: rounds.opensAt,
  closesAt: rounds.closesAt,
  timeZone: rounds.timeZone,
  organiserName: organisations.name,
}

/** The rounds of the person's organiser organisations (admins: all), newest first, with their applications. */
export async function listOrganiserRounds(db: DbOrTx, actor: Actor) {
  const own = actor.memberships.filter((m) => m.kind === 'organiser').map((m) => m.organisationId)
  if (!actor.isAdmin && own.length === 0) return []
  return db
    .select({ ...listed, applications: applicationCount })
    .from(rounds)
    .innerJoin(organisations, eq(organisations.id, rounds.organiserOrganisationId))
    .where(actor.isAdmin ? undefined : inArray(rounds.organiserOrganisationId, own))
    .orderBy(desc(rounds.createdAt), desc(rounds.id))
}
export type OrganiserRoundRow = Awaited<ReturnType<typeof listOrganiserRounds>>[number]

/**
 * The rounds anyone may see: open now (taking applications), upcoming (open, window ahead), and
 * past (window over, in review, shortlisted or closed), each with the pool pledged.
 */
export async function listPublicRounds(db: DbOrTx, now: Date = new Date()) {
  const rows = await db
    .select({ ...listed, description: rounds.description, pool: poolTotal })
    .from(rounds)
    .innerJoin(organisations, eq(organisations.id, rounds.organiserOrganisationId))
    .where(ne(rounds.status, 'draft'))
    .orderBy(rounds.closesAt, rounds.id)
    .limit(200)
  const isOpen = (row: (typeof rows)[number]) => row.status === 'open' && row.closesAt > now
  return {
    open: rows.filter((row) => isOpen(row) && row.opensAt <= now),
    upcoming: rows.filter((row) => isOpen(row) && row.opensAt > now).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime()),
    past: rows.filter((row) => !isOpen(row)).reverse(),
  }
}
export type PublicRoundRow = Awaited<ReturnType<typeof listPublicRounds>>['open'][number]

/** Where a round stands for applicants at `now`. */
export function applicationPhase(round: { status: string; opensAt: Date; closesAt: Date }, now: Date = new Date()) {
  if (round.status === 'draft') return 'draft' as const
  if (round.status !== 'open' || round.closesAt <= now) return 'closed' as const
  return round.opensAt > now ? ('upcoming' as const) : ('open' as const)
}

/**
 * A round's public page: its texts, eligibility, window, questions, criteria with weights,
 * participating investors with the total pool and, once shortlisted, the matching panel. A draft (or no such round) is a 404 unless the
 * viewer organises it.
 */
export async function getPublicRound(db: DbOrTx, actor: Actor | null, slug: string | undefined, now: Date = new Date()) {
  const round = slug ? await findRoundBySlug(db, slug) : null
  const organises = Boolean(round && actor && organisesRound(actor, round))
  if (!round || (round.status === 'draft' && !organises)) throw notFound()
  const [[organiser], structure, pledges, matching, participating] = await Promise.all([
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, round.organiserOrganisationId)),
    roundStructure(db, round.id),
    roundPledges(db, round.id),
    publicMatchingPanel(db, round),
    actor && round.status !== 'draft' ? participatingOrganisationsOf(db, actor, round.id) : [],
  ])
  return {
    round: {
      slug: round.slug,
      name: round.name,
      description: round.description,
      status: round.status,
      phase: applicationPhase(round, now),
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      timeZone: round.timeZone,
      scoreScale: round.scoreScale,
      organiserName: organiser?.name ?? '',
      eligibility: {
        regions: round.eligibleRegions,
        countries: round.eligibleCountries,
        subsectors: round.eligibleSubsectors,
        stages: round.eligibleStages,
        minTrl: round.minTrl,
        amountMinCents: round.amountMinCents,
        amountMaxCents: round.amountMaxCents,
        maxCompanyAgeYears: round.maxCompanyAgeYears,
      },
    },
    questions: structure.questions.map(({ id, kind, label, help, required, choices }) => ({ id, kind, label, help, required, choices })),
    criteria: structure.criteria.map(({ id, name, description, weight }) => ({ id, name, description, weight })),
    investors: pledges.map(({ name, slug: investorSlug, country, matchesCommitments }) => ({ name, slug: investorSlug, country, matchesCommitments })),
    poolCents: pledges.reduce((sum, pledge) => sum + pledge.pledgeCents, 0),
    /** Once the shortlist is out: each shortlisted startup's matching conditions and matched amount. */
    matching,
    viewer: {
      organises,
      participates: participating.length > 0,
      /** The person's startups, which apply from their studio while applications are open. */
      startups: actor && round.status !== 'draft' ? membershipsOfKind(actor, 'startup').map((m) => ({ slug: m.organisationSlug, name: m.organisationName })) : [],
    },
  }
}
export type PublicRound = Awaited<ReturnType<typeof getPublicRound>>
