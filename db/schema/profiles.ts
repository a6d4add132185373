import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { createdAt, id, timestampTz } from './columns'
import { organisations } from './organisations'

export type LocalizedText = Partial<Record<'en' | 'es' | 'pt' | 'gl', string>>

/** The public profile of a startup organisation (extended by the proposals capability). */
export const startupProfiles = pgTable('startup_profiles', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  /** NUTS-2 code, e.g. ES11 (Galicia), PT11 (Norte), ES41 (Castilla y León). */
  region: text().notNull(),
  city: text().notNull(),
  foundedYear: integer(),
  website: text(),
  headcount: integer(),
  subsectors: text().array().notNull().default([]),
  description: jsonb().$type<LocalizedText>().notNull().default({}),
  legalName: text(),
  /** VAT/NIF number: private to the startup's members and organisers. */
  vatNumber: text(),
  /** Generated file name of the logo under the uploads folder. */
  logoFile: text(),
  team: jsonb().$type<TeamMember[]>().notNull().default([]),
})

export interface TeamMember {
  name: string
  role: string
}

export const investorTypes = ['business_angel', 'angel_network', 'vc_fund', 'corporate', 'public_fund', 'family_office'] as const

/** Investor categories in the sense of the EU crowdfunding regulation (2020/1503, art. 2 and annex II). */
export const investorCategories = ['sophisticated', 'non_sophisticated'] as const
export const investorCategoryEnum = pgEnum('investor_category', investorCategories)

export interface PortfolioHighlight {
  name: string
  /** One line on the investment (year, round, outcome). */
  note: string
}

/** The profile of an investor organisation: what it invests in, and its verification. */
export const investorProfiles = pgTable('investor_profiles', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  type: text({ enum: investorTypes }).notNull(),
  city: text(),
  /** ISO 3166-1 alpha-2 countries it invests in. */
  countries: text().array().notNull().default([]),
  subsectors: text().array().notNull().default([]),
  stages: text().array().notNull().default([]),
  trlMin: integer(),
  trlMax: integer(),
  ticketMinCents: integer(),
  ticketMaxCents: integer(),
  /** NUTS-2 codes of the regions it looks at. */
  regions: text().array().notNull().default([]),
  /** Open to co-investing alongside other investors (syndicates, matched funds). */
  coInvestment: boolean().notNull().default(false),
  portfolioHighlights: jsonb().$type<PortfolioHighlight[]>().notNull().default([]),
  thesis: jsonb().$type<LocalizedText>().notNull().default({}),
  /** Chose to appear in the investor directory startups search (verified investors only appear). */
  listed: boolean().notNull().default(false),
  /** Set when an organiser approves a verification request (it then sees the verified tier). */
  verifiedAt: timestamp({ withTimezone: true }),
  verifiedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  /** Verification lapses: two years after approval the investor must ask again. */
  verificationExpiresAt: timestampTz(),
  /** The category declared in the approved request, shown to organisers. */
  investorCategory: investorCategoryEnum(),
})

export const verificationRequestStatuses = ['pending', 'approved', 'declined', 'withdrawn', 'revoked'] as const
export const verificationRequestStatusEnum = pgEnum('verification_request_status', verificationRequestStatuses)

/**
 * An investor organisation's requests to be verified, with the organiser's decision. At most one
 * is pending; an approved one becomes `revoked` when an organiser revokes the verification.
 */
export const investorVerificationRequests = pgTable(
  'investor_verification_requests',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    category: investorCategoryEnum().notNull(),
    /** When the requester acknowledged the risk warning (required to ask). */
    riskAcknowledgedAt: timestampTz().notNull(),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    status: verificationRequestStatusEnum().notNull().default('pending'),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestampTz(),
    /** Why it was declined or revoked (the investor sees it). */
    reason: text(),
  },
  (t) => [
    index('investor_verification_requests_organisation_idx').on(t.organisationId, t.createdAt),
    uniqueIndex('investor_verification_requests_one_pending').on(t.organisationId).where(sql`status = 'pending'`),
  ],
)
