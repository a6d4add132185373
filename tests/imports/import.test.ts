/**
 * The organisers' import of startups and proposals (CSV and JSON) and the catalogue export,
 * against a real PostgreSQL.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { asc, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { exampleRows, importColumnNames } from '~/modules/imports/columns'
import { exportCatalogueCsv } from '~/modules/imports/export.server'
import { importFile, type ImportResult } from '~/modules/imports/import.server'
import type { Db } from '../../db/client'
import { organisations, proposals, proposalTexts, proposalTransitions, proposalVersions, startupProfiles } from '../../db/schema'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser } from '../setup/factories'
import { actorFor, createOrganiser, daysFromToday } from '../setup/proposal-factories'

const t = useTestDatabase()

type Row = Record<string, string | number | unknown[] | undefined>

/** A CSV file of `rows` with every column of the format (as a spreadsheet would save it). */
function csvFile(rows: Row[], name = 'programme.csv') {
  const text = stringify([importColumnNames as string[], ...rows.map((row) => importColumnNames.map((column) => row[column] ?? ''))])
  return { name, bytes: new TextEncoder().encode(`\ufeff${text}`) }
}

function jsonFile(rows: Row[], name = 'programme.json') {
  return { name, bytes: new TextEncoder().encode(JSON.stringify(rows)) }
}

const closing = daysFromToday(200)
/** The two example rows (a new startup described, then referenced), with a closing date to come. */
const validRows = (key = 'ria-biolabs'): Row[] => exampleRows.map((row) => ({ ...row, startup_key: key, closing_date: closing }))

async function counts(db: Db) {
  const [o] = await db.select({ n: count() }).from(organisations)
  const [p] = await db.select({ n: count() }).from(proposals)
  const [x] = await db.select({ n: count() }).from(proposalTexts)
  return { organisations: o!.n, proposals: p!.n, texts: x!.n }
}

