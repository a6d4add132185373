/**
 * `npm run import -- FILE [--publish] [--dry-run]`: imports startups and proposals from a CSV or
 * JSON file (format in the README) into the database of DATABASE_URL, or the embedded
 * PostgreSQL in DATA_DIR. Runs as Ponte itself: proposals are published with --publish, else
 * they wait for moderation. Prints a summary, or every problem (row, column, message) and exits 1.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { getFixedT } from '../app/modules/i18n/i18n.server'
import { importFile, type ImportResult } from '../app/modules/imports/import.server'
import type { Db } from './client'
import { withCommandDatabase } from './cli-database'

const usage = 'Usage: npm run import -- FILE [--publish] [--dry-run]'

export interface ImportCommand {
  file: string
  publish: boolean
  dryRun: boolean
}

/** The command's arguments, or a message saying what is wrong with them. */
export function parseImportArguments(args: string[]): ImportCommand | string {
  const flags = args.filter((arg) => arg.startsWith('--'))
  const files = args.filter((arg) => !arg.startsWith('--'))
  const unknown = flags.filter((flag) => flag !== '--publish' && flag !== '--dry-run')
  if (unknown.length) return `Unknown option ${unknown.join(', ')}. ${usage}`
  if (files.length !== 1) return usage
  return { file: files[0]!, publish: flags.includes('--publish'), dryRun: flags.includes('--dry-run') }
}

/** The result as lines of text, in English. */
export function formatImportResult(result: ImportResult, fileName: string): string[] {
  const t = getFixedT('en')
  if (!result.ok) {
    const lines = [`${fileName}: nothing imported, ${result.issues.length} problem(s):`]
    for (const issue of result.issues) {
      const where = issue.row === null ? (issue.line ? `line ${issue.line}` : 'file') : `row ${issue.row}${issue.line ? ` (line ${issue.line})` : ''}`
      lines.push(`  ${where}${issue.field ? `, ${issue.field}` : ''}: ${t(issue.message, issue.values ?? {})}`)
    }
    return lines
  }
  const { summary } = result
  return [
    `${fileName}: ${summary.dryRun ? 'checked (dry run, nothing saved)' : 'imported'}: ${summary.startupsCreated} startup(s) created, ${summary.proposalsImported} proposal(s) ${summary.dryRun ? 'would be ' : ''}${summary.status}.`,
    ...summary.startups.map((s) => `  ${s.key}${s.created ? ' (new)' : ''}: ${s.proposals} proposal(s)`),
  ]
}

/** Runs the command against `db`; returns the exit code. */
export async function runImportCommand(db: Db, command: ImportCommand, print: (line: string) => void = console.log): Promise<number> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(command.file)
  } catch (error) {
    print(`Cannot read ${command.file}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  const result = await importFile(db, null, { name: path.basename(command.file), bytes }, { publish: command.publish, dryRun: command.dryRun })
  for (const line of formatImportResult(result, command.file)) print(line)
  return result.ok ? 0 : 1
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
if (isMain) {
  const command = parseImportArguments(process.argv.slice(2))
  if (typeof command === 'string') {
    console.error(command)
    process.exitCode = 1
  } else {
    await withCommandDatabase(async (database) => {
      process.exitCode = await runImportCommand(database.db, command)
    })
  }
}
