/** The Postgres search engine: the shared contract, plus what only this engine has to get right. */
import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../tests/setup/database'
import { describeSearchEngineContract } from './contract'
import { CONTRACT_TODAY, contractDocuments, fixtureDocument, namesOf } from './contract-fixtures'
import { createPostgresEngine } from './postgres-engine.server'
import type { SearchDocument, SearchQuery } from './types'

const t = useTestDatabase()

describeSearchEngineContract('postgres', async () => ({ engine: createPostgresEngine(t.db) }))

describe('the Postgres engine', () => {
  const engine = () => createPostgresEngine(t.db)
  const publicQuery: SearchQuery = { text: '', filters: {}, sort: 'relevance', page: 1, perPage: 100, scope: 'public', today: CONTRACT_TODAY }
  const search = (query: Partial<SearchQuery>) => engine().query({ ...publicQuery, ...query })

  async function* once(documents: SearchDocument[]) {
    yield documents
  }

  beforeEach(async () => {
    await engine().rebuild(() => once(contractDocuments))
  })

  it('keeps the verified tier out of the public vector', async () => {
    const rows = await t.db.execute<{ public: number; full: number }>(sql`
      select count(*) filter (where public_tsv @@ to_tsquery('simple', 'nanoparticulas'))::int as public,
             count(*) filter (where full_tsv @@ to_tsquery('simple', 'nanoparticulas'))::int as full
      from search_documents`)
    expect(rows[0]).toEqual({ public: 0, full: 1 })
  })

  it('collects the folded words of three letters or more as the typo vocabulary', async () => {
    const rows = await t.db.execute<{ term: string }>(sql`
      select term from search_terms where term in ('cancer', 'pancreas', 'nanoparticulas', 'oncomar', 'de', 'cáncer')`)
    expect(rows.map((row) => row.term).sort()).toEqual(['cancer', 'nanoparticulas', 'oncomar', 'pancreas'])
  })

  it('treats query text as text, never as SQL or tsquery syntax', async () => {
    for (const text of [`'; drop table search_documents; --`, `pancreas:* | !cancer & (`, `$1 $$ \\x00`]) {
      await expect(search({ text })).resolves.toMatchObject({ ids: expect.any(Array) })
    }
    expect((await search({})).total).toBe(contractDocuments.length)
    expect((await search({ text: 'x'.repeat(1000) })).total).toBe(0)
  })

  it('ignores ids that cannot be proposal ids when removing', async () => {
    await engine().remove(['not-a-uuid', "'; delete from search_documents; --"])
    expect((await search({})).total).toBe(contractDocuments.length)
  })

  it('answers from the old index while a rebuild is under way', async () => {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let firstBatchWritten!: () => void
    const written = new Promise<void>((resolve) => (firstBatchWritten = resolve))
    async function* slowSource() {
      yield [fixtureDocument('omega')]
      firstBatchWritten()
      await released
      yield [fixtureDocument('sono')]
    }
    const rebuilding = engine().rebuild(slowSource)
    await written
    // The first batch is written but not committed: searches still see all twenty.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await search({})).total).toBe(contractDocuments.length)
    release()
    expect(await rebuilding).toEqual({ indexed: 2 })
    expect((await search({})).total).toBe(2)
  })

  it('swaps the rebuilt tables in with the live names, indexes and numbering, ready for the next writes and rebuilds', async () => {
    const shape = () =>
      t.db.execute<{ table: string; index: string }>(sql`
        select tablename as table, indexname as index from pg_indexes
        where schemaname = current_schema() and tablename in ('search_documents', 'search_terms') order by 1, 2`)
    const before = [...(await shape())]
    expect(before.map((row) => row.index)).toContain('search_documents_full_tsv_idx')
    await engine().rebuild(() => once(contractDocuments.slice(1)))
    expect([...(await shape())]).toEqual(before)
    const [sequence] = await t.db.execute<{ name: string }>(sql`select pg_get_serial_sequence('search_documents', 'document_number') as name`)
    expect(sequence!.name).toMatch(/search_documents_document_number_seq$/)
    const leftovers = await t.db.execute(sql`select from pg_class where relname like 'search_%_next%'`)
    expect(leftovers.length).toBe(0)
    // Written after the swap: a new number, found by text and filters.
    await engine().index([contractDocuments[0]!])
    expect((await search({})).total).toBe(contractDocuments.length)
    expect((await search({ text: contractDocuments[0]!.startupName })).ids).toContain(contractDocuments[0]!.id)
  })

  it('leaves the live index whole when a rebuild fails half-way', async () => {
    async function* failing() {
      yield [fixtureDocument('omega')]
      throw new Error('source lost')
    }
    await expect(engine().rebuild(failing)).rejects.toThrow('source lost')
    expect((await search({})).total).toBe(contractDocuments.length)
    const leftovers = await t.db.execute(sql`select from pg_class where relname like 'search_%_next%'`)
    expect(leftovers.length).toBe(0)
    expect(await engine().rebuild(() => once(contractDocuments))).toEqual({ indexed: contractDocuments.length })
  })

  it('sees writes made by another engine (another process) at once, cache or not', async () => {
    const reader = engine()
    expect((await reader.query({ ...publicQuery, text: 'hígado' })).total).toBe(0)
    await engine().index([
      fixtureDocument('pancreas', { texts: { es: { title: 'Terapia contra el cáncer de hígado', summary: 'Nada más.', description: '-' } } }),
    ])
    expect(namesOf((await reader.query({ ...publicQuery, text: 'hígado' })).ids)).toEqual(['pancreas'])
    await engine().remove([fixtureDocument('pancreas').id])
    expect((await reader.query({ ...publicQuery, text: 'hígado' })).total).toBe(0)
  })

  it('filters, counts and sorts what another engine (another process) wrote, at once: new, changed, removed, rebuilt', async () => {
    const reader = engine()
    const writer = engine()
    const everything = { ...publicQuery, sort: 'amount_desc' as const }
    expect((await reader.query(everything)).total).toBe(contractDocuments.length)
    const newcomer = { ...fixtureDocument('omega', { region: 'ES13', amountEur: 90_000_000 }), id: '20000000-0000-4000-8000-000000000001' }
    await writer.index([newcomer])
    const added = await reader.query(everything)
    expect(added.total).toBe(contractDocuments.length + 1)
    expect(added.ids[0]).toBe(newcomer.id)
    expect(added.facets.region.ES13).toBe(1)
    expect((await reader.query({ ...everything, filters: { region: ['ES13'] } })).ids).toEqual([newcomer.id])

    await writer.index([{ ...newcomer, region: 'ES12', amountSoughtEur: 10 }])
    const changed = await reader.query(everything)
    expect(changed.total).toBe(contractDocuments.length + 1)
    expect(changed.ids.at(-1)).toBe(newcomer.id)
    expect(changed.facets.region).not.toHaveProperty('ES13')
    expect(changed.facets.region.ES12).toBe(1)

    await writer.remove([newcomer.id, fixtureDocument('pancreas').id])
    const removed = await reader.query(everything)
    expect(removed.total).toBe(contractDocuments.length - 1)
    expect(removed.ids).not.toContain(newcomer.id)
    expect(namesOf(removed.ids)).not.toContain('pancreas')

    await writer.rebuild(() => once([fixtureDocument('sono'), fixtureDocument('omega')]))
    expect(namesOf((await reader.query(everything)).ids).sort()).toEqual(['omega', 'sono'])
  })

  it('reloads what it holds in memory when removals it did not see are gone (pruned)', async () => {
    const reader = engine()
    expect((await reader.query(publicQuery)).total).toBe(contractDocuments.length)
    await engine().remove([fixtureDocument('pancreas').id])
    await t.db.execute(sql`delete from search_removals`)
    const result = await reader.query(publicQuery)
    expect(result.total).toBe(contractDocuments.length - 1)
    expect(namesOf(result.ids)).not.toContain('pancreas')
  })

  it('pages through many relevance hits once each: title matches first, across the rescoring window', async () => {
    const many = Array.from({ length: 230 }, (_, n) => {
      const inTitle = n % 8 === 0
      const document = fixtureDocument('omega', {
        texts: { gl: { title: inTitle ? `Quimera mariña ${n}` : `Planta ${n}`, summary: inTitle ? 'Outra cousa.' : 'Unha quimera mariña.', description: '-' } },
      })
      return { ...document, id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`, publishedAt: document.publishedAt + n }
    })
    await engine().index(many)
    const seen: string[] = []
    for (let page = 1; page <= 8; page++) {
      const result = await search({ text: 'quimera', page, perPage: 30 })
      expect(result.total).toBe(many.length)
      seen.push(...result.ids)
    }
    expect(seen).toHaveLength(many.length)
    expect(new Set(seen).size).toBe(many.length)
    const titled = new Set(many.filter((_, n) => n % 8 === 0).map((document) => document.id))
    expect(new Set(seen.slice(0, titled.size))).toEqual(titled)
  })
})