function failed(result: ImportResult) {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.summary)}`)
  return result.issues
}

describe('importing startups and proposals', () => {
  it('imports a valid CSV as published proposals of new and existing startups when an organiser asks', async () => {
    const { actor: organiser, user } = await createOrganiser(t.db)
    const existing = await createOrganisation(t.db, 'startup', { name: 'Sepsia Existing' })
    await t.db.insert(startupProfiles).values({ organisationId: existing.id, region: 'ES11', city: 'Santiago de Compostela' })
    const rows: Row[] = [
      ...validRows(),
      {
        startup_key: existing.slug,
        language: 'es',
        title: 'Prueba rápida de sepsis',
        summary: 'Serie A para el marcado CE de nuestro cartucho.',
        description: 'Detecta la sepsis en 30 minutos.',
        amount_sought_eur: '2000000',
        minimum_ticket_eur: '100000',
        instrument: 'equity',
        stage: 'series_a',
        closing_date: closing,
        subsector: 'diagnostics',
        trl: '7',
        development_phase: 'clinical_investigation',
        modality: 'diagnostic_assay',
        therapeutic_areas: 'infectious_diseases',
        regulatory_pathway: 'eu_ivdr',
        device_class: 'ivdr_c',
        ip_status: 'patent_granted',
        use_of_funds: 'Clinical performance study:1200000;Team:800000',
      },
    ]
    const result = await importFile(t.db, organiser, csvFile(rows), { publish: true })
    expect(result).toMatchObject({ ok: true, summary: { startupsCreated: 1, proposalsImported: 3, status: 'published', dryRun: false } })

    const [startup] = await t.db
      .select()
      .from(organisations)
      .innerJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
      .where(eq(organisations.slug, 'ria-biolabs'))
    expect(startup!.organisations).toMatchObject({ kind: 'startup', name: 'Ría Biolabs', country: 'ES', createdBy: user.id })
    expect(startup!.startup_profiles).toMatchObject({ region: 'ES11', city: 'Vigo', foundedYear: 2021, website: 'https://riabiolabs.example', subsectors: ['marine', 'health'] })

    const imported = await t.db.select().from(proposals).orderBy(asc(proposals.amountSoughtCents))
    expect(imported.map((p) => [p.status, p.amountSoughtCents, p.originalLocale])).toEqual([
      ['published', 30_000_050, 'gl'],
      ['published', 75_000_000, 'en'],
      ['published', 200_000_000, 'es'],
    ])
    const seed = imported[1]!
    expect(seed).toMatchObject({
      organisationId: startup!.organisations.id,
      minimumTicketCents: 2_500_000,
      preMoneyValuationCents: 350_000_000,
      instrument: 'equity',
      stage: 'seed',
      closingDate: closing,
      subsector: 'marine',
      trl: 5,
      developmentPhase: 'clinical_investigation',
      modality: 'medical_device',
      therapeuticAreas: ['dermatology', 'other'],
      regulatoryPathway: 'eu_mdr',
      deviceClass: 'mdr_iib',
      ipStatus: 'patent_filed',
      useOfFunds: [
        { label: 'Clinical investigation', amountCents: 40_000_000 },
        { label: 'Team', amountCents: 25_000_000 },
        { label: 'Certification', amountCents: 10_000_000 },
      ],
    })
    expect(imported[2]!.organisationId).toBe(existing.id)
    const texts = await t.db.select().from(proposalTexts).where(eq(proposalTexts.proposalId, seed.id)).orderBy(asc(proposalTexts.locale))
    expect(texts.map((x) => [x.locale, x.title])).toEqual([
      ['en', 'Marine peptides for chronic wound care'],
      ['es', 'Péptidos marinos para heridas crónicas'],
    ])
    expect(texts[0]!.description).toContain('**medical-grade peptides**.\n\nThe round')

    // Published means visible: a frozen version, published by the organiser who imported.
    for (const p of imported) expect(p.publishedVersionId).not.toBeNull()
    const [version] = await t.db.select().from(proposalVersions).where(eq(proposalVersions.proposalId, seed.id))
    expect(version).toMatchObject({ publishedBy: user.id, snapshot: { amountSoughtCents: 75_000_000, texts: { en: { title: 'Marine peptides for chronic wound care' } } } })
    const history = await t.db.select().from(proposalTransitions).where(eq(proposalTransitions.proposalId, seed.id)).orderBy(asc(proposalTransitions.createdAt))
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actorId])).toEqual([
      [null, 'submitted', null],
      ['submitted', 'published', user.id],
    ])
  })

  it('imports a valid JSON file (numbers for amounts, lists as arrays) as submitted without the publish flag', async () => {
    const { actor: organiser } = await createOrganiser(t.db)
    const rows: Row[] = validRows('bateia-json').map((row) => ({
      ...row,
      amount_sought_eur: Number(row.amount_sought_eur),
      minimum_ticket_eur: Number(row.minimum_ticket_eur),
      pre_money_valuation_eur: row.pre_money_valuation_eur === undefined ? undefined : Number(row.pre_money_valuation_eur),
      trl: Number(row.trl),
      therapeutic_areas: row.therapeutic_areas ? String(row.therapeutic_areas).split(';') : [],
    }))
    rows[0]!.startup_founded_year = 2021
    rows[1]!.use_of_funds = [
      { label: 'Equipment', amount_eur: 200000 },
      { label: 'Working capital', amount_eur: 100000.5 },
    ]
    const result = await importFile(t.db, organiser, jsonFile(rows), { publish: false })
    expect(result).toMatchObject({ ok: true, summary: { startupsCreated: 1, proposalsImported: 2, status: 'submitted' } })
    const [startup] = await t.db.select().from(organisations).where(eq(organisations.slug, 'bateia-json'))
    const imported = await t.db.select().from(proposals).where(eq(proposals.organisationId, startup!.id)).orderBy(asc(proposals.amountSoughtCents))
    expect(imported.map((p) => [p.status, p.publishedVersionId, p.amountSoughtCents])).toEqual([
      ['submitted', null, 30_000_050],
      ['submitted', null, 75_000_000],
    ])
    expect(imported[0]!.useOfFunds).toEqual([
      { label: 'Equipment', amountCents: 20_000_000 },
      { label: 'Working capital', amountCents: 10_000_050 },
    ])
    expect(imported[1]!.therapeuticAreas).toEqual(['dermatology', 'other'])
  })

  it('reports ten different problems with their rows and columns, and imports nothing', async () => {
    const { actor: organiser } = await createOrganiser(t.db)
    const investor = await createOrganisation(t.db, 'investor')
    const good = validRows('fresh-startup')
    const base = { ...good[1]!, startup_key: 'fresh-startup' }
    const rows: Row[] = [
      good[0]!, // 1: fine, describes the new startup
      { ...base, instrument: 'shares' }, // 2: bad code
      { ...base, title: 'Loan 2', amount_sought_eur: '1.000,50' }, // 3: amount with a decimal comma
      { ...base, title: 'Loan 3', use_of_funds: 'Equipment:200000;Working capital:1' }, // 4: does not add up
      { ...base, title: 'Loan 4', title_es: 'Préstamo', summary_es: '', description_es: '' }, // 5: a language half written
      { ...base, title: 'Loan 5', closing_date: '31/03/2027' }, // 6: not YYYY-MM-DD
      { ...base, title: 'Loan 6', startup_key: 'nobody-knows-this-one' }, // 7: names no startup
      { ...base, title: 'Loan 7', trl: '12' }, // 8: TRL out of range
      { ...base, title: 'Loan 8', startup_key: 'another-new-one', startup_name: 'Another New One', startup_country: 'ES', startup_region: 'PT11', startup_city: 'Lugo', startup_subsectors: 'marine' }, // 9: region not in the country
      { ...base, title: 'Loan 9', startup_key: 'third-new-one', startup_name: 'Third New One', startup_country: 'PT', startup_region: 'PT11', startup_city: 'Braga', startup_subsectors: 'marine;space' }, // 10: unknown subsector
      { ...base }, // 11: the same proposal as an earlier row (row 2 has an error, so the first like it is this one...)
      { ...base }, // 12: ...and this is its duplicate
      { ...base, title: 'Loan 10', startup_key: investor.slug }, // 13: an investor, not a startup
    ]
    const file = csvFile(rows)
    // A row with a missing cell: a malformed line.
    const text = new TextDecoder().decode(file.bytes) + 'fresh-startup,too,few\r\n'
    const before = await counts(t.db)
    const issues = failed(await importFile(t.db, organiser, { name: file.name, bytes: new TextEncoder().encode(text) }, { publish: true }))
    expect(await counts(t.db)).toEqual(before)

    const at = (row: number, field: string | null) => issues.find((issue) => issue.row === row && issue.field === field)
    expect(at(2, 'instrument')).toMatchObject({ message: 'imports.errors.code', values: { value: 'shares' } })
    expect(at(3, 'amount_sought_eur')).toMatchObject({ message: 'imports.errors.amountSeparators', values: { value: '1.000,50' } })
    expect(at(4, 'use_of_funds')).toMatchObject({ message: 'imports.errors.useOfFundsSum', values: { sum: '200001', expected: '300000.50' } })
    expect(at(5, 'summary_es')).toMatchObject({ message: 'imports.errors.languageIncomplete', values: { language: 'es' } })
    expect(at(6, 'closing_date')).toMatchObject({ message: 'imports.errors.date', values: { value: '31/03/2027' } })
    expect(at(7, 'startup_key')).toMatchObject({ message: 'imports.errors.unknownStartup', values: { value: 'nobody-knows-this-one' } })
    expect(at(8, 'trl')).toMatchObject({ message: 'imports.errors.wholeNumber', values: { min: 1, max: 9 } })
    expect(at(9, 'startup_region')).toMatchObject({ message: 'imports.errors.regionOfCountry', values: { value: 'PT11', country: 'ES' } })
    expect(at(10, 'startup_subsectors')).toMatchObject({ message: 'imports.errors.codeList', values: { value: 'space' } })
    expect(at(12, 'title')).toMatchObject({ message: 'imports.errors.duplicateRow', values: { row: 11 } })
    expect(at(13, 'startup_key')).toMatchObject({ message: 'imports.errors.notAStartup' })
    expect(at(14, null)).toMatchObject({ message: 'imports.errors.fieldCount', line: 17, values: { count: 3, expected: importColumnNames.length } })
    // CSV rows name their line too (the header is line 1; the first row's description spans three lines).
    expect(at(3, 'amount_sought_eur')!.line).toBe(6)
    // Nothing else was wrong (row 5 misses two texts).
    expect(issues).toHaveLength(13)
  })

  it('reports problems with the file itself', async () => {
    const { actor: organiser } = await createOrganiser(t.db)
    const text = (value: string) => new TextEncoder().encode(value)
    const issuesOf = async (name: string, bytes: Uint8Array) => failed(await importFile(t.db, organiser, { name, bytes }, { publish: false }))
    expect(await issuesOf('a.json', text('{"not": "an array"}'))).toEqual([expect.objectContaining({ row: null, message: 'imports.errors.jsonShape' })])
    expect(await issuesOf('a.json', text('[{"title": '))).toEqual([expect.objectContaining({ message: 'imports.errors.jsonSyntax' })])
    expect(await issuesOf('a.csv', text('startup_key,title\n"unclosed,x\n'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: 'imports.errors.csvSyntax' })]),
    )
    expect(await issuesOf('a.csv', new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x0a]))).toEqual([expect.objectContaining({ message: 'imports.errors.notUtf8' })])
    expect(await issuesOf('a.csv', text(''))).toEqual([expect.objectContaining({ message: 'imports.errors.noRows' })])
    const header = await issuesOf('a.csv', text('startup_key,colour\nria,blue\n'))
    expect(header).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: null, line: 1, field: 'colour', message: 'imports.errors.unknownColumn' }),
        expect.objectContaining({ row: null, line: 1, field: 'title', message: 'imports.errors.missingColumn' }),
      ]),
    )
    // A missing column is said once, not again on every row.
    expect(header.filter((issue) => issue.field === 'title')).toHaveLength(1)
  })

  it('reads semicolon-separated CSV as Spanish and Portuguese spreadsheets save it', async () => {
    const { actor: organiser } = await createOrganiser(t.db)
    const rows = validRows('semicolon-bio')
    const text = stringify([importColumnNames as string[], ...rows.map((row) => importColumnNames.map((column) => row[column] ?? ''))], { delimiter: ';' })
    const result = await importFile(t.db, organiser, { name: 'hoja.csv', bytes: new TextEncoder().encode(text) }, { publish: false, dryRun: true })
    expect(result).toMatchObject({ ok: true, summary: { dryRun: true, proposalsImported: 2, startupsCreated: 1 } })
    // A dry run leaves nothing behind.
    expect(await t.db.select().from(organisations).where(eq(organisations.slug, 'semicolon-bio'))).toEqual([])
  })

  it('refuses importers who are not organisers', async () => {
    const founder = await createUser(t.db)
    await createOrganisation(t.db, 'startup', { members: [{ userId: founder.id }] })
    const actor = await actorFor(t.db, founder.id)
    await expect(importFile(t.db, actor, csvFile(validRows('x-refused')), { publish: true })).rejects.toMatchObject({ status: 403 })
  })

  it('refuses a second import of the same proposals', async () => {
    const { actor: organiser } = await createOrganiser(t.db)
    expect((await importFile(t.db, organiser, csvFile(validRows('twice-bio')), { publish: false })).ok).toBe(true)
    const again = validRows('twice-bio').map(({ startup_key, ...row }) => ({ ...row, startup_key, startup_name: undefined, startup_country: undefined, startup_region: undefined, startup_city: undefined, startup_subsectors: undefined }))
    const issues = failed(await importFile(t.db, organiser, csvFile(again), { publish: false }))
    expect(issues.map((issue) => [issue.row, issue.field, issue.message])).toEqual([
      [1, 'title', 'imports.errors.proposalExists'],
      [2, 'title', 'imports.errors.proposalExists'],
    ])
  })
})

describe('npm run import', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'db/import-cli.ts', ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: t.url, SESSION_SECRET: 'test-session-secret-of-at-least-32-chars' },
      encoding: 'utf8',
      timeout: 60_000,
    })
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ponte-import-'))

  it('prints every problem and exits 1, importing nothing', async () => {
    const file = path.join(folder, 'broken.csv')
    const rows = validRows('cli-broken')
    rows[1] = { ...rows[1], trl: '12', stage: 'unicorn' }
    writeFileSync(file, csvFile(rows).bytes)
    const before = await counts(t.db)
    const cli = run([file, '--publish'])
    expect(cli.status, cli.stderr).toBe(1)
    expect(cli.stdout).toContain('nothing imported, 2 problem(s)')
    expect(cli.stdout).toContain('row 2 (line 5), stage: “unicorn” is not a valid code')
    expect(cli.stdout).toContain('row 2 (line 5), trl: Must be a whole number from 1 to 9.')
    expect(await counts(t.db)).toEqual(before)
  })

  it('imports a valid file as Ponte and prints a summary', async () => {
    const file = path.join(folder, 'valid.json')
    writeFileSync(file, jsonFile(validRows('cli-valid')).bytes)
    const cli = run([file, '--publish'])
    expect(cli.status, cli.stderr).toBe(0)
    expect(cli.stdout).toContain('1 startup(s) created, 2 proposal(s) published')
    const [startup] = await t.db.select().from(organisations).where(eq(organisations.slug, 'cli-valid'))
    const imported = await t.db.select().from(proposals).where(eq(proposals.organisationId, startup!.id))
    expect(imported.map((p) => p.status)).toEqual(['published', 'published'])
    const history = await t.db.select().from(proposalTransitions).where(eq(proposalTransitions.proposalId, imported[0]!.id))
    expect(history.every((h) => h.actorId === null)).toBe(true)
  })

  it('explains its usage', () => {
    const cli = run(['--frobnicate'])
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain('Usage: npm run import -- FILE')
  })
})

describe('the catalogue export', () => {
  it('lists every proposal with its status, startup and money, escaping commas, quotes and line breaks', async () => {
    const { actor: organiser } = await createOrganiser(t.db)
    const rows = validRows('export-bio')
    rows[0] = { ...rows[0], title: 'Peptides, "marine" grade\nand more', title_es: undefined, summary_es: undefined, description_es: undefined }
    rows[1] = { ...rows[1], title: 'Planta piloto\nde coláxeno' }
    expect((await importFile(t.db, organiser, csvFile(rows), { publish: true })).ok).toBe(true)
    const csv = await exportCatalogueCsv(t.db, organiser)
    expect(csv.startsWith('\ufeff')).toBe(true)
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[]
    const mine = records.filter((r) => r.startup_key === 'export-bio')
    expect(mine).toHaveLength(2)
    const first = mine.find((r) => r.language === 'en')!
    expect(first).toMatchObject({
      status: 'published',
      published: 'yes',
      startup_name: 'Ría Biolabs',
      startup_region: 'ES11',
      title: 'Peptides, "marine" grade\nand more',
      amount_sought_eur: '750000',
      minimum_ticket_eur: '25000',
      instrument: 'equity',
      trl: '5',
      therapeutic_areas: 'dermatology;other',
      closing_date: closing,
      use_of_funds: 'Clinical investigation:400000;Team:250000;Certification:100000',
    })
    const second = mine.find((r) => r.language === 'gl')!
    expect(second).toMatchObject({ title_language: 'gl', title: 'Planta piloto\nde coláxeno', amount_sought_eur: '300000.50' })
    // The raw text quotes the awkward title as CSV requires.
    expect(csv).toContain('"Peptides, ""marine"" grade\nand more"')
    expect(csv).toContain(',"Planta piloto\nde coláxeno",')
  })

  it('is for organisers only', async () => {
    const founder = await createUser(t.db)
    await createOrganisation(t.db, 'startup', { members: [{ userId: founder.id }] })
    await expect(exportCatalogueCsv(t.db, await actorFor(t.db, founder.id))).rejects.toMatchObject({ status: 403 })
  })
})
