/**
 * Imports startups and proposals from a CSV or JSON file (format: ./columns.ts and the README).
 * Every row is checked, every problem is reported with its row and column, and the file is
 * imported in one transaction or not at all.
 *
 * - Who: an organiser (the upload page) or Ponte itself (`importer` null: the CLI, the demo data).
 * - Status: published when the importer asks for it, else submitted (waiting for moderation).
 *   The proposals are created by Ponte (their first transition has no actor); an organiser who
 *   imports is recorded as their creator and as the person who published them.
 * - Startups: `startup_key` names an existing startup by its slug, or a new one that the first
 *   row with that key describes (startup_name ...); a new startup gets the key as its slug and
 *   has no members yet. Existing startups' profiles are never changed.
 * - A dry run does everything, then rolls the transaction back.
 */
import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx, Tx } from '../../../db/client'
import { organisations, proposals, proposalTexts, startupProfiles } from '../../../db/schema'
import { isOrganiser, type Actor } from '../accounts/actor'
import { forbidden } from '../accounts/guards.server'
import { isoToday } from '../proposals/schemas'
import { createProposal } from '../proposals/editor.server'
import { publishVersion, recordTransition } from '../proposals/lifecycle.server'
import { importColumnNames } from './columns'
import { readImportFile, type ImportIssue, type ImportRecord } from './read-file'
import { validateImportRow, type ImportRow, type ImportStartup, type RowCheck } from './row-schema'

export type { ImportIssue } from './read-file'

export interface ImportOptions {
  /** Publish the proposals (else they wait for moderation as submitted). */
  publish: boolean
  /** Check and roll back: nothing stays in the database. */
  dryRun?: boolean
  /** The day closing dates must come after (YYYY-MM-DD); today by default. */
  today?: string
  /** Create drafts instead (the demo data's unfinished proposal; not offered to people). */
  asDrafts?: boolean
}

export interface ImportSummary {
  dryRun: boolean
  status: 'published' | 'submitted' | 'draft'
  rows: number
  startupsCreated: number
  proposalsImported: number
  /** The startups the file names, in order of appearance. */
  startups: { key: string; name: string; created: boolean; proposals: number }[]
  proposalIds: string[]
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; issues: ImportIssue[] }

const e = (key: string) => `imports.errors.${key}`

/** The startup fields a new startup needs, by column. */
const newStartupFields = [
  ['startup_name', 'name'],
  ['startup_country', 'country'],
  ['startup_region', 'region'],
  ['startup_city', 'city'],
  ['startup_subsectors', 'subsectors'],
] as const
const comparedStartupFields = [...newStartupFields, ['startup_founded_year', 'foundedYear'], ['startup_website', 'website']] as const

const reservedSlugs = new Set(['new'])

interface CheckedRecord extends RowCheck {
  record: ImportRecord
}

interface StartupPlan {
  key: string
  name: string
  /** Set for a startup already on Ponte. */
  organisationId: string | null
  /** The row that describes a new startup. */
  definition: ImportStartup | null
  proposals: number
}

class DryRunRollback extends Error {}

function issueAt(record: ImportRecord, field: string | null, message: string, values?: ImportIssue['values']): ImportIssue {
  return { row: record.row, line: record.line, field, message, values }
}

