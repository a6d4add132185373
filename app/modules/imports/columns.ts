/**
 * The import format for startups and proposals: one row per proposal, the same field names as
 * CSV columns and as JSON keys. This list is the single description of the format: the row
 * schema, the error report, the example CSV and the README follow it.
 */
import { supportedLocales } from '~/modules/i18n/locales'
import {
  developmentPhases,
  deviceClasses,
  instruments,
  ipStatuses,
  modalities,
  regulatoryPathways,
  stages,
  subsectors,
  therapeuticAreas,
} from '~/modules/proposals/taxonomy'

export type ImportColumnName = (typeof importColumns)[number]['name']

export interface ImportColumn {
  name: string
  /** always: every row; newStartup: rows that describe a startup not yet on Ponte; optional. */
  required: 'always' | 'newStartup' | 'optional'
  /** The codes the field takes (one, or several separated by semicolons when `list`). */
  codes?: readonly (string | number)[]
  list?: boolean
}

const translationColumns = supportedLocales.flatMap((locale) =>
  (['title', 'summary', 'description'] as const).map((field) => ({ name: `${field}_${locale}` as const, required: 'optional' as const })),
)

export const importColumns = [
  { name: 'startup_key', required: 'always' },
  { name: 'startup_name', required: 'newStartup' },
  { name: 'startup_country', required: 'newStartup' },
  { name: 'startup_region', required: 'newStartup' },
  { name: 'startup_city', required: 'newStartup' },
  { name: 'startup_founded_year', required: 'optional' },
  { name: 'startup_website', required: 'optional' },
  { name: 'startup_subsectors', required: 'newStartup', codes: subsectors, list: true },
  { name: 'language', required: 'always', codes: supportedLocales },
  { name: 'title', required: 'always' },
  { name: 'summary', required: 'always' },
  { name: 'description', required: 'always' },
  ...translationColumns,
  { name: 'amount_sought_eur', required: 'always' },
  { name: 'minimum_ticket_eur', required: 'always' },
  { name: 'pre_money_valuation_eur', required: 'optional' },
  { name: 'instrument', required: 'always', codes: instruments },
  { name: 'stage', required: 'always', codes: stages },
  { name: 'closing_date', required: 'always' },
  { name: 'subsector', required: 'always', codes: subsectors },
  { name: 'trl', required: 'always', codes: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
  { name: 'development_phase', required: 'always', codes: developmentPhases },
  { name: 'modality', required: 'always', codes: modalities },
  { name: 'therapeutic_areas', required: 'optional', codes: therapeuticAreas, list: true },
  { name: 'regulatory_pathway', required: 'always', codes: regulatoryPathways },
  { name: 'device_class', required: 'optional', codes: deviceClasses },
  { name: 'ip_status', required: 'always', codes: ipStatuses },
  { name: 'use_of_funds', required: 'always' },
] as const satisfies readonly ImportColumn[]

export const importColumnNames: readonly string[] = importColumns.map((column) => column.name)

const columnsByName = new Map<string, ImportColumn>(importColumns.map((column) => [column.name, column]))

export function importColumn(name: string): ImportColumn | undefined {
  return columnsByName.get(name)
}

/** Limits of the format. */
export const importLimits = {
  /** Largest file the upload page and the CLI accept. */
  maxFileBytes: 5 * 1024 * 1024,
  maxRows: 2000,
  /** Largest amount in euros (a billion). */
  maxEuros: 1_000_000_000,
} as const

/**
 * Two example rows: a startup that is not on Ponte yet, described in full on its first row
 * and referenced by its key on the second. Used for the downloadable example CSV.
 */
export const exampleRows: Partial<Record<ImportColumnName, string>>[] = [
  {
    startup_key: 'ria-biolabs',
    startup_name: 'Ría Biolabs',
    startup_country: 'ES',
    startup_region: 'ES11',
    startup_city: 'Vigo',
    startup_founded_year: '2021',
    startup_website: 'https://riabiolabs.example',
    startup_subsectors: 'marine;health',
    language: 'en',
    title: 'Marine peptides for chronic wound care',
    summary: 'Seed round to take our fish-collagen peptide dressing into a first clinical investigation.',
    description: 'We turn by-products of the canning industry into **medical-grade peptides**.\n\nThe round funds a clinical investigation in two hospitals.',
    title_es: 'Péptidos marinos para heridas crónicas',
    summary_es: 'Ronda semilla para llevar nuestro apósito de péptidos de colágeno de pescado a una primera investigación clínica.',
    description_es: 'Convertimos subproductos de la industria conservera en **péptidos de grado médico**.',
    amount_sought_eur: '750000',
    minimum_ticket_eur: '25000',
    pre_money_valuation_eur: '3500000',
    instrument: 'equity',
    stage: 'seed',
    closing_date: '2027-06-30',
    subsector: 'marine',
    trl: '5',
    development_phase: 'clinical_investigation',
    modality: 'medical_device',
    therapeutic_areas: 'dermatology;other',
    regulatory_pathway: 'eu_mdr',
    device_class: 'mdr_iib',
    ip_status: 'patent_filed',
    use_of_funds: 'Clinical investigation:400000;Team:250000;Certification:100000',
  },
  {
    startup_key: 'ria-biolabs',
    language: 'gl',
    title: 'Planta piloto de hidrolizados de coláxeno',
    summary: 'Préstamo para escalar a produción de hidrolizados a partir de espiñas de peixe.',
    description: 'A planta piloto multiplica por dez a capacidade actual.',
    amount_sought_eur: '300000.50',
    minimum_ticket_eur: '50000',
    instrument: 'venture_loan',
    stage: 'seed',
    closing_date: '2027-03-31',
    subsector: 'industrial',
    trl: '6',
    development_phase: 'prototype',
    modality: 'platform',
    regulatory_pathway: 'none',
    ip_status: 'none',
    use_of_funds: 'Equipment:200000;Working capital:100000.50',
  },
]
