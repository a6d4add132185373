import { and, count, desc, eq } from 'drizzle-orm'
import type { Locale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { organisations, proposals, proposalVersions, startupProfiles } from '../../../db/schema'
import { publicTier, visibleProposal, type PublicTierProposal } from './disclosure.server'
import { CATALOGUE_PAGE_SIZE } from './catalogue-query'
import { pickProposalText } from './proposal-text'

/** A catalogue card: the public tier, with the title and teaser in the reader's language (or the original). */
export type CatalogueCard = Omit<PublicTierProposal, 'texts' | 'tier'> & {
  text: { title: string; summary: string; lang: Locale }
}

/**
 * One page of the catalogue: visible proposals (their published versions), newest version
 * first, in the public tier. A page past the end shows the last page.
 */
export async function listCatalogue(db: DbOrTx, options: { page: number; locale: Locale }) {
  const [counted] = await db
    .select({ total: count() })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(visibleProposal)
  const total = counted?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE))
  const page = Math.min(Math.max(1, options.page), pageCount)
  const rows = await db
    .select({
      id: proposals.id,
      currency: proposals.currency,
      snapshot: proposalVersions.snapshot,
      publishedAt: proposalVersions.publishedAt,
      name: organisations.name,
      slug: organisations.slug,
      country: organisations.country,
      region: startupProfiles.region,
      city: startupProfiles.city,
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(proposalVersions, and(eq(proposalVersions.id, proposals.publishedVersionId), eq(proposalVersions.proposalId, proposals.id)))
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, proposals.organisationId))
    .where(visibleProposal)
    .orderBy(desc(proposalVersions.publishedAt), desc(proposals.firstPublishedAt), desc(proposals.id))
    .limit(CATALOGUE_PAGE_SIZE)
    .offset((page - 1) * CATALOGUE_PAGE_SIZE)

  const cards: CatalogueCard[] = []
  for (const row of rows) {
    const startup = { name: row.name, slug: row.slug, country: row.country, region: row.region, city: row.city }
    // The team is not part of the public tier: it is never read here.
    const { texts, tier: _tier, ...facts } = publicTier({ id: row.id, currency: row.currency, snapshot: row.snapshot, publishedAt: row.publishedAt, startup, team: [] })
    const text = pickProposalText(texts, options.locale, facts.originalLocale)
    if (text) cards.push({ ...facts, text })
  }
  return { cards, total, page, pageCount }
}
