/**
 * The demo data set's financing proposals, loaded through the organisers' import (the same
 * format and checks as `npm run import`), by Ponte itself:
 * - proposals.csv: published proposals of the demo startups (in the catalogue);
 * - proposals-in-review.csv: submitted ones, waiting in the organisers' moderation queue;
 * - proposal-drafts.csv: a draft of the demo founder's startup (Colaxe Marine Bio) in the studio.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { importFile, type ImportOptions } from '../../app/modules/imports/import.server'
import { isoToday } from '../../app/modules/proposals/schemas'
import type { DbOrTx } from '../client'

const seedFolder = path.resolve(process.env.PONTE_ROOT ?? process.cwd(), 'db/seed')

export const demoProposalFiles: { file: string; options: Omit<ImportOptions, 'today'> }[] = [
  { file: 'proposals.csv', options: { publish: true } },
  { file: 'proposals-in-review.csv', options: { publish: false } },
  { file: 'proposal-drafts.csv', options: { publish: false, asDrafts: true } },
]

/**
 * The demo's closing dates lie in 2027; once that has come, they are still loaded (and the
 * nightly expiry closes them), instead of the demo failing to start.
 */
const demoToday = (today: string) => (today < '2026-12-31' ? today : '2026-12-31')

/** Imports the demo proposals; the demo startups must exist. Throws when a file does not import. */
export async function seedDemoProposals(db: DbOrTx, today: string = isoToday()): Promise<number> {
  let imported = 0
  for (const { file, options } of demoProposalFiles) {
    const bytes = await readFile(path.join(seedFolder, file))
    const result = await importFile(db, null, { name: file, bytes }, { ...options, today: demoToday(today) })
    if (!result.ok) {
      const problems = result.issues.map((issue) => `row ${issue.row ?? '-'} ${issue.field ?? ''}: ${issue.message} ${JSON.stringify(issue.values ?? {})}`)
      throw new Error(`The demo proposals of db/seed/${file} do not import:\n${problems.join('\n')}`)
    }
    imported += result.summary.proposalsImported
  }
  return imported
}
