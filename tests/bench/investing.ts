/**
 * `npm run bench:investing [-- --proposals 10000 --searches 2000 --new 50 --runs 200]`: what the
 * investors' workflows cost at scale, timed on the real module functions:
 *
 * 1. Saved-search alerts: a catalogue of `--proposals` published proposals (the search bench's
 *    bulk load, ./catalogue.ts, and a full reindex), `--searches` saved searches (words, filters,
 *    or both; instant, daily or weekly) of about `--searches`/4 people in verified investor
 *    organisations; then `--new` proposals published through the lifecycle and synced to the
 *    index; then one daily, one weekly and one instant run of queueAlertDigests with the real
 *    search port: wall time, saved searches checked per second, digests queued, matches found.
 * 2. Notification centre and bell: a person with 5,000 notifications (1,000 unread): the unread
 *    count (countUnreadNotifications) and the centre's first page (listNotifications).
 * 3. Interests inbox and ledger: a proposal with 300 interests (expressed, accepted and declined
 *    through the module) and 100 soft commitments: interestInbox and commitmentLedger.
 * 4. Watchlist: an investor organisation with 2,000 bookmarks (tags, notes; at most the catalogue),
 *    beside 10 for each other investor organisation: listWatchlist filtered by a tag, and the
 *    daily closing-soon job (notifyClosingSoon) over every bookmark, one run per day from the
 *    catalogue's own today on.
 *
 * Sections 2 to 4 time `--runs` calls each (p50 / p95). Progress goes to stderr, the tables
 * (Markdown) to stdout. Runs an embedded PostgreSQL in a temporary folder, or the server of
 * BENCH_DATABASE_URL (an empty database: the bench stops if it holds proposals).
 */
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { eq, inArray, sql } from 'drizzle-orm'
import type { Actor } from '../../app/modules/accounts/actor'
import { queueAlertDigests, type DigestFrequency } from '../../app/modules/alerts/digest.server'
import { recipientActor } from '../../app/modules/alerts/matching.server'
import { canonicalSavedQuery } from '../../app/modules/alerts/saved-searches.server'
import { commitmentLedger, recordCommitment, withdrawCommitment } from '../../app/modules/interests/commitments.server'
import { requireConversation } from '../../app/modules/interests/conversations.server'
import { decideInterest, expressInterest, interestInbox } from '../../app/modules/interests/interests.server'
import { isoDay } from '../../app/modules/interests/schemas'
import { countUnreadNotifications, listNotifications } from '../../app/modules/notifications/centre.server'
import type { NotificationKind } from '../../app/modules/notifications/kinds'
import { searchQueryString, type CatalogueSearch } from '../../app/modules/proposals/search-params'
import { searchProposals } from '../../app/modules/proposals/search.server'
import { listWatchlist } from '../../app/modules/watchlist/bookmarks.server'
import { notifyClosingSoon } from '../../app/modules/watchlist/changes.server'
import type { Db } from '../../db/client'
import { bookmarkNotes, bookmarks, memberships, notifications, organisations, savedSearches, startupProfiles } from '../../db/schema'
import { warmUpSearch } from '../../search/commands.server'
import { allSearchDocuments } from '../../search/documents.server'
import { createSearch, type Search } from '../../search/engine.server'
import { drainSearchOutbox } from '../../search/sync.server'
import { createInvestor } from '../proposals/viewers'
import { createOrganisation, createUser } from '../setup/factories'
import { createOrganiser, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { loadCatalogue, snapshotOf } from './catalogue'
import { benchProgress, describeMachine, ms, openBenchDatabase, percentile, type BenchDatabase } from './harness'
import { BENCH_TODAY, catalogueSearchMaker, demoVocabulary, generateDocuments, seededRandom, type SeededRandom } from './search-workload'

const { values: args } = parseArgs({
  options: {
    proposals: { type: 'string', default: '10000' },
    searches: { type: 'string', default: '2000' },
    new: { type: 'string', default: '50' },
    runs: { type: 'string', default: '200' },
  },
})
const PROPOSALS = Number(args.proposals)
const SEARCHES = Number(args.searches)
const NEW = Number(args.new)
const RUNS = Number(args.runs)
if (![PROPOSALS, SEARCHES, NEW, RUNS].every(Number.isInteger) || PROPOSALS < 100 || SEARCHES < 4 || NEW < 1 || RUNS < 5) {
  console.error(
    'Usage: npm run bench:investing -- [--proposals <catalogue, at least 100>] [--searches <saved searches, at least 4>] [--new <proposals published, at least 1>] [--runs <calls timed per function, at least 5>]',
  )
  process.exit(2)
}
/** Saved searches per person (the limit is 25). */
const SEARCHES_PER_PERSON = 4
const NOTIFICATIONS = 5_000
const UNREAD = 1_000
/** Notifications of every other investor, so that the person's are not the whole table. */
const NOTIFICATIONS_OF_OTHERS = 20
const INTERESTS = 300
const ACCEPTED = 100
const DECLINED = 50
const WITHDRAWN_COMMITMENTS = 10
const BOOKMARKS = Math.min(2_000, PROPOSALS)
const BOOKMARKS_OF_OTHERS = 10
const TAGS = ['priority', 'follow up', 'diligence', 'co-invest', 'oncology', 'marine', 'medtech', 'portugal', 'galicia', 'seed', 'q3 review', 'board']
/** Rows per bulk insert (notifications: 6 columns, well under PostgreSQL's 65,535 parameters). */
const BATCH = 1000

const { progress, finish } = benchProgress('investing')
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`
const day = (offset: number) => new Date((BENCH_TODAY + offset) * 86_400_000).toISOString().slice(0, 10)

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let from = 0; from < rows.length; from += BATCH) await insert(rows.slice(from, from + BATCH))
}

/** Milliseconds of each of `runs` calls, one after the other. */
async function timeRuns(runs: number, call: (run: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await call(run)
    samples.push(performance.now() - started)
  }
  return samples
}

const p50p95 = (samples: number[]) => `${ms(percentile(samples, 0.5))} | ${ms(percentile(samples, 0.95))}`

/** `count` distinct items picked at random (count well below the number of items). */
function sample<T>(items: readonly T[], count: number, random: SeededRandom): T[] {
  const picked = new Set<T>()
  while (picked.size < Math.min(count, items.length)) picked.add(random.pick(items))
  return [...picked]
}

function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// The people

interface Investor {
  actor: Actor
  organisationId: string
}

/** `count` verified investor organisations with one member each; a third of them seated in Portugal. */
async function createInvestors(db: Db, count: number): Promise<Investor[]> {
  const investors: Investor[] = []
  for (let n = 0; n < count; n++) {
    const { user, organisation } = await createInvestor(db, { verified: true })
    investors.push({ actor: (await recipientActor(db, user.id))!, organisationId: organisation.id })
  }
  await db
    .update(organisations)
    .set({ country: 'PT' })
    .where(inArray(organisations.id, investors.filter((_, n) => n % 3 === 0).map((investor) => investor.organisationId)))
  return investors
}

/** A startup with its owner and a profile in `region`. */
async function createStartup(db: Db, region: 'ES11' | 'ES41' | 'PT11' | 'PT19', city: string) {
  const member = await createUser(db, { name: `Founder in ${city}` })
  const startup = await createOrganisation(db, 'startup', { members: [{ userId: member.id }], name: `${city} Biotech` })
  await db.insert(startupProfiles).values({ organisationId: startup.id, region, city, subsectors: ['health'] })
  if (region.startsWith('PT')) await db.update(organisations).set({ country: 'PT' }).where(eq(organisations.id, startup.id))
  return { organisationId: startup.id, memberId: member.id, country: region.slice(0, 2) }
}

// ---------------------------------------------------------------------------------------------
// 1. Saved-search alerts

const searchKinds = ['words', 'filters', 'words + filters'] as const

/** The saved searches: a mix of words, filters and both, each person's instant, daily or weekly. */
async function saveSearches(db: Db, owners: Investor[], vocabulary: Awaited<ReturnType<typeof demoVocabulary>>) {
  const random = seededRandom(2029)
  const { someWords, someFilters } = catalogueSearchMaker(vocabulary, random)
  const base: CatalogueSearch = { q: '', filters: {}, sort: null, page: 1, perPage: 20 }
  const rows = Array.from({ length: SEARCHES }, (_, n) => {
    const kind = searchKinds[Math.floor(random.next() * searchKinds.length)]!
    const search = { ...base, q: kind === 'filters' ? '' : someWords(), filters: kind === 'words' ? {} : someFilters() }
    const roll = random.next()
    const frequency: DigestFrequency = roll < 0.2 ? 'instant' : roll < 0.7 ? 'daily' : 'weekly'
    return { userId: owners[n % owners.length]!.actor.userId, name: `${kind} ${n + 1}`, query: canonicalSavedQuery(searchQueryString(search)), frequency }
  })
  await insertInBatches(rows, (batch) => db.insert(savedSearches).values(batch))
  const count = (frequency: DigestFrequency) => rows.filter((row) => row.frequency === frequency).length
  return `${count('instant')} instant, ${count('daily')} daily, ${count('weekly')} weekly`
}

/** `--new` made-up proposals of the catalogue's kind, created, submitted and published one by one. */
async function publishNew(db: Db, vocabulary: Awaited<ReturnType<typeof demoVocabulary>>, startups: Awaited<ReturnType<typeof createStartup>>[], organiser: Actor) {
  const documents = generateDocuments(NEW, vocabulary)
  for (const [n, document] of documents.entries()) {
    const { originalLocale: _locale, closingDate: _closing, ...facts } = snapshotOf(document)
    const startup = startups[n % startups.length]!
    const overrides = { ...facts, useOfFunds: [{ label: 'Development', amountCents: facts.amountSoughtCents }] }
    await publishedProposal(db, { organisationId: startup.organisationId, memberId: startup.memberId, organiser, overrides })
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Notifications

/** `count` notifications of one person of every kind, one an hour back from now, `unread` of them (anywhere in the list) unread. */
function notificationRows(userId: string, count: number, unread: number, random: SeededRandom) {
  const unreadAt = new Set(shuffled(Array.from({ length: count }, (_, n) => n), random).slice(0, unread))
  const kinds: { kind: NotificationKind; data: Record<string, string | number | null>; link: string }[] = [
    { kind: 'bookmark.changed', data: { proposalId: randomUUID(), proposal: 'Marine peptides against sepsis', context: 'closingSoon', closingDate: '2027-03-05' }, link: '/proposals' },
    { kind: 'bookmark.changed', data: { proposalId: randomUUID(), proposal: 'Biosensor for mussel toxins', context: 'amount', amountSoughtCents: 90_000_000, closingDate: '2027-06-30' }, link: '/proposals' },
    { kind: 'interest.answered', data: { context: 'accepted', startup: 'Fagos Atlánticos', proposal: 'Phage therapy against resistant infections' }, link: '/conversations' },
    { kind: 'message.received', data: { from: 'Fagos Atlánticos' }, link: '/conversations' },
    { kind: 'commitment.changed', data: { context: 'withdrawn', from: 'Fagos Atlánticos', proposal: 'Phage therapy', amountCents: 5_000_000 }, link: '/conversations' },
    { kind: 'verification.decided', data: { context: 'approved', organisation: 'Atlantic Angels' }, link: '/investor/verification' },
  ]
  const now = Date.now()
  return Array.from({ length: count }, (_, n) => {
    const { kind, data, link } = kinds[n % kinds.length]!
    const createdAt = new Date(now - n * 3_600_000)
    return { userId, kind, data, link, createdAt, readAt: unreadAt.has(n) ? null : createdAt }
  })
}

// ---------------------------------------------------------------------------------------------
// 3. Interests and commitments

/** INTERESTS interests in one proposal, ACCEPTED of them accepted with a commitment each (some withdrawn), DECLINED declined. */
async function fillInbox(db: Db, investors: Investor[], startup: Awaited<ReturnType<typeof createStartup>>, proposalId: string) {
  const founder = (await recipientActor(db, startup.memberId))!
  const random = seededRandom(2031)
  const ids: string[] = []
  for (const [n, investor] of investors.slice(0, INTERESTS).entries()) {
    const ticketMin = 25_000 + 5_000 * Math.floor(random.next() * 20)
    ids.push(
      await expressInterest(db, investor.actor, proposalId, {
        message: `We back ${n % 2 ? 'marine' : 'health'} biotech at this stage and would like to hear your plans for the round.`,
        ticketMin,
        ticketMax: ticketMin * 4,
      }),
    )
  }
  for (const [n, interestId] of ids.slice(0, ACCEPTED + DECLINED).entries()) {
    const investor = investors[n]!
    if (n >= ACCEPTED) {
      await decideInterest(db, founder, startup.organisationId, interestId, { intent: 'decline', reason: n % 2 ? 'Too early for us.' : undefined })
      continue
    }
    const conversationId = (await decideInterest(db, founder, startup.organisationId, interestId, { intent: 'accept' }))!
    const access = await requireConversation(db, investor.actor, conversationId)
    const commitmentId = await recordCommitment(db, investor.actor, access, {
      amount: 10_000 * (1 + Math.floor(random.next() * 30)),
      conditions: n % 3 ? '' : 'Subject to due diligence and a lead investor.',
      validUntil: isoDay(30 + Math.floor(random.next() * 300)),
    })
    if (n < WITHDRAWN_COMMITMENTS) await withdrawCommitment(db, investor.actor, access, commitmentId)
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Watchlist

/** Bookmarks of `proposalIds` for an organisation, 0 to 3 tags each, a third with 1 to 3 notes by its members. */
async function bookmarkAll(db: Db, organisationId: string, memberIds: string[], proposalIds: string[], random: SeededRandom) {
  const now = Date.now()
  const rows = proposalIds.map((proposalId, n) => ({
    id: randomUUID(),
    organisationId,
    proposalId,
    createdBy: random.pick(memberIds),
    createdAt: new Date(now - n * 1_800_000),
    tags: random.next() < 0.2 ? [] : random.some(TAGS, 3),
  }))
  const notes = rows.flatMap((bookmark) =>
    random.next() < 1 / 3
      ? Array.from({ length: 1 + Math.floor(random.next() * 3) }, (_, n) => ({
          bookmarkId: bookmark.id,
          authorId: random.pick(memberIds),
          body: random.pick(['Met the founders at BioSpain.', 'Ask about the EMA scientific advice.', 'Strong team, early data; revisit after the pilot.', 'Co-invest with the regional fund?']),
          createdAt: new Date(bookmark.createdAt.getTime() + (n + 1) * 600_000),
        }))
      : [],
  )
  await insertInBatches(rows, (batch) => db.insert(bookmarks).values(batch))
  await insertInBatches(notes, (batch) => db.insert(bookmarkNotes).values(batch))
  return { bookmarks: rows.length, notes: notes.length }
}

// ---------------------------------------------------------------------------------------------
// The run

const setup: [string, string][] = []
const digests: { frequency: DigestFrequency; searches: number; ms: number; emails: number; matches: number; heldBack: boolean }[] = []
const latency: { section: string; rows: [string, number[]][] }[] = []
const closingSoon = { firstDayTold: 0, told: 0 }
let machine = ''

let bench: BenchDatabase | undefined
try {
  bench = await openBenchDatabase('investing', progress)
  const { db } = bench
  machine = await describeMachine(db)

  progress(`generating and loading ${PROPOSALS} published proposals`)
  let started = performance.now()
  const vocabulary = await demoVocabulary()
  const documents = generateDocuments(PROPOSALS, vocabulary)
  // The workload's publication times run into 2027: all of them in the past here, as the catalogue
  // of a running Ponte is (a digest reads the newest first and stops at what it already sent).
  const shift = Math.max(0, documents.reduce((latest, document) => Math.max(latest, document.publishedAt), 0) - (Date.now() / 1000 - 3_600))
  for (const document of documents) document.publishedAt -= shift
  const catalogueIds = documents.map((document) => document.id)
  const { startups: catalogueStartups } = await loadCatalogue(db, documents, progress)
  documents.length = 0
  setup.push(['catalogue: generated and bulk-loaded', `${catalogueStartups} startups, ${PROPOSALS} proposals in ${seconds(started)}`])

  progress(`full reindex`)
  started = performance.now()
  const search: Search = createSearch({ meilisearch: undefined }, db)
  const { indexed } = await search.rebuild(() => allSearchDocuments(db))
  await search.applySettings()
  setup.push(['full reindex: rebuild(allSearchDocuments) + applySettings', `${indexed} documents in ${seconds(started)}`])
  started = performance.now()
  await searchProposals({ db, search }, 'verified', { q: '', filters: {}, sort: null, page: 1, perPage: 20 })
  // As at a worker's start-up (prepareSearchAtStartup): the pool's connections warmed by a few text searches.
  await warmUpSearch(search)
  setup.push(['first search of the process and warm-up, as at start-up (not in the digests)', `${ms(performance.now() - started)} ms`])

  const people = Math.ceil(SEARCHES / SEARCHES_PER_PERSON)
  progress(`creating ${Math.max(people, INTERESTS) + 1} verified investor organisations, startups and an organiser`)
  started = performance.now()
  const investors = await createInvestors(db, Math.max(people, INTERESTS))
  const [watcher] = await createInvestors(db, 1)
  const { actor: organiser } = await createOrganiser(db)
  const startups = [
    await createStartup(db, 'ES11', 'Vigo'),
    await createStartup(db, 'PT11', 'Braga'),
    await createStartup(db, 'ES41', 'León'),
    await createStartup(db, 'PT19', 'Coimbra'),
  ]
  setup.push(['people: verified investor organisations (one member each), startups', `${investors.length + 1} investors, ${startups.length} startups in ${seconds(started)}`])

  // ------------------------------------------------------------------------------- 1. alerts
  progress(`saving ${SEARCHES} searches of ${people} people`)
  const mix = await saveSearches(db, investors.slice(0, people), vocabulary)
  setup.push(['saved searches', `${SEARCHES} of ${people} people (${mix})`])

  progress(`publishing ${NEW} proposals through the lifecycle`)
  started = performance.now()
  await publishNew(db, vocabulary, startups, organiser)
  setup.push(['new proposals: created, submitted, published (one by one)', `${NEW} in ${seconds(started)}`])
  started = performance.now()
  const synced = await drainSearchOutbox(db, search)
  setup.push(['search sync of the new proposals (drainSearchOutbox)', `${synced.indexed} documents in ${ms(performance.now() - started)} ms`])

  for (const frequency of ['daily', 'weekly', 'instant'] as const) {
    progress(`alert digests: ${frequency} run`)
    started = performance.now()
    const report = await queueAlertDigests({ db, search }, frequency)
    digests.push({ frequency, ms: performance.now() - started, ...report })
  }
  if (digests.every((run) => run.matches === 0)) throw new Error(`No saved search matched any of the ${NEW} new proposals: the workload is broken.`)

  // -------------------------------------------------------------------------- 2. notifications
  progress(`notifications: ${NOTIFICATIONS} of one person, ${NOTIFICATIONS_OF_OTHERS} of each other investor`)
  const random = seededRandom(2030)
  await insertInBatches(
    [watcher!, ...investors].flatMap((investor, n) =>
      n === 0 ? notificationRows(investor.actor.userId, NOTIFICATIONS, UNREAD, random) : notificationRows(investor.actor.userId, NOTIFICATIONS_OF_OTHERS, 5, random),
    ),
    (batch) => db.insert(notifications).values(batch),
  )
  await db.execute(sql`analyze notifications`)
  const reader = watcher!.actor
  const centre = await listNotifications(db, reader, reader.locale, 1)
  if (centre.total !== NOTIFICATIONS || centre.unread !== UNREAD) throw new Error(`The centre shows ${centre.unread} unread of ${centre.total}, not ${UNREAD} of ${NOTIFICATIONS}.`)
  progress(`notifications: ${RUNS} unread counts, ${RUNS} first pages`)
  latency.push({
    section: `2. Notification centre and bell: a person with ${NOTIFICATIONS} notifications (${UNREAD} unread)`,
    rows: [
      ['bell: countUnreadNotifications', await timeRuns(RUNS, () => countUnreadNotifications(db, reader.userId))],
      ['centre, first page: listNotifications (20 a page, total and unread)', await timeRuns(RUNS, () => listNotifications(db, reader, reader.locale, 1))],
    ],
  })

  // ------------------------------------------------------------------------------ 3. interests
  progress(`interests: ${INTERESTS} expressed, ${ACCEPTED} accepted with a commitment, ${DECLINED} declined`)
  started = performance.now()
  const startup = startups[0]!
  const { id: proposalId } = await publishedProposal(db, { organisationId: startup.organisationId, memberId: startup.memberId, organiser, overrides: validProposalInput() })
  await fillInbox(db, investors, startup, proposalId)
  await db.execute(sql`analyze`)
  setup.push(['interests and commitments through the module (express, accept or decline, record, withdraw)', `${INTERESTS} interests, ${ACCEPTED} commitments in ${seconds(started)}`])
  const inbox = await interestInbox(db, proposalId)
  const ledger = await commitmentLedger(db, proposalId, startup.country)
  if (inbox.length !== INTERESTS || ledger.commitments.length !== ACCEPTED) throw new Error(`The inbox holds ${inbox.length} interests and the ledger ${ledger.commitments.length} commitments, not ${INTERESTS} and ${ACCEPTED}.`)
  progress(`interests: ${RUNS} inbox loads, ${RUNS} ledgers`)
  latency.push({
    section: `3. Interests inbox and ledger: a proposal with ${INTERESTS} interests and ${ACCEPTED} commitments`,
    rows: [
      ["startup's investor inbox: interestInbox", await timeRuns(RUNS, () => interestInbox(db, proposalId))],
      ['commitment ledger: commitmentLedger', await timeRuns(RUNS, () => commitmentLedger(db, proposalId, startup.country))],
    ],
  })

  // ------------------------------------------------------------------------------ 4. watchlist
  progress(`watchlist: ${BOOKMARKS} bookmarks of one organisation, ${BOOKMARKS_OF_OTHERS} of each other`)
  const colleagues = [await createUser(db, { name: 'Colleague One' }), await createUser(db, { name: 'Colleague Two' })]
  await db.insert(memberships).values(colleagues.map((user) => ({ organisationId: watcher!.organisationId, userId: user.id, role: 'member' as const })))
  const watchRandom = seededRandom(2032)
  const watched = await bookmarkAll(
    db,
    watcher!.organisationId,
    [watcher!.actor.userId, ...colleagues.map((user) => user.id)],
    shuffled(catalogueIds, watchRandom).slice(0, BOOKMARKS),
    watchRandom,
  )
  let others = 0
  for (const investor of investors) {
    others += (await bookmarkAll(db, investor.organisationId, [investor.actor.userId], sample(catalogueIds, BOOKMARKS_OF_OTHERS, watchRandom), watchRandom)).bookmarks
  }
  await db.execute(sql`analyze`)
  setup.push(['watchlist', `${watched.bookmarks} bookmarks (${watched.notes} notes) of one organisation of 3 members, ${others} of ${investors.length} others`])
  const membership = reader.memberships.find((m) => m.kind === 'investor')!
  progress(`watchlist: ${RUNS} lists filtered by a tag, ${RUNS} daily closing-soon runs`)
  const lists = await timeRuns(RUNS, (run) => listWatchlist(db, reader, membership, reader.locale, { tag: TAGS[run % TAGS.length]!, status: null, page: 1 }))
  const told: number[] = []
  const jobs = await timeRuns(RUNS, async (run) => told.push(await notifyClosingSoon(db, day(run))))
  closingSoon.firstDayTold = told[0]!
  closingSoon.told = told.reduce((a, b) => a + b, 0)
  latency.push({
    section: `4. Watchlist: an organisation with ${watched.bookmarks} bookmarks; ${watched.bookmarks + others} bookmarks in all`,
    rows: [
      [`/watchlist filtered by a tag: listWatchlist (${TAGS.length} tags in turn)`, lists],
      [`daily closing-soon job: notifyClosingSoon over every bookmark (${RUNS} days in turn)`, jobs],
    ],
  })
} finally {
  await bench?.close()
}

// ---------------------------------------------------------------------------------------------
// The tables

const { seconds: total, load } = finish()
console.log(`## Investor workflows benchmark: ${PROPOSALS} proposals, ${SEARCHES} saved searches, ${NEW} new proposals, ${RUNS} runs\n`)
console.log(`Machine: ${machine}.\n`)
console.log('| step | result |')
console.log('|---|---|')
for (const [label, value] of setup) console.log(`| ${label} | ${value} |`)
console.log(`| whole run | ${total.toFixed(0)} s |`)
console.log(`| machine load during the run (1-minute load average at each step) | ${load} |`)

console.log(`\n### 1. Saved-search alerts: one run of queueAlertDigests per frequency after ${NEW} new proposals\n`)
console.log('| run | saved searches checked | wall time | checked per second | digests queued | matches found |')
console.log('|---|---|---|---|---|---|')
for (const run of digests) {
  const note = run.heldBack ? ' (some held back)' : ''
  console.log(`| ${run.frequency} | ${run.searches} | ${ms(run.ms)} ms | ${(run.searches / (run.ms / 1000)).toFixed(0)} | ${run.emails} | ${run.matches}${note} |`)
}

for (const { section, rows } of latency) {
  console.log(`\n### ${section}\n`)
  console.log(`| function (${RUNS} calls) | p50 ms | p95 ms |`)
  console.log('|---|---|---|')
  for (const [label, samples] of rows) console.log(`| ${label} | ${p50p95(samples)} |`)
}
console.log(`\nClosing-soon job: ${closingSoon.firstDayTold} reminders (a person and a proposal closing within a week) on the first day, ${closingSoon.told} over the ${RUNS} days.`)
