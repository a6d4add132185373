import { eq, sql } from 'drizzle-orm'
import { hashPassword } from '../../app/modules/accounts/password.server'
import type { Db } from '../client'
import { investorProfiles, investorVerificationRequests, memberships, organisations, startupProfiles, users } from '../schema'
import { seedDemoInvesting } from './investing'
import { seedInvestors } from './investors'
import { seedDemoProposals } from './proposals'
import { seedDemoRound } from './rounds'
import { seedStartups } from './startups'

export interface DemoLogin {
  role: string
  email: string
  password: string
}

export const DEMO_PASSWORD = 'ponte-demo-2026'

/** The cluster that runs Ponte in the demo. Its slug is the marker that the demo data is loaded. */
export const demoOrganiser = { name: 'Ponte Biocluster', slug: 'ponte-biocluster', country: 'ES' } as const

/** "Lucía Otero Investments" → "lucia-otero-investments". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

type Locale = (typeof users.$inferInsert)['locale']
type Role = (typeof memberships.$inferInsert)['role']

interface DemoAccount {
  role: string
  email: string
  name: string
  locale: Locale
  isAdmin?: boolean
  /** Slug of the organisation the account belongs to, and its role there. */
  organisation: string
  membership: Role
}

/** The people one can sign in as; every role of Ponte, in each of its languages. */
export const demoAccounts: DemoAccount[] = [
  { role: 'admin', email: 'admin@ponte.demo', name: 'Ana Ferreiro', locale: 'en', isAdmin: true, organisation: demoOrganiser.slug, membership: 'owner' },
  { role: 'organiser', email: 'organiser@ponte.demo', name: 'Xoán Pereira Vilas', locale: 'gl', organisation: demoOrganiser.slug, membership: 'admin' },
  { role: 'founder (Galicia)', email: 'founder@ponte.demo', name: 'Iria Castro Lema', locale: 'es', organisation: slugify('Colaxe Marine Bio'), membership: 'owner' },
  { role: 'founder (Portugal)', email: 'founder.pt@ponte.demo', name: 'Joana Magalhães', locale: 'pt', organisation: slugify('Sinapse Therapeutics'), membership: 'owner' },
  { role: 'investor (VC fund)', email: 'investor@ponte.demo', name: 'Daniel Brandt', locale: 'en', organisation: slugify('Noroeste Life Sciences Ventures'), membership: 'owner' },
  { role: 'business angel', email: 'angel@ponte.demo', name: 'Lucía Otero', locale: 'es', organisation: slugify('Lucía Otero Investments'), membership: 'owner' },
]

/** The investor organisation of investor@ponte.demo, verified in the demo data. */
export const verifiedInvestorSlug = slugify('Noroeste Life Sciences Ventures')
/** The investor organisation of angel@ponte.demo, whose verification request waits for the organiser. */
export const pendingInvestorSlug = slugify('Lucía Otero Investments')

const demoLogins: DemoLogin[] = demoAccounts.map(({ role, email }) => ({ role, email, password: DEMO_PASSWORD }))

async function isSeeded(db: Pick<Db, 'select'>): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, demoOrganiser.slug)).limit(1)
  return rows.length > 0
}

/**
 * Loads the demo data set once (first start of the embedded default); returns the demo logins.
 * Everything goes in one transaction with a handful of batched inserts; later starts find the
 * organiser's slug and insert nothing. A slug or email that already exists is left alone (and
 * gets no demo membership).
 */
