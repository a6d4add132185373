/**
 * The two sides of an introduction: who belongs to them, what they are called, and (only once a
 * startup has accepted an interest) how to reach them. Nothing here is sent anywhere before the
 * acceptance: the contact functions are called by the acceptance and the conversation only.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { isUuid } from '~/modules/proposals/access.server'
import type { Locale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { memberships, organisations, proposals, proposalVersions, users } from '../../../db/schema'

export interface Contact {
  name: string
  email: string
}

export interface PartyContacts {
  organisation: string
  people: Contact[]
}

/** Every member of an organisation (whom notifications go to). */
export async function memberIdsOf(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organisationId, organisationId))
  return rows.map((row) => row.userId)
}

/** The owners and admins of an organisation with their names and emails. */
async function managersOf(db: DbOrTx, organisationId: string): Promise<Contact[]> {
  return db
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, ['owner', 'admin'])))
    .orderBy(users.name)
}

async function organisationName(db: DbOrTx, organisationId: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId))
  return row?.name ?? ''
}

/** The investor side: the interest's author (its organisation's managers when the author left). */
export async function investorContacts(db: DbOrTx, investorOrganisationId: string, authorId: string | null): Promise<PartyContacts> {
  const author = authorId ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, authorId)) : []
  return {
    organisation: await organisationName(db, investorOrganisationId),
    people: author.length > 0 ? author : await managersOf(db, investorOrganisationId),
  }
}

/** The startup side: its owners and admins. */
export async function startupContacts(db: DbOrTx, startupOrganisationId: string): Promise<PartyContacts> {
  return { organisation: await organisationName(db, startupOrganisationId), people: await managersOf(db, startupOrganisationId) }
}

/** Contacts as one line for a notification ("Ana Pérez <ana@…>, …"): names and addresses need no translation. */
export function contactsLine(party: PartyContacts): string {
  return party.people.map((person) => `${person.name} <${person.email}>`).join(', ')
}

/** The published title of a proposal in `locale` (or its original language). */
export async function proposalTitle(db: DbOrTx, proposalId: string, locale?: Locale): Promise<string> {
  const [row] = await db
    .select({ snapshot: proposalVersions.snapshot })
    .from(proposals)
    .innerJoin(proposalVersions, eq(proposalVersions.id, proposals.publishedVersionId))
    .where(eq(proposals.id, proposalId))
  if (!row) return ''
  const titles = Object.fromEntries(Object.entries(row.snapshot.texts).map(([lng, text]) => [lng, text?.title ?? '']))
  return pickLocalizedText(titles, locale ?? row.snapshot.originalLocale)?.text ?? ''
}

/** One of the startup's own proposals (a 404 for an id that is not theirs), with what its investor pages need. */
export async function requireStartupProposal(db: DbOrTx, startupOrganisationId: string, proposalId: string | undefined, locale: Locale) {
  if (!isUuid(proposalId)) throw new Response('Not found', { status: 404 })
  const [row] = await db
    .select({ id: proposals.id, country: organisations.country })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(and(eq(proposals.id, proposalId), eq(proposals.organisationId, startupOrganisationId)))
  if (!row) throw new Response('Not found', { status: 404 })
  return { ...row, title: await proposalTitle(db, row.id, locale) }
}
