/**
 * The search contract: what every engine must answer for the same documents and queries
 * (docs/decisions/011-search-engines.md). Each engine's test file runs it:
 *
 *   describeSearchEngineContract('postgres', async () => ({ engine: createPostgresEngine(t.db) }))
 *
 * It indexes the fixture proposals (contract-fixtures.ts) through applySettings() + index(),
 * then checks text matching (languages, accents, typos, synonyms, prefixes, scopes), filters,
 * disjunctive facets, sorts, paging and the index's upkeep (remove, replace, list, rebuild).
 * Relevance order may legitimately differ between engines, so it is only asserted where any
 * engine must agree (a title match before a description-only match); elsewhere sets are compared.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CONTRACT_TODAY, contractDocuments, fixtureDocument, fixtureNames, fixturesWhere, namesOf, type FixtureName } from './contract-fixtures'
import type { FacetName, SearchDocument, SearchEngine, SearchFilters, SearchQuery, SearchResult } from './types'

export function describeSearchEngineContract(label: string, setup: () => Promise<{ engine: SearchEngine; cleanup?: () => Promise<void> }>): void {
  describe(`search engine contract: ${label}`, () => {
    let engine: SearchEngine
    let cleanup: (() => Promise<void>) | undefined

    beforeAll(async () => {
      ;({ engine, cleanup } = await setup())
      await engine.applySettings()
      await engine.index(contractDocuments)
    })
    afterAll(async () => {
      await cleanup?.()
    })

    function search(query: Partial<SearchQuery> = {}): Promise<SearchResult> {
      return engine.query({ text: '', filters: {}, sort: 'relevance', page: 1, perPage: 100, scope: 'verified', today: CONTRACT_TODAY, ...query })
    }

    /** The names of the documents found, as a sorted set (for queries whose order is not the point). */
    async function found(text: string, query: Partial<SearchQuery> = {}): Promise<string[]> {
      return namesOf((await search({ text, ...query })).ids).sort()
    }

    const sorted = (names: string[]) => [...names].sort()
    const everything = sorted(fixtureNames)

    describe('text', () => {
      it('matches every document when the text is empty or has no words', async () => {
        expect(await found('')).toEqual(everything)
        expect(await found('  ¿? -- ')).toEqual(everything)
        expect((await search()).total).toBe(contractDocuments.length)
      })

      it('finds words in each language', async () => {
        expect(await found('páncreas')).toEqual(['pancreas'])
        expect(await found('sépsis')).toEqual(['sepsis'])
        expect(await found('feridas')).toEqual(['colaxeno'])
        expect(await found('blindness')).toEqual(['blindness'])
      })

      it('ignores accents and case', async () => {
        expect(await found('oncologia')).toContain('precision')
        expect(await found('PANCREAS')).toEqual(['pancreas'])
        expect(await found('colaxeno')).toEqual(['colaxeno'])
        expect(await found('ALZHEIMER')).toEqual(['alzheimer'])
      })

      it('tolerates typos in longer words, not in short ones', async () => {
        expect(await found('canser')).toContain('pancreas')
        expect(await found('diagnostco')).toContain('sepsis')
        expect(await found('blindnes')).toEqual(['blindness'])
        // Four letters: no typo allowed, and no indexed word starts with it.
        expect(await found('vigo')).toEqual(['colaxeno', 'salmon'])
        expect(await found('vibo')).toEqual([])
      })

      it('finds synonyms across languages', async () => {
        expect(await found('cancro')).toEqual(expect.arrayContaining(['pancreas', 'precision']))
        expect(await found('drug')).toContain('farmaco')
        expect(await found('vaccine')).toEqual(['mastite', 'salmon'])
        expect(await found('antibiótico', { scope: 'public' })).toEqual(['abyssal'])
      })

      it('matches the last word as a prefix (search as you type)', async () => {
        expect(await found('pancr')).toEqual(['pancreas'])
        expect(await found('cáncer pancr')).toEqual(['pancreas'])
        expect(await found('microal', { scope: 'public' })).toEqual(['omega'])
      })

      it('requires every word', async () => {
        expect(await found('terapia páncreas')).toEqual(['pancreas'])
        expect(await found('terapia gene', { scope: 'public' })).toEqual(['blindness'])
        expect(await found('cáncer pulmonar')).toEqual([])
      })

      it('finds startups by name and by city', async () => {
        expect(await found('Oncomar')).toEqual(['pancreas'])
        expect(await found('Braga')).toEqual(['artrite', 'mastite'])
        expect(await found('Coimbra', { scope: 'public' })).toEqual(['blindness', 'phage'])
      })

      it('finds classification names in any language', async () => {
        const preclinical = sorted(fixturesWhere((document) => document.developmentPhase === 'preclinical'))
        expect(preclinical).toEqual(['abyssal', 'pancreas'])
        expect(await found('Preclínica', { scope: 'public' })).toEqual(preclinical)
        expect(await found('preclinical', { scope: 'public' })).toEqual(preclinical)
        expect(await found('Pré-clínica', { scope: 'public' })).toEqual(preclinical)
      })

      it('searches descriptions and therapeutic areas only in the verified scope', async () => {
        expect(await found('nanopartículas', { scope: 'public' })).toEqual([])
        expect(await found('nanopartículas', { scope: 'verified' })).toEqual(['pancreas'])
        expect(await found('dermatology', { scope: 'public' })).toEqual([])
        expect(await found('Dermatología', { scope: 'verified' })).toEqual(['colaxeno', 'phage'])
      })

      it('survives hostile and oversized text', async () => {
        for (const text of [`'):* | !&`, `"<script>`, '\\', '%_', 'a'.repeat(1000), 'cáncer '.repeat(200), '🧬🧪', '\u0000x']) {
          const result = await search({ text, scope: 'public' })
          expect(result.ids.length).toBeLessThanOrEqual(result.total)
        }
        expect(await found(`páncreas'):*|!`)).toEqual(['pancreas'])
      })
    })

    describe('filters', () => {
      const filterCases: [string, SearchFilters, (document: SearchDocument) => boolean][] = [
        ['subsector', { subsector: ['marine'] }, (d) => d.subsector === 'marine'],
        ['stage', { stage: ['pre_seed'] }, (d) => d.stage === 'pre_seed'],
        ['region', { region: ['PT11'] }, (d) => d.region === 'PT11'],
        ['instrument', { instrument: ['grant_cofunding'] }, (d) => d.instrument === 'grant_cofunding'],
        ['development phase', { developmentPhase: ['concept'] }, (d) => d.developmentPhase === 'concept'],
        ['therapeutic area', { therapeuticArea: ['infectious_diseases'] }, (d) => d.therapeuticAreas.includes('infectious_diseases')],
        ['TRL range', { trlMin: 5, trlMax: 7 }, (d) => d.trl >= 5 && d.trl <= 7],
        ['TRL exactly', { trlMin: 4, trlMax: 4 }, (d) => d.trl === 4],
        ['TRL from', { trlMin: 8 }, (d) => d.trl >= 8],
        ['amount range', { amountMinEur: 700_000, amountMaxEur: 1_500_000 }, (d) => d.amountSoughtEur >= 700_000 && d.amountSoughtEur <= 1_500_000],
        ['amount exactly', { amountMinEur: 900_000, amountMaxEur: 900_000 }, (d) => d.amountSoughtEur === 900_000],
        ['amount up to', { amountMaxEur: 400_000 }, (d) => d.amountSoughtEur <= 400_000],
        ['closing today', { closingWithinDays: 0 }, (d) => d.closingDay === CONTRACT_TODAY],
        ['closing within 30 days', { closingWithinDays: 30 }, (d) => d.closingDay >= CONTRACT_TODAY && d.closingDay <= CONTRACT_TODAY + 30],
      ]
      it.each(filterCases)('%s', async (_, filters, test) => {
        const expected = sorted(fixturesWhere(test))
        expect(expected.length).toBeGreaterThan(0)
        expect(expected.length).toBeLessThan(contractDocuments.length)
        const result = await search({ filters })
        expect(namesOf(result.ids).sort()).toEqual(expected)
        expect(result.total).toBe(expected.length)
      })

      it('keeps the boundaries inclusive', async () => {
        expect(await found('', { filters: { closingWithinDays: 0 } })).toEqual(['colaxeno'])
        expect(await found('', { filters: { closingWithinDays: 30 } })).toContain('sepsis')
        expect(await found('', { filters: { closingWithinDays: 30 } })).not.toContain('omega')
        expect(await found('', { filters: { closingWithinDays: 30 } })).not.toContain('leitoes')
        expect(await found('', { filters: { amountMinEur: 900_000, amountMaxEur: 900_000 } })).toEqual(['colaxeno'])
        expect(await found('', { filters: { trlMin: 4, trlMax: 4 } })).toEqual(['abyssal', 'pancreas'])
      })

      it('ORs the values of one facet and ANDs different filters', async () => {
        expect(await found('', { filters: { region: ['ES11', 'PT16'] } })).toEqual(sorted(fixturesWhere((d) => d.region === 'ES11' || d.region === 'PT16')))
        expect(await found('', { filters: { region: ['ES11'], subsector: ['marine', 'agrifood'], trlMax: 5 } })).toEqual(
          ['colaxeno', 'salmon', 'abyssal'].sort(),
        )
        expect(await found('vacina', { filters: { region: ['PT11'] } })).toEqual(['mastite'])
      })

      it('ignores the therapeutic area filter in the public scope', async () => {
        const result = await search({ scope: 'public', filters: { therapeuticArea: ['dermatology'] } })
        expect(result.total).toBe(contractDocuments.length)
      })
    })

    describe('facets', () => {
      function countBy(documents: SearchDocument[], values: (document: SearchDocument) => (string | number | null)[]): Record<string, number> {
        const counts: Record<string, number> = {}
        for (const document of documents) {
          for (const value of values(document)) if (value !== null) counts[String(value)] = (counts[String(value)] ?? 0) + 1
        }
        return counts
      }
      const facetValues: Record<FacetName, (document: SearchDocument) => (string | number | null)[]> = {
        subsector: (d) => [d.subsector],
        stage: (d) => [d.stage],
        region: (d) => [d.region],
        instrument: (d) => [d.instrument],
        developmentPhase: (d) => [d.developmentPhase],
        therapeuticArea: (d) => d.therapeuticAreas,
        trl: (d) => [d.trl],
      }

      it('counts every value of every facet over all hits, codes as keys', async () => {
        const { facets } = await search()
        for (const facet of Object.keys(facetValues) as FacetName[]) {
          expect(facets[facet], facet).toEqual(countBy(contractDocuments, facetValues[facet]))
        }
        expect(facets.trl['6']).toBe(4)
        expect(facets.region).not.toHaveProperty('null')
      })

      it('counts a facet without its own filter (disjunctive), with the others applied', async () => {
        const { facets, total } = await search({ filters: { region: ['ES11'], trlMin: 3, trlMax: 6 } })
        const inTrl = contractDocuments.filter((d) => d.trl >= 3 && d.trl <= 6)
        const inEs11 = contractDocuments.filter((d) => d.region === 'ES11')
        const both = inTrl.filter((d) => d.region === 'ES11')
        expect(total).toBe(both.length)
        // Selecting ES11 still shows what PT11 would give.
        expect(facets.region).toEqual(countBy(inTrl, facetValues.region))
        expect(facets.region.PT11).toBeGreaterThan(0)
        expect(facets.trl).toEqual(countBy(inEs11, facetValues.trl))
        expect(facets.subsector).toEqual(countBy(both, facetValues.subsector))
        expect(facets.therapeuticArea).toEqual(countBy(both, facetValues.therapeuticArea))
      })

      it('counts only the documents matching the text', async () => {
        const { facets } = await search({ text: 'vacina', filters: { region: ['PT11'] } })
        expect(facets.region).toEqual({ PT11: 1, ES11: 1 })
        expect(facets.subsector).toEqual({ agrifood: 1 })
      })

      it('leaves the therapeutic area facet empty in the public scope', async () => {
        const { facets } = await search({ scope: 'public', filters: { therapeuticArea: ['oncology'] } })
        expect(facets.therapeuticArea).toEqual({})
        expect(facets.subsector).toEqual(countBy(contractDocuments, facetValues.subsector))
      })
    })

    describe('sorts and paging', () => {
      const order = (compare: (a: SearchDocument, b: SearchDocument) => number) => namesOf([...contractDocuments].sort(compare).map((d) => d.id))

      it.each([
        ['newest', (a: SearchDocument, b: SearchDocument) => b.publishedAt - a.publishedAt],
        ['relevance', (a: SearchDocument, b: SearchDocument) => b.publishedAt - a.publishedAt],
        ['amount_asc', (a: SearchDocument, b: SearchDocument) => a.amountSoughtEur - b.amountSoughtEur],
        ['amount_desc', (a: SearchDocument, b: SearchDocument) => b.amountSoughtEur - a.amountSoughtEur],
        ['closing', (a: SearchDocument, b: SearchDocument) => a.closingDay - b.closingDay],
      ] as const)('sorts by %s (relevance without text: newest first)', async (sort, compare) => {
        expect(namesOf((await search({ sort })).ids)).toEqual(order(compare))
      })

      it('sorts the hits of a text query too', async () => {
        const result = await search({ text: 'vacina', sort: 'amount_asc' })
        expect(namesOf(result.ids)).toEqual(['salmon', 'mastite'])
      })

      it('ranks a title match above a description-only match', async () => {
        expect(namesOf((await search({ text: 'microalgas' })).ids)).toEqual(['omega', 'phage'])
      })

      it('pages through the hits, with a total, and past the end gives no ids', async () => {
        const all = order((a, b) => b.amountSoughtEur - a.amountSoughtEur)
        const pages: string[] = []
        for (let page = 1; page <= 4; page++) {
          const result = await search({ sort: 'amount_desc', page, perPage: 6 })
          expect(result.total).toBe(contractDocuments.length)
          pages.push(...namesOf(result.ids))
        }
        expect(pages).toEqual(all)
        const past = await search({ sort: 'amount_desc', page: 5, perPage: 6 })
        expect(past).toMatchObject({ ids: [], total: contractDocuments.length })
        expect(past.facets.subsector).toEqual((await search()).facets.subsector)
      })
    })

    describe('keeping the index', () => {
      async function* once(documents: SearchDocument[]) {
        yield documents
      }
      const idOf = (name: FixtureName) => fixtureDocument(name).id

      beforeEach(async () => {
        await engine.rebuild(() => once(contractDocuments))
      })

      it('lists every indexed id with its hash', async () => {
        expect(await engine.listIndexed()).toEqual(new Map(contractDocuments.map((d) => [d.id, d.hash])))
      })

      it('removes documents by id, unknown ids included', async () => {
        await engine.remove([idOf('pancreas'), '00000000-0000-4000-8000-999999999999'])
        expect(await found('páncreas')).toEqual([])
        expect((await search()).total).toBe(contractDocuments.length - 1)
        expect((await engine.listIndexed()).has(idOf('pancreas'))).toBe(false)
      })

      it('replaces a document indexed again under the same id', async () => {
        const renamed = fixtureDocument('pancreas', {
          texts: { es: { title: 'Terapia contra el cáncer de hígado', summary: 'Anticuerpo conjugado.', description: 'Sin cambios.' } },
          region: 'ES41',
        })
        await engine.index([renamed])
        expect(await found('páncreas')).toEqual([])
        expect(await found('hígado')).toEqual(['pancreas'])
        expect((await search()).total).toBe(contractDocuments.length)
        expect((await search({ filters: { region: ['ES41'] } })).ids).toContain(renamed.id)
        expect((await engine.listIndexed()).get(renamed.id)).toBe(renamed.hash)
      })

      it('indexes a document given twice in one call once', async () => {
        await engine.remove([idOf('sepsis')])
        await engine.index([fixtureDocument('sepsis'), fixtureDocument('sepsis')])
        expect(await found('sépsis')).toEqual(['sepsis'])
        expect((await search()).total).toBe(contractDocuments.length)
      })

      it('rebuilds the whole index from the source', async () => {
        const replacement = [fixtureDocument('omega'), fixtureDocument('sono', { city: 'Matosinhos' })]
        async function* inBatches() {
          yield replacement.slice(0, 1)
          yield replacement.slice(1)
        }
        expect(await engine.rebuild(inBatches)).toEqual({ indexed: 2 })
        expect(namesOf((await search()).ids).sort()).toEqual(['omega', 'sono'])
        expect(await found('páncreas')).toEqual([])
        expect(await found('matosinhos')).toEqual(['sono'])
        expect(await engine.listIndexed()).toEqual(new Map(replacement.map((d) => [d.id, d.hash])))
        expect(await engine.countDocuments()).toBe(2)
      })
    })
  })
}
