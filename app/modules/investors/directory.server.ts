import { and, arrayContains, count, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { isOrganiser, type Actor } from '~/modules/accounts/actor'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { supportedLocales, type Locale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { pageWithin } from '../../../db/paging'
import { investorProfiles, organisations } from '../../../db/schema'
import { foldedContains } from '../../../db/text-match'
import { INVESTOR_DIRECTORY_PAGE_SIZE, type InvestorDirectoryQuery } from './directory-query'
import { verificationHolds } from './verification.server'

/**
 * The investor directory startups search: verified investors (verification holding) that chose
 * to be listed and are not suspended. Startup members and organisers may look; nobody else.
 */

/** Members of a startup and organisers (with a confirmed email address) may see the directory. */
export function canSeeInvestorDirectory(actor: Actor | null): boolean {
  if (!actor || !actor.emailVerified) return false
  return isOrganiser(actor) || actor.memberships.some((m) => m.kind === 'startup')
}

/** Investors a startup may find. */
const listedInvestor = and(eq(organisations.kind, 'investor'), isNull(organisations.suspendedAt), eq(investorProfiles.listed, true), verificationHolds)

/** The name or the thesis in any language contains `text` (accents and case ignored). */
function nameOrThesisContains(text: string): SQL {
  const theses = sql.join(
    supportedLocales.map((lang) => sql`coalesce(${investorProfiles.thesis} ->> ${lang}, '')`),
    sql` || ' ' || `,
  )
  return or(foldedContains(organisations.name, text), foldedContains(theses, text))!
}

const cardColumns = {
  slug: organisations.slug,
  name: organisations.name,
  country: organisations.country,
  type: investorProfiles.type,
  city: investorProfiles.city,
  countries: investorProfiles.countries,
  subsectors: investorProfiles.subsectors,
  stages: investorProfiles.stages,
  ticketMinCents: investorProfiles.ticketMinCents,
  ticketMaxCents: investorProfiles.ticketMaxCents,
  regions: investorProfiles.regions,
  coInvestment: investorProfiles.coInvestment,
  thesis: investorProfiles.thesis,
}

/** One page of the directory for `query`, each investor's thesis in the reader's language. A page past the end shows the last one. */
export async function listInvestors(db: DbOrTx, query: InvestorDirectoryQuery, locale: Locale) {
  const conditions: (SQL | undefined)[] = [listedInvestor]
  if (query.type) conditions.push(eq(investorProfiles.type, query.type))
  if (query.subsector) conditions.push(arrayContains(investorProfiles.subsectors, [query.subsector]))
  if (query.stage) conditions.push(arrayContains(investorProfiles.stages, [query.stage]))
  if (query.region) conditions.push(arrayContains(investorProfiles.regions, [query.region]))
  if (query.amount) {
    // Investors whose ticket range covers the amount; an open end covers everything on that side.
    const cents = query.amount * 100
    conditions.push(or(isNull(investorProfiles.ticketMinCents), lte(investorProfiles.ticketMinCents, cents)))
    conditions.push(or(isNull(investorProfiles.ticketMaxCents), gte(investorProfiles.ticketMaxCents, cents)))
  }
  if (query.q) conditions.push(nameOrThesisContains(query.q))
  const where = and(...conditions)

  const [counted] = await db
    .select({ total: count() })
    .from(organisations)
    .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .where(where)
  const total = counted?.total ?? 0
  const { page, pageCount, offset } = pageWithin(total, query.page, INVESTOR_DIRECTORY_PAGE_SIZE)
  const rows = await db
    .select(cardColumns)
    .from(organisations)
    .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .where(where)
    .orderBy(sql`lower(immutable_unaccent(${organisations.name}))`, organisations.id)
    .limit(INVESTOR_DIRECTORY_PAGE_SIZE)
    .offset(offset)
  const investors = rows.map(({ thesis, ...row }) => ({
    ...row,
    thesis: pickLocalizedText(thesis, locale),
  }))
  return { investors, total, page, pageCount }
}

export type InvestorCard = Awaited<ReturnType<typeof listInvestors>>['investors'][number]

/**
 * An investor's page. Startup members see listed, verified investors; organisers see any
 * investor organisation; its own members see it as startups would, whether listed or not.
 * Null when this viewer may not see it (the route answers 404).
 */
export async function getInvestorPage(db: DbOrTx, actor: Actor, slug: string | undefined, locale: Locale) {
  if (!slug || slug.length > 200) return null
  const [row] = await db
    .select({
      ...cardColumns,
      id: organisations.id,
      suspended: sql<boolean>`${organisations.suspendedAt} is not null`,
      trlMin: investorProfiles.trlMin,
      trlMax: investorProfiles.trlMax,
      portfolio: investorProfiles.portfolioHighlights,
      listed: investorProfiles.listed,
      visibleInDirectory: sql<boolean>`coalesce(${listedInvestor}, false)`,
      verified: sql<boolean>`coalesce(${verificationHolds}, false)`,
      category: investorProfiles.investorCategory,
      verificationExpiresAt: investorProfiles.verificationExpiresAt,
    })
    .from(organisations)
    .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .where(and(eq(organisations.kind, 'investor'), eq(organisations.slug, slug)))
    .limit(1)
  if (!row) return null
  const ownMember = actor.memberships.some((m) => m.organisationId === row.id)
  const organiser = isOrganiser(actor) && actor.emailVerified
  if (!row.visibleInDirectory && !ownMember && !organiser) return null
  const { thesis, category, verificationExpiresAt, ...profile } = row
  return {
    ...profile,
    thesis: pickLocalizedText(thesis, locale),
    theses: supportedLocales.flatMap((lang) => (thesis[lang]?.trim() ? [{ lang, text: thesis[lang]!.trim() }] : [])),
    ownMember,
    // The declared category is for organisers only.
    organiserView: organiser ? { category, verificationExpiresAt } : null,
  }
}
