/**
 * The Postgres engine's full rebuild: the new index is written into fresh tables beside the live
 * ones, indexed in bulk, and swapped in by renaming in one short transaction. Searches keep
 * answering from the old tables until the swap, never see a half-built index, and are held only
 * for the swap itself (milliseconds).
 *
 * Why not rewrite the live tables in one transaction: every GIN entry would then be inserted one
 * document at a time and every old row left dead for a vacuum, which took most of a rebuild's
 * time; building each index once over the loaded table is several times cheaper, and the fresh
 * tables have nothing to vacuum. The indexes are those of the live tables, read from the catalogue,
 * so a migration that adds one needs nothing here.
 */
import { sql } from 'drizzle-orm'
import type { Db, Tx } from '../db/client'

/** The engine's tables, live name → the name of the copy being built. */
export const REBUILT_TABLES = { search_documents: 'search_documents_next', search_terms: 'search_terms_next' } as const
export type IndexTables = { documents: string; terms: string }
export const LIVE_TABLES: IndexTables = { documents: 'search_documents', terms: 'search_terms' }
export const NEXT_TABLES: IndexTables = { documents: REBUILT_TABLES.search_documents, terms: REBUILT_TABLES.search_terms }

/** Two rebuilds at once would write into the same copies: the second waits for the first. */
const REBUILD_LOCK = `hashtext('ponte.search.rebuild')`

/** Memory for building one GIN index (per connection; two are built at a time). */
const INDEX_BUILD_MEMORY = '256MB'

interface LiveIndex {
  table: string
  name: string
  definition: string
}

/**
 * Runs `fill` (which writes the documents into NEXT_TABLES) between creating the copies and
 * swapping them in. `beforeSwap` runs alongside the index build; `swapped` inside the swap transaction.
 */
export async function rebuildIntoFreshTables<T>(
  db: Db,
  fill: () => Promise<T>,
  swapped: (tx: Tx) => Promise<void>,
  beforeSwap: () => Promise<void> = async () => {},
): Promise<T> {
  const lock = await db.$client.reserve()
  try {
    await lock.unsafe(`select pg_advisory_lock(${REBUILD_LOCK})`)
    const indexes = await liveIndexes(db)
    await createCopies(db)
    const result = await fill()
    // Both settled before going on: a failure of one must not drop the copies under the other.
    for (const outcome of await Promise.allSettled([finishCopies(db, indexes), beforeSwap()])) {
      if (outcome.status === 'rejected') throw outcome.reason
    }
    await swapIn(db, indexes, swapped)
    return result
  } catch (error) {
    await dropCopies(db).catch(() => {})
    throw error
  } finally {
    await lock.unsafe(`select pg_advisory_unlock(${REBUILD_LOCK})`).catch(() => {})
    lock.release()
  }
}

/** The filled copies made ready to serve: logged, indexed, analysed. */
async function finishCopies(db: Db, indexes: LiveIndex[]): Promise<void> {
  // Written to the log once, whole (before the indexes, which are then logged as they are built).
  for (const next of Object.values(REBUILT_TABLES)) await db.execute(sql`alter table ${sql.identifier(next)} set logged`)
  await buildIndexes(db, indexes)
  // Planner statistics before anyone reads them.
  for (const next of Object.values(REBUILT_TABLES)) await db.execute(sql`analyze ${sql.identifier(next)}`)
}

/** The secondary indexes of the live tables (the primary keys come with the copies). */
async function liveIndexes(db: Db): Promise<LiveIndex[]> {
  const rows = await db.execute<{ table: string; name: string; definition: string }>(sql`
    select i.tablename as table, i.indexname as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in ('search_documents', 'search_terms')
      and not exists (
        select from pg_constraint c
        where c.conname = i.indexname and c.contype = 'p' and c.connamespace = (select oid from pg_namespace where nspname = current_schema()))
    order by i.tablename, i.indexname`)
  return [...rows]
}

async function dropCopies(db: Db): Promise<void> {
  await db.execute(sql`drop table if exists ${sql.identifier(REBUILT_TABLES.search_documents)}, ${sql.identifier(REBUILT_TABLES.search_terms)}`)
}

