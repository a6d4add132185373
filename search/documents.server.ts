/**
 * Search documents built from PostgreSQL: what the index should hold for each visible
 * proposal (its published version, the startup's current name and place). Nothing else is
 * ever indexed: a draft, a closed proposal or a suspended startup's proposal has no document.
 */
import { createHash } from 'node:crypto'
import { getFixedT } from '../app/modules/i18n/i18n.server'
import { supportedLocales, type Locale } from '../app/modules/i18n/locales'
import { visiblePublishedSources, type PublishedSource } from '../app/modules/proposals/disclosure.server'
import { labelKey } from '../app/modules/proposals/labels'
import type { DbOrTx } from '../db/client'
import type { ProposalSnapshot } from '../db/schema'
import type { SearchDocument } from './types'

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS)
}

/** Today's day number (UTC), for "closing within N days". */
export function today(now = new Date()): number {
  return Math.floor(now.getTime() / DAY_MS)
}

const namesByKey = new Map<string, string[]>()

/** Every language's name of a code, without repeats (few codes, asked for every document: kept). */
function namesInAllLanguages(key: string): string[] {
  let names = namesByKey.get(key)
  if (!names) namesByKey.set(key, (names = [...new Set(supportedLocales.map((locale) => getFixedT(locale)(key)))]))
  return names
}

interface DocumentSource {
  id: string
  snapshot: ProposalSnapshot
  publishedAt: Date
  startupName: string
  country: string
  region: string | null
  city: string | null
}

const documentOf = ({ startup, ...source }: PublishedSource): SearchDocument =>
  buildSearchDocument({ ...source, startupName: startup.name, country: startup.country, region: startup.region, city: startup.city })

export function buildSearchDocument(source: DocumentSource): SearchDocument {
  const s = source.snapshot
  const texts: Partial<Record<`${'title' | 'summary' | 'description'}_${Locale}`, string>> = {}
  for (const locale of supportedLocales) {
    const text = s.texts[locale]
    if (!text) continue
    texts[`title_${locale}`] = text.title
    texts[`summary_${locale}`] = text.summary
    texts[`description_${locale}`] = text.description
  }
  const document: Omit<SearchDocument, 'hash'> = {
    id: source.id,
    startupName: source.startupName,
    city: source.city,
    country: source.country,
    region: source.region,
    originalLocale: s.originalLocale,
    ...texts,
    classificationNames: [
      ...namesInAllLanguages(labelKey.subsector(s.subsector)),
      ...namesInAllLanguages(labelKey.stage(s.stage)),
      ...namesInAllLanguages(labelKey.developmentPhase(s.developmentPhase)),
      ...namesInAllLanguages(labelKey.instrument(s.instrument)),
    ],
    therapeuticAreaNames: s.therapeuticAreas.flatMap((area) => namesInAllLanguages(labelKey.therapeuticArea(area))),
    subsector: s.subsector,
    stage: s.stage,
    instrument: s.instrument,
    developmentPhase: s.developmentPhase,
    therapeuticAreas: [...s.therapeuticAreas],
    trl: s.trl,
    amountSoughtEur: Math.round(s.amountSoughtCents / 100),
    closingDate: s.closingDate,
    closingDay: dayNumber(s.closingDate),
    publishedAt: Math.floor(source.publishedAt.getTime() / 1000),
  }
  const hash = createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 32)
  return { ...document, hash }
}

/**
 * The documents of these proposals that should be indexed, and the ids that should not be
 * (not visible, or no longer existing).
 */
export async function loadSearchDocuments(db: DbOrTx, ids: string[]): Promise<{ documents: SearchDocument[]; absent: string[] }> {
  if (ids.length === 0) return { documents: [], absent: [] }
  const documents = (await visiblePublishedSources(db, { ids })).map(documentOf)
  const present = new Set(documents.map((document) => document.id))
  return { documents, absent: ids.filter((id) => !present.has(id)) }
}

/** Every document that should be indexed, in batches (for a full reindex and `verify`). */
export async function* allSearchDocuments(db: DbOrTx, batchSize = 1000): AsyncGenerator<SearchDocument[]> {
  let after: string | undefined
  for (;;) {
    const rows = await visiblePublishedSources(db, { after, limit: batchSize })
    if (rows.length === 0) return
    yield rows.map(documentOf)
    after = rows[rows.length - 1]!.id
    if (rows.length < batchSize) return
  }
}
