/**
 * CSV files for organisers: the example import file, and the export of the whole catalogue as
 * organisers see it (every proposal's working copy, whatever its status). Written for
 * spreadsheets: UTF-8 with a byte order mark (Excel reads it as UTF-8 then), every cell quoted
 * where needed, amounts in euros with a dot before the cents, codes as in the import format.
 */
import { stringify } from 'csv-stringify/sync'
import { asc, desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { organisations, proposals, proposalTexts, startupProfiles } from '../../../db/schema'
import { isOrganiser, type Actor } from '../accounts/actor'
import { forbidden } from '../accounts/guards.server'
import { pickProposalText } from '../proposals/proposal-text'
import { exampleRows, importColumnNames } from './columns'
import { centsToEuros } from './row-schema'

const BOM = '\ufeff'

/** A CSV of `rows` under `header`, for a spreadsheet. */
export function toCsv(header: readonly string[], rows: (string | number | null | undefined)[][]): string {
  return BOM + stringify([header as string[], ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))))], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}

/** The downloadable example of the import format: every column, two rows. */
export function exampleImportCsv(): string {
  return toCsv(
    importColumnNames,
    exampleRows.map((row) => importColumnNames.map((name) => row[name as keyof typeof row] ?? '')),
  )
}

export const catalogueExportColumns = [
  'id',
  'status',
  'closed_reason',
  'published',
  'startup_key',
  'startup_name',
  'startup_region',
  'startup_city',
  'language',
  'title_language',
  'title',
  'amount_sought_eur',
  'minimum_ticket_eur',
  'pre_money_valuation_eur',
  'instrument',
  'stage',
  'closing_date',
  'subsector',
  'trl',
  'development_phase',
  'modality',
  'therapeutic_areas',
  'regulatory_pathway',
  'device_class',
  'ip_status',
  'use_of_funds',
  'created_at',
  'submitted_at',
  'first_published_at',
  'closed_at',
] as const

/** A CSV cell of an amount in euros (empty when there is none). */
export const euros = (cents: number | null) => (cents === null ? '' : centsToEuros(cents))
/** A CSV cell of a moment in UTC, ISO 8601 (empty when there is none). */
export const timestamp = (date: Date | null) => (date ? date.toISOString() : '')

/**
 * Every proposal, newest first, as an organiser sees it: status, startup, region, money in
 * euros, codes, dates, and the title in English (else in the language it was written in).
 */
export async function exportCatalogueCsv(db: DbOrTx, actor: Actor): Promise<string> {
  if (!isOrganiser(actor)) throw forbidden()
  const rows = await db
    .select({ proposal: proposals, slug: organisations.slug, name: organisations.name, region: startupProfiles.region, city: startupProfiles.city })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
    .orderBy(desc(proposals.createdAt), asc(proposals.id))
  const texts = await db.select({ proposalId: proposalTexts.proposalId, locale: proposalTexts.locale, title: proposalTexts.title }).from(proposalTexts)
  const titles = new Map<string, Partial<Record<(typeof texts)[number]['locale'], { title: string }>>>()
  for (const text of texts) titles.set(text.proposalId, { ...titles.get(text.proposalId), [text.locale]: { title: text.title } })
  return toCsv(
    catalogueExportColumns,
    rows.map(({ proposal: p, slug, name, region, city }) => {
      const title = pickProposalText(titles.get(p.id) ?? {}, 'en', p.originalLocale)
      return [
        p.id,
        p.status,
        p.closedReason,
        p.publishedVersionId ? 'yes' : 'no',
        slug,
        name,
        region,
        city,
        p.originalLocale,
        title?.lang,
        title?.title,
        euros(p.amountSoughtCents),
        euros(p.minimumTicketCents),
        euros(p.preMoneyValuationCents),
        p.instrument,
        p.stage,
        p.closingDate,
        p.subsector,
        p.trl,
        p.developmentPhase,
        p.modality,
        p.therapeuticAreas.join(';'),
        p.regulatoryPathway,
        p.deviceClass,
        p.ipStatus,
        p.useOfFunds.map((item) => `${item.label}:${centsToEuros(item.amountCents)}`).join(';'),
        timestamp(p.createdAt),
        timestamp(p.submittedAt),
        timestamp(p.firstPublishedAt),
        timestamp(p.closedAt),
      ]
    }),
  )
}
