import { eq, like, or } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Tx } from './client'

/**
 * Inserts a row under the first free slug of `base`, `base-2`, `base-3` ... that is not
 * reserved (a page's own name). Another request may take the same slug meanwhile: `insert`
 * must do nothing on a slug conflict (and return nothing), so the unique index decides and the
 * next slug is tried.
 */
export async function insertWithUniqueSlug<Row>(
  tx: Tx,
  options: { table: PgTable; slugColumn: PgColumn; base: string; reserved?: ReadonlySet<string>; insert: (slug: string) => Promise<Row | undefined> },
): Promise<Row> {
  const { base, slugColumn } = options
  const existing = await tx
    .select({ slug: slugColumn })
    .from(options.table)
    .where(or(eq(slugColumn, base), like(slugColumn, `${base}-%`)))
  const taken = new Set(existing.map((row) => String(row.slug)))
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (taken.has(slug) || options.reserved?.has(slug)) continue
    const row = await options.insert(slug)
    if (row) return row
    taken.add(slug)
  }
}
