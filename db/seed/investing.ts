/**
 * The demo investor's workflows (issue 5), on top of the demo proposals: a saved search with a
 * weekly alert and a bookmark with a tag and a note for investor@ponte.demo, and an accepted
 * introduction with the demo founder's startup (a short conversation, read by both, and a soft
 * commitment) on one of its published proposals, leaving another without an interest for the
 * introduction's end-to-end journey (tests/e2e/interests.e2e.ts).
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm'
import { canonicalSavedQuery } from '../../app/modules/alerts/saved-searches.server'
import type { DbOrTx } from '../client'
import { bookmarkNotes, bookmarks, commitments, conversationReads, conversations, interests, messages, proposals, savedSearches } from '../schema'

export interface DemoInvestingPeople {
  investorId: string
  investorOrganisationId: string
  founderId: string
  startupOrganisationId: string
}

/** Inserts the demo investor's saved search, bookmark and introduction; nothing when the startup has fewer than two published proposals. */
export async function seedDemoInvesting(db: DbOrTx, people: DemoInvestingPeople, now: Date = new Date()): Promise<void> {
  const { investorId, investorOrganisationId, founderId, startupOrganisationId } = people
  const published = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.organisationId, startupOrganisationId), isNotNull(proposals.publishedVersionId)))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
  if (published.length < 2) return
  const proposalId = published[0]!.id
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)

  await db.insert(savedSearches).values({ userId: investorId, name: 'Marine biotech', query: canonicalSavedQuery('q=marine'), frequency: 'weekly' })

  const [bookmark] = await db
    .insert(bookmarks)
    .values({ organisationId: investorOrganisationId, proposalId, createdBy: investorId, tags: ['wound care'] })
    .returning({ id: bookmarks.id })
  await db.insert(bookmarkNotes).values({
    bookmarkId: bookmark!.id,
    authorId: investorId,
    body: 'Strong fit with our marine biomaterials thesis; check the clinical investigation plan before the partners’ meeting.',
  })

  const [interest] = await db
    .insert(interests)
    .values({
      proposalId,
      investorOrganisationId,
      authorId: investorId,
      message: 'We invest in marine biomaterials and would like to hear about your clinical plans.',
      ticketMinCents: 10_000_000,
      ticketMaxCents: 30_000_000,
      status: 'accepted',
      createdAt: minutesAgo(3 * 24 * 60),
      decidedBy: founderId,
      decidedAt: minutesAgo(2 * 24 * 60),
    })
    .returning({ id: interests.id })
  const lastMessageAt = minutesAgo(24 * 60)
  const [conversation] = await db
    .insert(conversations)
    .values({ interestId: interest!.id, proposalId, investorOrganisationId, startupOrganisationId, createdAt: minutesAgo(2 * 24 * 60), lastMessageAt })
    .returning({ id: conversations.id })
  const conversationId = conversation!.id
  await db.insert(messages).values([
    { conversationId, authorId: founderId, authorOrganisationId: startupOrganisationId, body: '¡Gracias por el interés! Os envío el plan de investigación clínica esta semana.', createdAt: minutesAgo(2 * 24 * 60 - 30) },
    { conversationId, authorId: investorId, authorOrganisationId: investorOrganisationId, body: 'Thank you. We have recorded a soft commitment, subject to due diligence.', createdAt: lastMessageAt },
  ])
  await db.insert(conversationReads).values([
    { conversationId, userId: investorId, lastReadAt: lastMessageAt },
    { conversationId, userId: founderId, lastReadAt: lastMessageAt },
  ])
  const validUntil = new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10)
  await db.insert(commitments).values({
    interestId: interest!.id,
    proposalId,
    investorOrganisationId,
    amountCents: 20_000_000,
    conditions: 'Subject to due diligence',
    validUntil,
    createdBy: investorId,
    createdAt: lastMessageAt,
  })
}
