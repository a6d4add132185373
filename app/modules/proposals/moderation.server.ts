/**
 * The organisers' moderation: the queue of proposals waiting for review and the review of one
 * (its working copy and what changed since the last published version). The decisions
 * themselves (publish, request changes) are lifecycle.server.ts's.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import { forbidden, notFound } from '~/modules/accounts/guards.server'
import { supportedLocales, type Locale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { organisations, proposals, proposalTexts, proposalTransitions, proposalVersions, startupProfiles, users, type ProposalSnapshot } from '../../../db/schema'
import { isUuid } from './access.server'
import { diffSnapshots, type ProposalDiff } from './diff'
import { snapshotOf, textsOf } from './lifecycle.server'
import { renderMarkdown } from './markdown.server'
import { pickProposalText } from './proposal-text'

/** How many recent decisions the queue page lists. */
export const RECENT_DECISIONS = 20

function requireOrganiserActor(actor: Actor) {
  if (!isOrganiser(actor) || !actor.emailVerified) throw forbidden()
}

/** The title of each proposal in the reader's language (else its original), from the working copy. */
async function titlesOf(db: DbOrTx, ids: string[], locale: Locale): Promise<Map<string, { title: string; lang: Locale }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ proposalId: proposalTexts.proposalId, locale: proposalTexts.locale, title: proposalTexts.title, originalLocale: proposals.originalLocale })
    .from(proposalTexts)
    .innerJoin(proposals, eq(proposals.id, proposalTexts.proposalId))
    .where(inArray(proposalTexts.proposalId, ids))
  const byProposal = new Map<string, { originalLocale: Locale; texts: Partial<Record<Locale, { title: string }>> }>()
  for (const row of rows) {
    const entry = byProposal.get(row.proposalId) ?? { originalLocale: row.originalLocale, texts: {} }
    entry.texts[row.locale] = { title: row.title }
    byProposal.set(row.proposalId, entry)
  }
  const titles = new Map<string, { title: string; lang: Locale }>()
  for (const [id, entry] of byProposal) {
    const text = pickProposalText(entry.texts, locale, entry.originalLocale)
    if (text) titles.set(id, { title: text.title, lang: text.lang })
  }
  return titles
}

/**
 * Proposals waiting for an organiser (oldest submission first, so none waits forever) and the
 * latest decisions taken on others.
 */
export async function listModerationQueue(db: DbOrTx, actor: Actor, locale: Locale) {
  requireOrganiserActor(actor)
  const waitingRows = await db
    .select({
      id: proposals.id,
      submittedAt: proposals.submittedAt,
      createdAt: proposals.createdAt,
      isUpdate: sql<boolean>`${proposals.publishedVersionId} is not null`,
      startupName: organisations.name,
      region: startupProfiles.region,
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, proposals.organisationId))
    .where(eq(proposals.status, 'submitted'))
    .orderBy(asc(proposals.submittedAt), asc(proposals.createdAt), asc(proposals.id))

  const decisionRows = await db
    .select({
      proposalId: proposalTransitions.proposalId,
      toStatus: proposalTransitions.toStatus,
      comment: proposalTransitions.comment,
      createdAt: proposalTransitions.createdAt,
      decidedBy: users.name,
      startupName: organisations.name,
    })
    .from(proposalTransitions)
    .innerJoin(proposals, eq(proposals.id, proposalTransitions.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(users, eq(users.id, proposalTransitions.actorId))
    .where(and(eq(proposalTransitions.fromStatus, 'submitted'), inArray(proposalTransitions.toStatus, ['published', 'changes_requested'])))
    .orderBy(desc(proposalTransitions.createdAt), desc(proposalTransitions.id))
    .limit(RECENT_DECISIONS)

  const titles = await titlesOf(db, [...new Set([...waitingRows.map((r) => r.id), ...decisionRows.map((r) => r.proposalId)])], locale)
  return {
    waiting: waitingRows.map((row) => ({ ...row, submittedAt: row.submittedAt ?? row.createdAt, title: titles.get(row.id) ?? null })),
    decided: decisionRows.map((row) => ({ ...row, title: titles.get(row.proposalId) ?? null })),
  }
}

export interface ReviewText {
  locale: Locale
  title: string
  summary: string
  descriptionHtml: string
}

/**
 * One proposal as an organiser reviews it: the working copy in full (every language), its
 * history, and the diff against the last published version when there is one.
 */
export async function getProposalForReview(db: DbOrTx, actor: Actor, id: string | undefined) {
  requireOrganiserActor(actor)
  if (!isUuid(id)) throw notFound()
  const [row] = await db
    .select({
      proposal: proposals,
      startupName: organisations.name,
      startupSlug: organisations.slug,
      region: startupProfiles.region,
      city: startupProfiles.city,
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, proposals.organisationId))
    .where(eq(proposals.id, id))
    .limit(1)
  if (!row) throw notFound()
  const { proposal } = row
  const workingCopy = snapshotOf(proposal, await textsOf(db, id))

  let published: { snapshot: ProposalSnapshot; publishedAt: Date } | null = null
  if (proposal.publishedVersionId) {
    const [version] = await db
      .select({ snapshot: proposalVersions.snapshot, publishedAt: proposalVersions.publishedAt })
      .from(proposalVersions)
      .where(and(eq(proposalVersions.id, proposal.publishedVersionId), eq(proposalVersions.proposalId, id)))
      .limit(1)
    published = version ?? null
  }
  const diff: ProposalDiff | null = published ? diffSnapshots(published.snapshot, workingCopy) : null

  const history = await db
    .select({
      fromStatus: proposalTransitions.fromStatus,
      toStatus: proposalTransitions.toStatus,
      closedReason: proposalTransitions.closedReason,
      comment: proposalTransitions.comment,
      createdAt: proposalTransitions.createdAt,
      actorName: users.name,
    })
    .from(proposalTransitions)
    .leftJoin(users, eq(users.id, proposalTransitions.actorId))
    .where(eq(proposalTransitions.proposalId, id))
    .orderBy(desc(proposalTransitions.createdAt), desc(proposalTransitions.id))

  const texts: ReviewText[] = supportedLocales.flatMap((locale) => {
    const text = workingCopy.texts[locale]
    return text ? [{ locale, title: text.title, summary: text.summary, descriptionHtml: renderMarkdown(text.description) }] : []
  })
  // The snapshot's texts hold raw Markdown; the page gets the rendered texts instead.
  const { texts: _texts, ...facts } = workingCopy
  return {
    id: proposal.id,
    status: proposal.status,
    closedReason: proposal.closedReason,
    submittedAt: proposal.submittedAt,
    canDecide: proposal.status === 'submitted',
    startup: { name: row.startupName, slug: row.startupSlug, region: row.region, city: row.city },
    facts,
    texts,
    publishedAt: published?.publishedAt ?? null,
    hasPublishedVersion: published !== null,
    diff,
    history,
  }
}