/** Resolves every row's startup: existing ones by slug, new ones described by a row of the file. */
async function planStartups(tx: DbOrTx, checked: CheckedRecord[], issues: ImportIssue[]): Promise<Map<string, StartupPlan>> {
  const keys = [...new Set(checked.flatMap((c) => (c.startup ? [c.startup.key] : [])))]
  const existing = keys.length
    ? await tx.select({ id: organisations.id, slug: organisations.slug, name: organisations.name, kind: organisations.kind }).from(organisations).where(inArray(organisations.slug, keys))
    : []
  const bySlug = new Map(existing.map((o) => [o.slug, o]))
  const plans = new Map<string, StartupPlan>()
  const definingRow = new Map<string, CheckedRecord>()
  for (const c of checked) {
    if (!c.startup) continue
    const { key } = c.startup
    const organisation = bySlug.get(key)
    if (organisation) {
      if (organisation.kind !== 'startup') {
        issues.push(issueAt(c.record, 'startup_key', e('notAStartup'), { value: key }))
        continue
      }
      const plan = plans.get(key) ?? { key, name: organisation.name, organisationId: organisation.id, definition: null, proposals: 0 }
      plans.set(key, plan)
      continue
    }
    if (reservedSlugs.has(key)) {
      issues.push(issueAt(c.record, 'startup_key', e('startupKey'), { value: key }))
      continue
    }
    const first = definingRow.get(key)
    const describes = c.startup.name !== undefined || c.invalid.has('startup_name')
    if (!first && describes) {
      definingRow.set(key, c)
      for (const [column, property] of newStartupFields) {
        if (c.startup[property] === undefined && !c.invalid.has(column)) issues.push(issueAt(c.record, column, e('requiredForNewStartup')))
      }
      plans.set(key, { key, name: c.startup.name ?? key, organisationId: null, definition: c.startup, proposals: 0 })
    } else if (first) {
      // A later row of the same new startup may repeat its fields, not contradict them.
      for (const [column, property] of comparedStartupFields) {
        const value = c.startup[property]
        if (value !== undefined && !c.invalid.has(column) && JSON.stringify(value) !== JSON.stringify(first.startup![property])) {
          issues.push(issueAt(c.record, column, e('startupMismatch'), { row: first.record.row }))
        }
      }
    }
  }
  // Keys that name nothing on Ponte and no row describes (checked once every row is read: a row may come before its description).
  for (const c of checked) {
    if (c.startup && !plans.has(c.startup.key) && !bySlug.has(c.startup.key) && !reservedSlugs.has(c.startup.key)) {
      issues.push(issueAt(c.record, 'startup_key', e('unknownStartup'), { value: c.startup.key }))
    }
  }
  return plans
}

const titleKey = (key: string, row: ImportRow) => `${key}\u0000${row.originalLocale}\u0000${row.proposal.texts[row.originalLocale]!.title.toLowerCase()}`

/** The same proposal twice in the file, or a proposal the startup already has (same title in the same language). */
async function findDuplicates(tx: DbOrTx, checked: CheckedRecord[], plans: Map<string, StartupPlan>, issues: ImportIssue[]) {
  const existingIds = [...plans.values()].flatMap((plan) => (plan.organisationId ? [plan.organisationId] : []))
  const keyOfOrganisation = new Map([...plans.values()].map((plan) => [plan.organisationId, plan.key]))
  const taken = new Set<string>()
  if (existingIds.length) {
    const rows = await tx
      .select({ organisationId: proposals.organisationId, locale: proposalTexts.locale, title: proposalTexts.title })
      .from(proposalTexts)
      .innerJoin(proposals, eq(proposals.id, proposalTexts.proposalId))
      .where(inArray(proposals.organisationId, existingIds))
    for (const row of rows) taken.add(`${keyOfOrganisation.get(row.organisationId)}\u0000${row.locale}\u0000${row.title.toLowerCase()}`)
  }
  const seen = new Map<string, number>()
  for (const c of checked) {
    if (!c.row) continue
    const key = titleKey(c.row.startup.key, c.row)
    const earlier = seen.get(key)
    if (earlier !== undefined) issues.push(issueAt(c.record, 'title', e('duplicateRow'), { row: earlier }))
    else if (taken.has(key)) issues.push(issueAt(c.record, 'title', e('proposalExists')))
    else seen.set(key, c.record.row)
  }
}

async function createStartup(tx: Tx, plan: StartupPlan, importer: Actor | null): Promise<string | null> {
  const definition = plan.definition!
  const [organisation] = await tx
    .insert(organisations)
    .values({ kind: 'startup', name: definition.name!, slug: plan.key, country: definition.country!, createdBy: importer?.userId ?? null })
    .onConflictDoNothing({ target: organisations.slug })
    .returning({ id: organisations.id })
  if (!organisation) return null
  await tx.insert(startupProfiles).values({
    organisationId: organisation.id,
    region: definition.region!,
    city: definition.city!,
    foundedYear: definition.foundedYear ?? null,
    website: definition.website ?? null,
    subsectors: definition.subsectors ?? [],
  })
  return organisation.id
}

