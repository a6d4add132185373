import { and, arrayContains, count, eq, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import type { Locale } from '~/modules/i18n/locales'
import { clusterRegionCodes } from '~/modules/organisations/regions'
import type { DbOrTx } from '../../../db/client'
import { pageWithin } from '../../../db/paging'
import { organisations, startupProfiles } from '../../../db/schema'
import { foldedContains } from '../../../db/text-match'
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from './directory-query'
import { isSubsector, type Subsector } from './subsectors'


/** Startups the public may see: listed, not suspended, with a profile. */
const publicStartup = and(eq(organisations.kind, 'startup'), isNull(organisations.suspendedAt))

const cardColumns = {
  slug: organisations.slug,
  name: organisations.name,
  country: organisations.country,
  region: startupProfiles.region,
  city: startupProfiles.city,
  foundedYear: startupProfiles.foundedYear,
  subsectors: startupProfiles.subsectors,
}

export interface StartupCard {
  slug: string
  name: string
  country: string
  region: string
  city: string
  foundedYear: number | null
  subsectors: Subsector[]
}

/**
 * One page of the public startup directory, filtered by region (a cluster region or `other`),
 * subsector and a name/city search. A page past the end shows the last page.
 */
export async function listStartups(db: DbOrTx, query: DirectoryQuery) {
  const conditions: (SQL | undefined)[] = [publicStartup]
  if (query.region === 'other') conditions.push(notInArray(startupProfiles.region, [...clusterRegionCodes]))
  else if (query.region) conditions.push(eq(startupProfiles.region, query.region))
  if (query.subsector) conditions.push(arrayContains(startupProfiles.subsectors, [query.subsector]))
  if (query.q) conditions.push(or(foldedContains(organisations.name, query.q), foldedContains(startupProfiles.city, query.q)))
  const where = and(...conditions)

  const [counted] = await db
    .select({ total: count() })
    .from(organisations)
    .innerJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
    .where(where)
  const total = counted?.total ?? 0
  const { page, pageCount, offset } = pageWithin(total, query.page, DIRECTORY_PAGE_SIZE)
  const rows = await db
    .select(cardColumns)
    .from(organisations)
    .innerJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
    .where(where)
    .orderBy(sql`lower(immutable_unaccent(${organisations.name}))`, organisations.id)
    .limit(DIRECTORY_PAGE_SIZE)
    .offset(offset)
  const startups: StartupCard[] = rows.map((row) => ({ ...row, subsectors: row.subsectors.filter(isSubsector) }))
  return { startups, total, page, pageCount }
}

/**
 * The public part of a startup's profile, with its description in the reader's language
 * (or the nearest one there is). Null when no public startup has this slug.
 */
export async function getPublicStartupProfile(db: DbOrTx, slug: string | undefined, locale: Locale) {
  if (!slug || slug.length > 200) return null
  const [row] = await db
    .select({
      ...cardColumns,
      website: startupProfiles.website,
      headcount: startupProfiles.headcount,
      description: startupProfiles.description,
      // Public: the legal name, the logo and the team. Never the VAT number (private to members and organisers).
      legalName: startupProfiles.legalName,
      logoFile: startupProfiles.logoFile,
      team: startupProfiles.team,
    })
    .from(organisations)
    .innerJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
    .where(and(publicStartup, eq(organisations.slug, slug)))
    .limit(1)
  if (!row) return null
  const { description, ...profile } = row
  return {
    ...profile,
    subsectors: profile.subsectors.filter(isSubsector),
    website: safeWebsite(profile.website),
    description: pickLocalizedText(description, locale),
  }
}

/** Only http(s) links reach an href (a stored `javascript:` URL must never become a link). */
function safeWebsite(url: string | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null
  } catch {
    return null
  }
}