/** Empty unlogged copies of the live tables (columns, defaults, identity, storage, primary key, no other index): filled without a write-ahead log entry per row, then logged whole. */
async function createCopies(db: Db): Promise<void> {
  // Leftovers of a rebuild that died half-way (the lock says none is running).
  await dropCopies(db)
  for (const [live, next] of Object.entries(REBUILT_TABLES)) {
    await db.execute(sql`
      create unlogged table ${sql.identifier(next)} (like ${sql.identifier(live)} including defaults including identity including storage including constraints)`)
    const [key] = await db.execute<{ columns: string }>(sql`
      select string_agg(quote_ident(a.attname), ', ' order by k.ordinality) as columns
      from pg_constraint c
      cross join lateral unnest(c.conkey) with ordinality as k(attnum, ordinality)
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where c.conrelid = ${live}::regclass and c.contype = 'p'`)
    await db.execute(sql.raw(`alter table ${quoteIdent(next)} add constraint ${quoteIdent(`${next}_pkey`)} primary key (${key!.columns})`))
    const [options] = await db.execute<{ options: string[] | null }>(sql`select reloptions as options from pg_class where oid = ${live}::regclass`)
    if (options?.options?.length) await db.execute(sql.raw(`alter table ${quoteIdent(next)} set (${options.options.join(', ')})`))
  }
}

/** The live table's index definition, on the copy and under the copy's name. */
function definitionOnCopy(index: LiveIndex): string {
  const next = REBUILT_TABLES[index.table as keyof typeof REBUILT_TABLES]
  const pattern = new RegExp(`^CREATE (UNIQUE )?INDEX ${escapeRegExp(quoteIdent(index.name))} ON (\\S+\\.)?${escapeRegExp(quoteIdent(index.table))} `)
  if (!pattern.test(index.definition)) throw new Error(`search rebuild: cannot read the index definition ${index.definition}`)
  return index.definition.replace(pattern, (_match, unique: string | undefined, schema: string | undefined) =>
    `CREATE ${unique ?? ''}INDEX ${quoteIdent(copyName(index.name))} ON ${schema ?? ''}${quoteIdent(next)} `)
}

const copyName = (name: string) => `${name}_next`

/** Builds the copies' indexes, two at a time on two connections (a GIN build uses one core). */
async function buildIndexes(db: Db, indexes: LiveIndex[]): Promise<void> {
  const pending = indexes.map(definitionOnCopy)
  const builder = async () => {
    for (let definition = pending.shift(); definition; definition = pending.shift()) {
      const statement = definition
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`))
        await tx.execute(sql.raw(statement))
      })
    }
  }
  await Promise.all([builder(), builder()])
}

/** Drops the live tables and gives the copies (and their indexes, key and sequence) the live names. */
async function swapIn(db: Db, indexes: LiveIndex[], swapped: (tx: Tx) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    const live = Object.keys(REBUILT_TABLES)
    await tx.execute(sql.raw(`lock table ${live.map(quoteIdent).join(', ')} in access exclusive mode`))
    for (const [liveName, next] of Object.entries(REBUILT_TABLES)) {
      // Identity columns bring their own sequences, named after the table.
      const sequences = await tx.execute<{ column: string; sequence: string }>(sql`
        select a.attname as column, pg_get_serial_sequence(quote_ident(${next}), a.attname) as sequence
        from pg_attribute a where a.attrelid = ${next}::regclass and a.attidentity <> ''`)
      await tx.execute(sql.raw(`drop table ${quoteIdent(liveName)}`))
      await tx.execute(sql.raw(`alter table ${quoteIdent(next)} rename to ${quoteIdent(liveName)}`))
      await tx.execute(sql.raw(`alter table ${quoteIdent(liveName)} rename constraint ${quoteIdent(`${next}_pkey`)} to ${quoteIdent(`${liveName}_pkey`)}`))
      for (const { column, sequence } of sequences) {
        await tx.execute(sql.raw(`alter sequence ${sequence} rename to ${quoteIdent(`${liveName}_${column}_seq`)}`))
      }
    }
    for (const index of indexes) await tx.execute(sql.raw(`alter index ${quoteIdent(copyName(index.name))} rename to ${quoteIdent(index.name)}`))
    await swapped(tx)
  })
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
