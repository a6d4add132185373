/**
 * Reads an import file (CSV or JSON) into records by column name, each with its row number
 * (1-based data row) and, for CSV, the line it starts on. Problems with the file itself (not
 * UTF-8, broken quoting, unknown or repeated columns, rows of the wrong length) are reported
 * the same way as problems with a row's values.
 */
import { CsvError, parse } from 'csv-parse/sync'
import { importColumn, importColumnNames, importLimits } from './columns'

/** A problem found in an import file; `message` is a translation key taking `values`. */
export interface ImportIssue {
  /** 1-based data row (the header is not a row); null for the file as a whole. */
  row: number | null
  /** CSV only: the line of the file the row starts on (the header is line 1). */
  line: number | null
  /** The column (CSV) or key (JSON); null for the file or the whole row. */
  field: string | null
  message: string
  values?: Record<string, string | number>
}

export interface ImportRecord {
  row: number
  line: number | null
  values: Record<string, unknown>
}

export type ImportFormat = 'csv' | 'json'

const e = (key: string) => `imports.errors.${key}`

/** CSV or JSON, by the file's extension, else by its first character. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const name = fileName.toLowerCase()
  if (name.endsWith('.json')) return 'json'
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv'
  return /^\s*[[{]/.test(text) ? 'json' : 'csv'
}

/**
 * The separator of the header line: a comma, or the semicolon that spreadsheets set to Spanish
 * or Portuguese write, or a tab.
 */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? ''
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, n: header.split(delimiter).length - 1 }))
  return counts.reduce((best, candidate) => (candidate.n > best.n ? candidate : best)).delimiter
}

function fileIssue(message: string, values?: ImportIssue['values'], line: number | null = null): ImportIssue {
  return { row: null, line, field: null, message, values }
}

interface CsvInfo {
  lines: number
  records: number
  error?: { code: string; record?: unknown[] }
}

interface ReadResult {
  records: ImportRecord[]
  issues: ImportIssue[]
  /** Required columns the CSV header lacks: reported once, so rows are not told again. */
  missing: string[]
}

function readCsv(original: string): ReadResult {
  // One kind of line break (csv-parse counts the lines of Windows line breaks twice; Excel writes them).
  const text = original.replace(/\r\n?/g, '\n')
  const issues: ImportIssue[] = []
  let headerSize = 0
  const seen = new Set<string>()
  let parsed: { record: Record<string, string>; raw: string; info: CsvInfo }[]
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      columns: (header: string[]) => {
        headerSize = header.length
        return header.map((cell) => {
          const name = cell.trim().toLowerCase()
          if (name === '') return false
          if (seen.has(name)) issues.push({ ...fileIssue(e('duplicateColumn'), { value: name }, 1), field: name })
          else if (!importColumn(name)) issues.push({ ...fileIssue(e('unknownColumn'), { value: name }, 1), field: name })
          seen.add(name)
          return name
        })
      },
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as never
  } catch (error) {
    if (error instanceof CsvError) {
      return { records: [], issues: [...issues, fileIssue(e('csvSyntax'), undefined, (error as CsvError & { lines?: number }).lines ?? null)], missing: [] }
    }
    throw error
  }
  const records: ImportRecord[] = []
  for (const { record, raw, info } of parsed) {
    // `lines` is where the record ends; a quoted cell may span lines, and blank lines before it are skipped.
    const spanned = (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g) ?? []).length
    const entry = { row: info.records, line: info.lines - spanned, values: record }
    if (info.error?.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || info.error?.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      issues.push({ row: entry.row, line: entry.line, field: null, message: e('fieldCount'), values: { count: info.error.record?.length ?? 0, expected: headerSize } })
      continue
    }
    records.push(entry)
  }
  const missing = seen.size ? importColumnNames.filter((name) => importColumn(name)?.required === 'always' && !seen.has(name)) : []
  for (const name of missing) issues.push({ ...fileIssue(e('missingColumn'), { value: name }, 1), field: name })
  return { records, issues, missing }
}

function readJson(text: string): ReadResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { records: [], issues: [fileIssue(e('jsonSyntax'))], missing: [] }
  }
  if (!Array.isArray(data)) return { records: [], issues: [fileIssue(e('jsonShape'))], missing: [] }
  const issues: ImportIssue[] = []
  const records: ImportRecord[] = []
  data.forEach((item: unknown, index) => {
    const row = index + 1
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ row, line: null, field: null, message: e('jsonRow') })
      return
    }
    const unknown = Object.keys(item).filter((key) => !importColumn(key))
    for (const key of unknown) issues.push({ row, line: null, field: key, message: e('unknownColumn'), values: { value: key } })
    records.push({ row, line: null, values: item as Record<string, unknown> })
  })
  return { records, issues, missing: [] }
}

/**
 * The records of an import file, or the problems that keep it from being read. An empty list of
 * records with no issues never happens: a file without rows is an issue.
 */
export function readImportFile(fileName: string, bytes: Uint8Array): ReadResult & { format: ImportFormat } {
  const fallback = fileName.toLowerCase().endsWith('.json') ? 'json' : 'csv'
  const fail = (issue: ImportIssue, format: ImportFormat = fallback) => ({ format, records: [], issues: [issue], missing: [] })
  if (bytes.byteLength > importLimits.maxFileBytes) return fail(fileIssue(e('fileTooLarge'), { max: importLimits.maxFileBytes / 1024 / 1024 }))
  let text: string
  try {
    // Strips a UTF-8 byte order mark (Excel writes one).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail(fileIssue(e('notUtf8')))
  }
  const format = detectFormat(fileName, text)
  const result = format === 'json' ? readJson(text) : readCsv(text)
  if (result.records.length === 0 && result.issues.length === 0) result.issues.push(fileIssue(e('noRows')))
  if (result.records.length + result.issues.filter((issue) => issue.row !== null).length > importLimits.maxRows) {
    return fail(fileIssue(e('tooManyRows'), { max: importLimits.maxRows }), format)
  }
  return { format, ...result }
}
