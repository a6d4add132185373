/**
 * The search benchmark's made-up catalogue (./search-workload.ts) turned into the rows the app
 * reads, written by bulk inserts: for the benchmarks that need a catalogue of published proposals
 * (tests/bench/search.ts, tests/bench/investing.ts).
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { supportedLocales, type Locale } from '../../app/modules/i18n/locales'
import type { Db } from '../../db/client'
import { organisations, proposals, proposalTexts, proposalTransitions, proposalVersions, startupProfiles, type ProposalSnapshot } from '../../db/schema'
import type { SearchDocument } from '../../search/types'

/** Rows written per insert statement (the largest, proposals, stays under PostgreSQL's 65,535 parameters). */
const LOAD_BATCH = 1000

/** What a generated document says about its proposal, as the working copy and the frozen version hold it. */
export function snapshotOf(document: SearchDocument): ProposalSnapshot {
  const texts: ProposalSnapshot['texts'] = {}
  for (const locale of supportedLocales) {
    const title = document[`title_${locale}`]
    if (title !== undefined) texts[locale] = { title, summary: document[`summary_${locale}`] ?? '', description: document[`description_${locale}`] ?? '' }
  }
  return {
    originalLocale: document.originalLocale,
    texts,
    amountSoughtCents: document.amountSoughtEur * 100,
    minimumTicketCents: 2_500_000,
    preMoneyValuationCents: null,
    instrument: document.instrument,
    stage: document.stage,
    closingDate: document.closingDate,
    subsector: document.subsector,
    trl: document.trl,
    developmentPhase: document.developmentPhase,
    modality: 'other',
    therapeuticAreas: document.therapeuticAreas,
    regulatoryPathway: 'none',
    deviceClass: null,
    ipStatus: 'none',
    useOfFunds: [],
  }
}


/**
 * Writes the catalogue as a published import by Ponte itself would (app/modules/imports): one
 * startup per made-up startup name (its place from its first proposal that has one; none, no
 * profile), each proposal with its texts, its published version and the transitions
 * draft → submitted → published. The search outbox is left empty: the full reindex that follows
 * indexes everything.
 */
export async function loadCatalogue(db: Db, documents: SearchDocument[], progress: (message: string) => void): Promise<{ startups: number }> {
  const startups = new Map<string, { id: string; document: SearchDocument; place?: SearchDocument }>()
  for (const document of documents) {
    let startup = startups.get(document.startupName)
    if (!startup) startups.set(document.startupName, (startup = { id: randomUUID(), document }))
    if (!startup.place && document.region !== null && document.city !== null) startup.place = document
  }
  const all = [...startups.values()]
  for (let from = 0; from < all.length; from += LOAD_BATCH) {
    const batch = all.slice(from, from + LOAD_BATCH)
    await db.transaction(async (tx) => {
      await tx.insert(organisations).values(
        batch.map(({ id, document }, n) => ({
          id,
          kind: 'startup' as const,
          name: document.startupName,
          slug: `${document.startupName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${from + n}`,
          country: document.country,
        })),
      )
      const profiles = batch.flatMap(({ id, place }) =>
        place ? [{ organisationId: id, region: place.region!, city: place.city!, subsectors: [place.subsector] }] : [],
      )
      if (profiles.length) await tx.insert(startupProfiles).values(profiles)
    })
  }

  const writeProposals = async (batch: SearchDocument[]) => {
    const rows = batch.map((document) => ({ document, snapshot: snapshotOf(document), versionId: randomUUID(), at: new Date(document.publishedAt * 1000) }))
    await db.transaction(async (tx) => {
      await tx.insert(proposals).values(
        rows.map(({ document, snapshot, versionId, at }) => {
          const { texts: _texts, originalLocale, ...facts } = snapshot
          return {
            ...facts,
            id: document.id,
            organisationId: startups.get(document.startupName)!.id,
            status: 'published' as const,
            originalLocale,
            publishedVersionId: versionId,
            createdAt: at,
            updatedAt: at,
            submittedAt: at,
            firstPublishedAt: at,
          }
        }),
      )
      await tx.insert(proposalTexts).values(
        rows.flatMap(({ document, snapshot }) =>
          Object.entries(snapshot.texts).map(([locale, text]) => ({ proposalId: document.id, locale: locale as Locale, ...text })),
        ),
      )
      await tx.insert(proposalVersions).values(rows.map(({ document, snapshot, versionId, at }) => ({ id: versionId, proposalId: document.id, snapshot, publishedAt: at })))
      await tx.insert(proposalTransitions).values(
        rows.flatMap(({ document, at }) => [
          { proposalId: document.id, fromStatus: null, toStatus: 'submitted' as const, actorId: null, createdAt: at },
          { proposalId: document.id, fromStatus: 'submitted' as const, toStatus: 'published' as const, actorId: null, createdAt: at },
        ]),
      )
    })
  }
  // Two batches at a time: one builds its statements while the database writes the other.
  const pending = Array.from({ length: Math.ceil(documents.length / LOAD_BATCH) }, (_, n) => n * LOAD_BATCH)
  let written = 0
  const writer = async () => {
    for (let from = pending.shift(); from !== undefined; from = pending.shift()) {
      await writeProposals(documents.slice(from, from + LOAD_BATCH))
      written += Math.min(LOAD_BATCH, documents.length - from)
      if (written % (LOAD_BATCH * 20) === 0) progress(`  ${written} proposals written`)
    }
  }
  await Promise.all([writer(), writer()])
  await db.execute(sql`analyze`)
  return { startups: startups.size }
}
