import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
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

/** The profile of an investor organisation (extended by the investor capability). */
export const investorProfiles = pgTable('investor_profiles', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  type: text({ enum: investorTypes }).notNull(),
  city: text(),
  countries: text().array().notNull().default([]),
  subsectors: text().array().notNull().default([]),
  ticketMinCents: integer(),
  ticketMaxCents: integer(),
  thesis: jsonb().$type<LocalizedText>().notNull().default({}),
  /** Set when an organiser verifies the investor organisation (it then sees the verified tier). */
  verifiedAt: timestamp({ withTimezone: true }),
  verifiedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
})
