import { sql, type AnyColumn, type SQL } from 'drizzle-orm'

/** `%text%` for LIKE and ILIKE, with the user's own `%`, `_` and `\` matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Accent- and case-insensitive "contains" (so "coruna" finds A Coruña), over a column or an expression. */
export function foldedContains(expression: AnyColumn | SQL, text: string): SQL {
  return sql`immutable_unaccent(${expression}) ilike immutable_unaccent(${containsPattern(text)})`
}