export async function seedDemoData(db: Db): Promise<DemoLogin[]> {
  if (await isSeeded(db)) return demoLogins
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction(async (tx) => {
    // Two processes starting at once on one database: the second waits, then finds the marker.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ponte.seed-demo-data'))`)
    if (await isSeeded(tx)) return
    const now = new Date()

    const createdUsers = await tx
      .insert(users)
      .values(
        demoAccounts.map((account) => ({
          email: account.email,
          name: account.name,
          passwordHash,
          emailVerifiedAt: now,
          locale: account.locale,
          isAdmin: account.isAdmin ?? false,
        })),
      )
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email })
    const userIdByEmail = new Map(createdUsers.map((user) => [user.email, user.id]))
    const ownerBySlug = new Map(
      demoAccounts.filter((a) => a.membership === 'owner').map((a) => [a.organisation, userIdByEmail.get(a.email) ?? null]),
    )

    const organisationRows = [
      { kind: 'organiser' as const, ...demoOrganiser },
      ...seedStartups.map((s) => ({ kind: 'startup' as const, name: s.name, slug: slugify(s.name), country: s.country })),
      ...seedInvestors.map((i) => ({ kind: 'investor' as const, name: i.name, slug: slugify(i.name), country: i.country })),
    ].map((row) => ({ ...row, createdBy: ownerBySlug.get(row.slug) ?? null }))
    const createdOrganisations = await tx
      .insert(organisations)
      .values(organisationRows)
      .onConflictDoNothing({ target: organisations.slug })
      .returning({ id: organisations.id, slug: organisations.slug })
    const organisationIdBySlug = new Map(createdOrganisations.map((o) => [o.slug, o.id]))

    const startupRows = seedStartups.flatMap((s) => {
      const slug = slugify(s.name)
      const organisationId = organisationIdBySlug.get(slug)
      if (!organisationId) return []
      return [
        {
          organisationId,
          region: s.region,
          city: s.city,
          foundedYear: s.founded,
          website: `https://${slug}.example`,
          headcount: s.headcount,
          subsectors: s.subsectors,
          description: s.description,
        },
      ]
    })
    if (startupRows.length) await tx.insert(startupProfiles).values(startupRows)

    // The demo VC fund and a few others were verified by the organiser through approved requests
    // (and are listed in the investor directory); the demo angel's request waits for a decision.
    const verifier = userIdByEmail.get('organiser@ponte.demo') ?? null
    const expiresAt = new Date(now)
    expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + 2)
    const investorRows = seedInvestors.flatMap((i) => {
      const organisationId = organisationIdBySlug.get(slugify(i.name))
      if (!organisationId) return []
      return [
        {
          organisationId,
          type: i.type,
          city: i.city,
          countries: i.countries,
          subsectors: i.subsectors,
          stages: i.stages ?? [],
          trlMin: i.trl?.[0] ?? null,
          trlMax: i.trl?.[1] ?? null,
          ticketMinCents: i.ticketMin * 100,
          ticketMaxCents: i.ticketMax * 100,
          regions: i.regions ?? [],
          coInvestment: i.coInvestment ?? false,
          portfolioHighlights: i.portfolio ?? [],
          thesis: i.thesis,
          listed: Boolean(i.verified),
          verifiedAt: i.verified ? now : null,
          verifiedBy: i.verified ? verifier : null,
          verificationExpiresAt: i.verified ? expiresAt : null,
          investorCategory: i.verified?.category ?? null,
        },
      ]
    })
    if (investorRows.length) await tx.insert(investorProfiles).values(investorRows)
    const requestRows = seedInvestors.flatMap((i): (typeof investorVerificationRequests.$inferInsert)[] => {
      const slug = slugify(i.name)
      const organisationId = organisationIdBySlug.get(slug)
      if (!organisationId) return []
      const requestedBy = ownerBySlug.get(slug) ?? null
      if (i.verified) return [{ organisationId, category: i.verified.category, riskAcknowledgedAt: now, requestedBy, status: 'approved', decidedBy: verifier, decidedAt: now }]
      return slug === pendingInvestorSlug ? [{ organisationId, category: 'non_sophisticated', riskAcknowledgedAt: now, requestedBy }] : []
    })
    if (requestRows.length) await tx.insert(investorVerificationRequests).values(requestRows)

    const membershipRows = demoAccounts.flatMap((account) => {
      const userId = userIdByEmail.get(account.email)
      const organisationId = organisationIdBySlug.get(account.organisation)
      return userId && organisationId ? [{ userId, organisationId, role: account.membership }] : []
    })
    if (membershipRows.length) await tx.insert(memberships).values(membershipRows)

    // Only when every demo startup was created here: the proposals name them by slug.
    if (seedStartups.every((s) => organisationIdBySlug.has(slugify(s.name)))) {
      await seedDemoProposals(tx)
      const investorId = userIdByEmail.get('investor@ponte.demo')
      const founderId = userIdByEmail.get('founder@ponte.demo')
      const investorOrganisationId = organisationIdBySlug.get(verifiedInvestorSlug)
      const startupOrganisationId = organisationIdBySlug.get(slugify('Colaxe Marine Bio'))
      if (investorId && founderId && investorOrganisationId && startupOrganisationId) {
        await seedDemoInvesting(tx, { investorId, founderId, investorOrganisationId, startupOrganisationId }, now)
      }
      // The demo round, run by the demo organiser, with the demo investor in its pool and on its jury.
      const organiserId = userIdByEmail.get('organiser@ponte.demo')
      const organiserOrganisationId = organisationIdBySlug.get(demoOrganiser.slug)
      const portugueseInvestorOrganisationId = organisationIdBySlug.get(slugify('Douro Health Capital'))
      const matchingFundOrganisationId = organisationIdBySlug.get(slugify('Innovacyl Fondo Público'))
      const investor = demoAccounts.find((account) => account.email === 'investor@ponte.demo')!
      if (organiserId && organiserOrganisationId && investorId && investorOrganisationId && portugueseInvestorOrganisationId && matchingFundOrganisationId) {
        await seedDemoRound(
          tx,
          { organiserId, organiserOrganisationId, investorId, investorEmail: investor.email, investorName: investor.name, investorOrganisationId, portugueseInvestorOrganisationId, matchingFundOrganisationId },
          now,
        )
      }
    }
  })
  return demoLogins
}
