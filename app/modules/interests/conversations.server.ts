/**
 * Conversations opened by accepted interests. Members of the investor organisation and of the
 * startup read and write; organisers read (moderation) but do not write; anyone else gets a 404.
 * Unread counts come from conversation_reads (how far each person has read). A message tells
 * the other side's members, but no one twice while they have not opened the conversation since.
 */
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import { notify } from '~/modules/notifications/notify.server'
import type { Db, DbOrTx } from '../../../db/client'
import { conversationReads, conversations, interests, messages, notifications, organisations, users } from '../../../db/schema'
import { isUuid } from '../proposals/access.server'
import { investorContacts, memberIdsOf, proposalTitle, startupContacts, type PartyContacts } from './parties.server'
import { InterestRuleError } from './rule-error'

export type Side = 'investor' | 'startup' | 'organiser'

export interface ConversationAccess {
  id: string
  interestId: string
  proposalId: string
  investorOrganisationId: string
  startupOrganisationId: string
  /** How the actor takes part: one of the two sides, or an organiser reading. */
  side: Side
}

/** The conversation if `actor` may read it; a 404 Response otherwise (unknown and forbidden alike). */
export async function requireConversation(db: DbOrTx, actor: Actor, conversationId: string | undefined): Promise<ConversationAccess> {
  if (!isUuid(conversationId)) throw new Response('Not found', { status: 404 })
  const [row] = await db.select().from(conversations).where(eq(conversations.id, conversationId))
  if (!row) throw new Response('Not found', { status: 404 })
  const memberOf = (organisationId: string) => actor.memberships.some((m) => m.organisationId === organisationId)
  const side: Side | null = memberOf(row.investorOrganisationId) ? 'investor' : memberOf(row.startupOrganisationId) ? 'startup' : isOrganiser(actor) ? 'organiser' : null
  if (!side) throw new Response('Not found', { status: 404 })
  return { id: row.id, interestId: row.interestId, proposalId: row.proposalId, investorOrganisationId: row.investorOrganisationId, startupOrganisationId: row.startupOrganisationId, side }
}

const conversationLink = (id: string) => `/conversations/${id}`

/** Marks the conversation read up to now for `userId`, and its message notifications read. */
export async function markConversationRead(db: DbOrTx, userId: string, conversationId: string): Promise<void> {
  const now = new Date()
  await db
    .insert(conversationReads)
    .values({ conversationId, userId, lastReadAt: now })
    .onConflictDoUpdate({ target: [conversationReads.conversationId, conversationReads.userId], set: { lastReadAt: now } })
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'message.received'), eq(notifications.link, conversationLink(conversationId)), isNull(notifications.readAt)))
}

/** Messages after the person's last read, written by someone else. */
function unreadMessages(userId: string) {
  return and(
    eq(messages.conversationId, conversations.id),
    or(isNull(messages.authorId), ne(messages.authorId, userId)),
    gt(messages.createdAt, sql`coalesce((select ${conversationReads.lastReadAt} from ${conversationReads} where ${conversationReads.conversationId} = ${conversations.id} and ${conversationReads.userId} = ${userId}), '-infinity')`),
  )
}

function ownConversations(actor: Actor) {
  const organisationIds = actor.memberships.filter((m) => m.kind !== 'organiser').map((m) => m.organisationId)
  if (organisationIds.length === 0) return null
  return or(inArray(conversations.investorOrganisationId, organisationIds), inArray(conversations.startupOrganisationId, organisationIds))
}

export interface ConversationSummary {
  id: string
  proposalId: string
  proposal: string
  /** The other side's organisation. */
  counterpart: string
  side: 'investor' | 'startup'
  lastMessageAt: Date | null
  createdAt: Date
  unread: number
}