/** Creates one proposal; an organiser who imports is recorded as its creator and publisher. */
async function createImportedProposal(tx: Tx, importer: Actor | null, organisationId: string, row: ImportRow, status: ImportSummary['status']): Promise<string> {
  if (!importer || status !== 'published') {
    const id = await createProposal(tx, null, organisationId, row.proposal, { status, originalLocale: row.originalLocale })
    if (importer) await tx.update(proposals).set({ createdBy: importer.userId }).where(eq(proposals.id, id))
    return id
  }
  const id = await createProposal(tx, null, organisationId, row.proposal, { status: 'submitted', originalLocale: row.originalLocale })
  const [workingCopy] = await tx.update(proposals).set({ createdBy: importer.userId }).where(eq(proposals.id, id)).returning()
  await publishVersion(tx, workingCopy!, importer.userId)
  await recordTransition(tx, { proposalId: id, from: 'submitted', to: 'published', actorId: importer.userId })
  return id
}

const columnOrder = new Map(importColumnNames.map((name, index) => [name, index]))

/** File-level issues first, then by row and by the column order of the format. */
function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  const rank = (issue: ImportIssue) => (issue.field === null ? -1 : (columnOrder.get(issue.field) ?? importColumnNames.length))
  return issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || rank(a) - rank(b))
}

/** Checks every row of already-read records and imports them in one transaction, or reports every issue. */
export async function importRecords(
  db: DbOrTx,
  importer: Actor | null,
  read: { records: ImportRecord[]; issues: ImportIssue[]; missing?: string[] },
  options: ImportOptions,
): Promise<ImportResult> {
  if (importer && !isOrganiser(importer)) throw forbidden()
  const today = options.today ?? isoToday()
  const issues: ImportIssue[] = [...read.issues]
  const missing = new Set(read.missing ?? [])
  const checked: CheckedRecord[] = read.records.map((record) => {
    const check = validateImportRow(record.values, today)
    for (const issue of check.issues) {
      // A column missing from the header is reported once, above the rows.
      if (issue.message === e('required') && missing.has(issue.field)) continue
      issues.push(issueAt(record, issue.field, issue.message, issue.values))
    }
    return { ...check, record }
  })
  const status = options.asDrafts ? 'draft' : options.publish ? 'published' : 'submitted'
  try {
    const summary = await db.transaction(async (tx) => {
      const plans = await planStartups(tx, checked, issues)
      await findDuplicates(tx, checked, plans, issues)
      if (issues.length > 0) return null
      const ids = new Map<string, string>()
      for (const plan of plans.values()) {
        const id = plan.organisationId ?? (await createStartup(tx, plan, importer))
        if (!id) {
          // Another startup took the slug since the check.
          const first = checked.find((c) => c.startup?.key === plan.key)!
          issues.push(issueAt(first.record, 'startup_key', e('startupKeyTaken'), { value: plan.key }))
          return null
        }
        ids.set(plan.key, id)
      }
      // Issued together: postgres.js pipelines them on the transaction's one connection (a 40-row file in a third of the time).
      const proposalIds = await Promise.all(checked.map(({ row }) => createImportedProposal(tx, importer, ids.get(row!.startup.key)!, row!, status)))
      for (const { row } of checked) plans.get(row!.startup.key)!.proposals++
      const result: ImportSummary = {
        dryRun: Boolean(options.dryRun),
        status,
        rows: checked.length,
        startupsCreated: [...plans.values()].filter((plan) => !plan.organisationId).length,
        proposalsImported: proposalIds.length,
        startups: [...plans.values()].map((plan) => ({ key: plan.key, name: plan.name, created: !plan.organisationId, proposals: plan.proposals })),
        proposalIds,
      }
      if (options.dryRun) throw new DryRunRollback(JSON.stringify(result))
      return result
    })
    if (!summary) return { ok: false, issues: sortIssues(issues) }
    return { ok: true, summary }
  } catch (error) {
    if (error instanceof DryRunRollback) return { ok: true, summary: JSON.parse(error.message) as ImportSummary }
    throw error
  }
}

/** Reads an import file (CSV or JSON, by its name or content) and imports it; see importRecords. */
export async function importFile(db: DbOrTx, importer: Actor | null, file: { name: string; bytes: Uint8Array }, options: ImportOptions): Promise<ImportResult> {
  if (importer && !isOrganiser(importer)) throw forbidden()
  return importRecords(db, importer, readImportFile(file.name, file.bytes), options)
}
