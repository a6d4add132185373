import { count, eq, inArray, isNotNull, ne } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { verifyPassword } from '~/modules/accounts/password.server'
import { isRegionOfCountry } from '~/modules/organisations/regions'
import { isSubsector } from '~/modules/startups/subsectors'
import { useTestDatabase } from '../../tests/setup/database'
import {
  bookmarkNotes,
  bookmarks,
  commitments,
  conversations,
  interests,
  investorProfiles,
  investorVerificationRequests,
  memberships,
  messages,
  organisations,
  proposals,
  proposalTexts,
  poolPledges,
  proposalVersions,
  roundCriteria,
  roundJurors,
  roundQuestions,
  rounds,
  savedSearches,
  startupProfiles,
  users,
} from '../schema'
import { demoOrganiser, pendingInvestorSlug, seedDemoData, verifiedInvestorSlug } from './index'
import { demoRoundSlug } from './rounds'

const t = useTestDatabase()
const home = ['ES11', 'PT11', 'ES41']

describe('the demo data set', () => {
  it('loads a cluster-sized catalogue once and returns logins that work', async () => {
    const logins = await seedDemoData(t.db)

    const startups = await t.db
      .select({ slug: organisations.slug, country: organisations.country, region: startupProfiles.region, subsectors: startupProfiles.subsectors, description: startupProfiles.description, website: startupProfiles.website, founded: startupProfiles.foundedYear })
      .from(organisations)
      .innerJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
      .where(eq(organisations.kind, 'startup'))
    expect(startups.filter((s) => home.includes(s.region)).length).toBeGreaterThanOrEqual(60)
    for (const region of home) expect(startups.filter((s) => s.region === region).length).toBeGreaterThanOrEqual(15)
    expect(startups.filter((s) => !home.includes(s.region)).length).toBeGreaterThanOrEqual(5)
    for (const startup of startups) {
      expect(isRegionOfCountry(startup.region, startup.country), `${startup.slug} ${startup.region}`).toBe(true)
      expect(startup.subsectors.length).toBeGreaterThan(0)
      expect(startup.subsectors.every(isSubsector)).toBe(true)
      expect(startup.description.en).toBeTruthy()
      expect(Object.keys(startup.description).length).toBeGreaterThanOrEqual(2)
      expect(startup.website).toBe(`https://${startup.slug}.example`)
      expect(startup.founded).toBeGreaterThanOrEqual(2012)
      expect(startup.founded).toBeLessThanOrEqual(2025)
    }

    const investors = await t.db
      .select({ type: investorProfiles.type, country: organisations.country, min: investorProfiles.ticketMinCents, max: investorProfiles.ticketMaxCents })
      .from(organisations)
      .innerJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    expect(investors).toHaveLength(12)
    expect(new Set(investors.map((i) => i.type)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(investors.map((i) => i.country)).size).toBeGreaterThanOrEqual(4)
    for (const investor of investors) expect(investor.min!).toBeLessThan(investor.max!)

    const organisers = await t.db.select().from(organisations).where(eq(organisations.kind, 'organiser'))
    expect(organisers.map((o) => o.slug)).toEqual([demoOrganiser.slug])

    expect(logins.map((l) => l.email)).toEqual(
      expect.arrayContaining(['admin@ponte.demo', 'organiser@ponte.demo', 'founder@ponte.demo', 'founder.pt@ponte.demo', 'investor@ponte.demo', 'angel@ponte.demo']),
    )
    const accounts = await t.db.select().from(users).where(inArray(users.email, logins.map((l) => l.email)))
    expect(accounts).toHaveLength(logins.length)
    for (const login of logins) {
      const account = accounts.find((a) => a.email === login.email)!
      expect(await verifyPassword(account.passwordHash, login.password)).toBe(true)
      expect(account.emailVerifiedAt).not.toBeNull()
    }
    expect(new Set(accounts.map((a) => a.locale))).toEqual(new Set(['en', 'es', 'pt', 'gl']))
    expect(accounts.filter((a) => a.isAdmin).map((a) => a.email)).toEqual(['admin@ponte.demo'])
  })

  it('gives every demo account the organisation its role needs', async () => {
    const rows = await t.db
      .select({ email: users.email, kind: organisations.kind, role: memberships.role, region: startupProfiles.region, type: investorProfiles.type })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .leftJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
      .leftJoin(investorProfiles, eq(investorProfiles.organisationId, organisations.id))
    const of = (email: string) => rows.find((r) => r.email === email)
    expect(of('admin@ponte.demo')).toMatchObject({ kind: 'organiser', role: 'owner' })
    expect(of('organiser@ponte.demo')).toMatchObject({ kind: 'organiser' })
    expect(of('founder@ponte.demo')).toMatchObject({ kind: 'startup', role: 'owner', region: 'ES11' })
    expect(of('founder.pt@ponte.demo')).toMatchObject({ kind: 'startup', role: 'owner', region: 'PT11' })
    expect(of('investor@ponte.demo')).toMatchObject({ kind: 'investor', role: 'owner', type: 'vc_fund' })
    expect(of('angel@ponte.demo')).toMatchObject({ kind: 'investor', role: 'owner', type: 'business_angel' })
  })

  it('loads the demo proposals through the import: published ones in the catalogue, two awaiting moderation, a draft of the demo founder', async () => {
    const rows = await t.db
      .select({ id: proposals.id, status: proposals.status, slug: organisations.slug, versionId: proposals.publishedVersionId, amount: proposals.amountSoughtCents, useOfFunds: proposals.useOfFunds, closingDate: proposals.closingDate })
      .from(proposals)
      .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    const published = rows.filter((r) => r.status === 'published')
    expect(published.length).toBeGreaterThanOrEqual(40)
    expect(new Set(published.map((r) => r.slug)).size).toBeGreaterThanOrEqual(35)
    for (const row of published) {
      expect(row.versionId).not.toBeNull()
      expect(row.useOfFunds.reduce((sum, item) => sum + item.amountCents, 0)).toBe(row.amount)
      expect(row.closingDate.startsWith('2027-')).toBe(true)
    }
    const versions = await t.db.select({ id: proposalVersions.id }).from(proposalVersions)
    expect(versions.length).toBe(published.length)
    expect(rows.filter((r) => r.status === 'submitted').map((r) => r.slug).sort()).toEqual(['cerealia-genomics', 'sinapse-therapeutics'])
    expect(rows.filter((r) => r.status === 'draft').map((r) => r.slug)).toEqual(['colaxe-marine-bio'])
    const languages = await t.db.select({ locale: proposalTexts.locale }).from(proposalTexts)
    expect(new Set(languages.map((l) => l.locale))).toEqual(new Set(['en', 'es', 'pt', 'gl']))
    expect(languages.length).toBeGreaterThan(rows.length)

    // The demo investor is verified through an approved request, with its profile filled in and listed; the demo angel waits.
    const verified = await t.db
      .select({ slug: organisations.slug, profile: investorProfiles })
      .from(investorProfiles)
      .innerJoin(organisations, eq(organisations.id, investorProfiles.organisationId))
    const demoInvestor = verified.find((v) => v.slug === verifiedInvestorSlug)!.profile
    expect(demoInvestor).toMatchObject({ listed: true, investorCategory: 'sophisticated', coInvestment: true })
    expect(demoInvestor.verificationExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 700 * 86_400_000)
    expect(demoInvestor.stages.length && demoInvestor.regions.length && demoInvestor.portfolioHighlights.length).toBeTruthy()
    for (const { profile } of verified) expect(profile.listed).toBe(profile.verifiedAt !== null)
    const requests = await t.db
      .select({ slug: organisations.slug, status: investorVerificationRequests.status })
      .from(investorVerificationRequests)
      .innerJoin(organisations, eq(organisations.id, investorVerificationRequests.organisationId))
    expect(requests.filter((r) => r.status === 'pending')).toEqual([{ slug: pendingInvestorSlug, status: 'pending' }])
    const approved = requests.filter((r) => r.status === 'approved').map((r) => r.slug)
    expect(approved.sort()).toEqual(verified.filter((v) => v.profile.verifiedAt).map((v) => v.slug).sort())
    expect(approved).toContain(verifiedInvestorSlug)

    // The demo investor's workflows: a weekly saved search, a tagged bookmark with a note, and an
    // accepted introduction with the demo founder's startup (two messages, a soft commitment).
    const [investor] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'investor@ponte.demo'))
    expect(await t.db.select({ frequency: savedSearches.frequency }).from(savedSearches).where(eq(savedSearches.userId, investor!.id))).toEqual([{ frequency: 'weekly' }])
    const demoBookmarks = await t.db.select({ id: bookmarks.id, tags: bookmarks.tags, proposalId: bookmarks.proposalId }).from(bookmarks)
    expect(demoBookmarks).toHaveLength(1)
    expect(demoBookmarks[0]!.tags.length).toBeGreaterThan(0)
    expect(await t.db.select({ n: count() }).from(bookmarkNotes).where(eq(bookmarkNotes.bookmarkId, demoBookmarks[0]!.id))).toEqual([{ n: 1 }])
    const introductions = await t.db
      .select({ status: interests.status, slug: organisations.slug, proposalId: interests.proposalId, interestId: interests.id })
      .from(interests)
      .innerJoin(proposals, eq(proposals.id, interests.proposalId))
      .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    expect(introductions.map(({ status, slug }) => ({ status, slug }))).toEqual([{ status: 'accepted', slug: 'colaxe-marine-bio' }])
    const [conversation] = await t.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.interestId, introductions[0]!.interestId))
    expect(await t.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, conversation!.id))).toEqual([{ n: 2 }])
    expect(await t.db.select({ amount: commitments.amountCents, proposalId: commitments.proposalId }).from(commitments)).toEqual([
      { amount: 20_000_000, proposalId: introductions[0]!.proposalId },
    ])
  })

  it('opens the demo round of the demo organiser now, with its criteria, questions, pool and the demo investor on its jury', async () => {
    const now = new Date()
    const [round] = await t.db.select().from(rounds).where(eq(rounds.slug, demoRoundSlug))
    const [organiser] = await t.db.select().from(organisations).where(eq(organisations.slug, demoOrganiser.slug))
    expect(round).toMatchObject({ status: 'open', organiserOrganisationId: organiser!.id, timeZone: 'Europe/Madrid', eligibleRegions: home })
    expect(round!.opensAt.getTime()).toBeLessThan(now.getTime())
    expect(round!.closesAt.getTime()).toBeGreaterThan(now.getTime() + 29 * 86_400_000)
    // The deadline is 14:00 on the Madrid clock.
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(round!.closesAt)).toBe('14:00')
    const criteria = await t.db.select().from(roundCriteria).where(eq(roundCriteria.roundId, round!.id))
    expect(criteria.map((c) => c.weight).reduce((a, b) => a + b)).toBe(100)
    for (const criterion of criteria) expect(Object.keys(criterion.name).sort()).toEqual(['en', 'es', 'gl', 'pt'])
    const questions = await t.db.select().from(roundQuestions).where(eq(roundQuestions.roundId, round!.id))
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['long_text', 'choice', 'number', 'file']))

    const [investor] = await t.db.select().from(users).where(eq(users.email, 'investor@ponte.demo'))
    const [fund] = await t.db.select().from(organisations).where(eq(organisations.slug, verifiedInvestorSlug))
    const pledges = await t.db.select().from(poolPledges).where(eq(poolPledges.roundId, round!.id))
    expect(pledges).toHaveLength(3)
    expect(pledges.filter((p) => p.matchesCommitments)).toHaveLength(1)
    expect(pledges.map((p) => p.investorOrganisationId)).toContain(fund!.id)
    const verified = await t.db.select({ id: investorProfiles.organisationId }).from(investorProfiles).where(isNotNull(investorProfiles.verifiedAt))
    for (const pledge of pledges) expect(verified.map((v) => v.id)).toContain(pledge.investorOrganisationId)
    const jurors = await t.db.select().from(roundJurors).where(eq(roundJurors.roundId, round!.id))
    expect(jurors.find((j) => j.userId === investor!.id)).toMatchObject({ kind: 'investor', investorOrganisationId: fund!.id, acceptedAt: expect.any(Date), removedAt: null })
    expect(jurors.filter((j) => !j.acceptedAt).map((j) => j.kind)).toEqual(['independent'])
  })

  it('adds nothing on a second run but still returns the logins', async () => {
    const before = await t.db.select({ n: count() }).from(organisations)
    const usersBefore = await t.db.select({ n: count() }).from(users)
    const logins = await seedDemoData(t.db)
    expect(logins).toHaveLength(6)
    expect(await t.db.select({ n: count() }).from(organisations)).toEqual(before)
    expect(await t.db.select({ n: count() }).from(users)).toEqual(usersBefore)
    expect(await t.db.select({ n: count() }).from(interests)).toEqual([{ n: 1 }])
  })

  it('never hands a demo membership to an account that existed before', async () => {
    const database = t.db
    // A database without the demo data where someone already holds the admin's email address.
    await database.delete(rounds)
    await database.delete(organisations)
    await database.delete(users).where(ne(users.email, 'admin@ponte.demo'))
    await database.update(users).set({ isAdmin: false }).where(eq(users.email, 'admin@ponte.demo'))
    await seedDemoData(database)
    const [admin] = await database.select().from(users).where(eq(users.email, 'admin@ponte.demo'))
    expect(admin!.isAdmin).toBe(false)
    expect(await database.select().from(memberships).where(eq(memberships.userId, admin!.id))).toEqual([])
  })
})