/** The person's conversations, latest activity first, with their unread counts. */
export async function listConversations(db: DbOrTx, actor: Actor): Promise<ConversationSummary[]> {
  const mine = ownConversations(actor)
  if (!mine) return []
  const investorOrg = alias(organisations, 'investor_org')
  const rows = await db
    .select({
      id: conversations.id,
      proposalId: conversations.proposalId,
      investorOrganisationId: conversations.investorOrganisationId,
      investorName: investorOrg.name,
      startupName: organisations.name,
      lastMessageAt: conversations.lastMessageAt,
      createdAt: conversations.createdAt,
      unread: sql<number>`(select count(*)::int from ${messages} where ${unreadMessages(actor.userId)})`,
    })
    .from(conversations)
    .innerJoin(organisations, eq(organisations.id, conversations.startupOrganisationId))
    .innerJoin(investorOrg, eq(investorOrg.id, conversations.investorOrganisationId))
    .where(mine)
    .orderBy(desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`))
  const out: ConversationSummary[] = []
  for (const row of rows) {
    const side = actor.memberships.some((m) => m.organisationId === row.investorOrganisationId) ? 'investor' : 'startup'
    out.push({
      id: row.id,
      proposalId: row.proposalId,
      proposal: await proposalTitle(db, row.proposalId, actor.locale),
      counterpart: side === 'investor' ? row.startupName : row.investorName,
      side,
      lastMessageAt: row.lastMessageAt,
      createdAt: row.createdAt,
      unread: row.unread,
    })
  }
  return out
}

/** Unread messages over all the person's conversations. */
export async function unreadMessageTotal(db: DbOrTx, actor: Actor): Promise<number> {
  const mine = ownConversations(actor)
  if (!mine) return 0
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(mine, unreadMessages(actor.userId)))
  return row?.n ?? 0
}

export interface ConversationMessage {
  id: string
  body: string
  author: string | null
  side: 'investor' | 'startup' | null
  mine: boolean
  createdAt: Date
}

export interface ConversationPage {
  id: string
  side: Side
  proposalId: string
  proposal: string
  interest: { message: string; ticketMinCents: number; ticketMaxCents: number; createdAt: Date; acceptedAt: Date | null }
  /** Exchanged on acceptance: both sides see both. */
  investor: PartyContacts
  startup: PartyContacts
  messages: ConversationMessage[]
}

/** A conversation's page for someone who may read it (the participants' reading marks it read). */
export async function conversationPage(db: DbOrTx, actor: Actor, access: ConversationAccess): Promise<ConversationPage> {
  const [interest] = await db.select().from(interests).where(eq(interests.id, access.interestId))
  const rows = await db
    .select({ id: messages.id, body: messages.body, authorId: messages.authorId, author: users.name, organisationId: messages.authorOrganisationId, createdAt: messages.createdAt })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.conversationId, access.id))
    .orderBy(asc(messages.createdAt), asc(messages.id))
  if (access.side !== 'organiser') await markConversationRead(db, actor.userId, access.id)
  return {
    id: access.id,
    side: access.side,
    proposalId: access.proposalId,
    proposal: await proposalTitle(db, access.proposalId, actor.locale),
    interest: {
      message: interest!.message,
      ticketMinCents: interest!.ticketMinCents,
      ticketMaxCents: interest!.ticketMaxCents,
      createdAt: interest!.createdAt,
      acceptedAt: interest!.decidedAt,
    },
    investor: await investorContacts(db, access.investorOrganisationId, interest!.authorId),
    startup: await startupContacts(db, access.startupOrganisationId),
    messages: rows.map((row) => ({
      id: row.id,
      body: row.body,
      author: row.author,
      side: row.organisationId === access.investorOrganisationId ? 'investor' : row.organisationId === access.startupOrganisationId ? 'startup' : null,
      mine: row.authorId === actor.userId,
      createdAt: row.createdAt,
    })),
  }
}

/**
 * A message from one side. The other side's members are told, except those who already have an
 * unread notification of this conversation (one email until they look).
 */
export async function postMessage(db: Db, actor: Actor, access: ConversationAccess, body: string): Promise<void> {
  if (access.side === 'organiser') throw new InterestRuleError('interests.errors.organiserReadOnly', 403)
  await db.transaction(async (tx) => {
    const [ours, theirs] =
      access.side === 'investor' ? [access.investorOrganisationId, access.startupOrganisationId] : [access.startupOrganisationId, access.investorOrganisationId]
    const [message] = await tx.insert(messages).values({ conversationId: access.id, authorId: actor.userId, authorOrganisationId: ours, body }).returning()
    await tx.update(conversations).set({ lastMessageAt: message!.createdAt }).where(eq(conversations.id, access.id))
    await tx
      .insert(conversationReads)
      .values({ conversationId: access.id, userId: actor.userId, lastReadAt: message!.createdAt })
      .onConflictDoUpdate({ target: [conversationReads.conversationId, conversationReads.userId], set: { lastReadAt: message!.createdAt } })
    const members = await memberIdsOf(tx, theirs)
    if (members.length === 0) return
    const link = conversationLink(access.id)
    const waiting = await tx
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(inArray(notifications.userId, members), eq(notifications.kind, 'message.received'), eq(notifications.link, link), isNull(notifications.readAt)))
    const alreadyTold = new Set(waiting.map((row) => row.userId))
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ours))
    await notify(tx, {
      userIds: members.filter((id) => !alreadyTold.has(id)),
      kind: 'message.received',
      data: { from: organisation?.name ?? '', proposal: await proposalTitle(tx, access.proposalId) },
      link,
    })
  })
}
