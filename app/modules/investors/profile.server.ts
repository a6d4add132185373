import { and, eq } from 'drizzle-orm'
import { filledLocalizedText } from '~/modules/i18n/localized-text'
import type { DbOrTx } from '../../../db/client'
import { investorProfiles, organisations } from '../../../db/schema'
import type { InvestorProfileInput } from './profile-schema'

/**
 * Editing an investor organisation's profile (its owners and admins may; the route checks).
 * Tickets are entered in euros and kept in cents.
 */

/** The profile as its owners edit it; null when `organisationId` is no investor organisation. */
export async function getInvestorProfileForEditing(db: DbOrTx, organisationId: string) {
  const [row] = await db
    .select({ organisation: organisations, profile: investorProfiles })
    .from(organisations)
    .leftJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'investor')))
    .limit(1)
  if (!row) return null
  const { organisation, profile } = row
  return {
    name: organisation.name,
    slug: organisation.slug,
    country: organisation.country,
    type: profile?.type ?? null,
    city: profile?.city ?? null,
    countries: profile?.countries ?? [],
    thesis: profile?.thesis ?? {},
    subsectors: profile?.subsectors ?? [],
    stages: profile?.stages ?? [],
    trlMin: profile?.trlMin ?? null,
    trlMax: profile?.trlMax ?? null,
    ticketMin: profile?.ticketMinCents != null ? Math.round(profile.ticketMinCents / 100) : null,
    ticketMax: profile?.ticketMaxCents != null ? Math.round(profile.ticketMaxCents / 100) : null,
    regions: profile?.regions ?? [],
    coInvestment: profile?.coInvestment ?? false,
    portfolio: profile?.portfolioHighlights ?? [],
    listed: profile?.listed ?? false,
  }
}

export type InvestorProfileForEditing = NonNullable<Awaited<ReturnType<typeof getInvestorProfileForEditing>>>

/** Saves the profile (creating it when the organisation has none yet). Verification is left as it is. */
export async function updateInvestorProfile(db: DbOrTx, organisationId: string, input: InvestorProfileInput): Promise<void> {
  const thesis = filledLocalizedText(input.thesis)
  const values = {
    type: input.type,
    city: input.city,
    countries: [...new Set(input.countries)],
    thesis,
    subsectors: [...new Set(input.subsectors)],
    stages: [...new Set(input.stages)],
    trlMin: input.trlMin ?? null,
    trlMax: input.trlMax ?? null,
    ticketMinCents: input.ticketMin !== undefined ? input.ticketMin * 100 : null,
    ticketMaxCents: input.ticketMax !== undefined ? input.ticketMax * 100 : null,
    regions: [...new Set(input.regions)],
    coInvestment: Boolean(input.coInvestment),
    portfolioHighlights: input.portfolio,
    listed: Boolean(input.listed),
  }
  await db
    .insert(investorProfiles)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({
      target: investorProfiles.organisationId,
      set: values,
    })
}
