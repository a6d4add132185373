/**
 * The search benchmark's workload (tests/bench/search-postgres.ts). Made-up proposals in four languages,
 * each mostly in the words of one demo proposal (its topic) and partly in those of all of them,
 * plus made-up product and startup names, so the vocabulary grows as a real one would (seeded: every run is the same),
 * and a mix of queries: text, text with filters, filters only, sorted; and a seeded maker of the
 * searches people type on the search page (tests/bench/search.ts, tests/bench/investing.ts).
 */
import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { supportedLocales, type Locale } from '../../app/modules/i18n/locales'
import { clusterRegionCodes } from '../../app/modules/organisations/regions'
import { developmentPhases, instruments, stages, subsectors, therapeuticAreas } from '../../app/modules/proposals/taxonomy'
import { buildSearchDocument } from '../../search/documents.server'
import type { SearchDocument, SearchFilters, SearchQuery } from '../../search/types'

export const BENCH_TODAY = Math.floor(Date.parse('2027-03-01') / 86_400_000)

/** A small seeded generator, so that every run indexes the same catalogue. */
let seed = 42
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
  return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

function madeUpWord(): string {
  const syllables = ['bio', 'gen', 'xa', 'ter', 'mol', 'vo', 'cel', 'lum', 'ra', 'ni', 'fa', 'to', 'qui', 'ne', 'zo', 'pla', 'dor', 'mi']
  return Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('')
}

/** The words of one demo proposal per language: a made-up proposal takes most of its words from one topic. */
type Topic = Partial<Record<Locale, string[]>>

export interface Vocabulary {
  topics: Topic[]
  /** Every word of the demo proposals per language, as often as they occur. */
  common: Record<Locale, string[]>
}

const wordsOf = (text: string | undefined) => (text ? text.split(/[^\p{L}\p{N}-]+/u).filter((word) => word.length > 0) : [])

export async function demoVocabulary(): Promise<Vocabulary> {
  const rows = parse(await readFile('db/seed/proposals.csv', 'utf8'), { columns: true }) as Record<string, string>[]
  const common = Object.fromEntries(supportedLocales.map((locale) => [locale, [] as string[]])) as Record<Locale, string[]>
  const topics = rows.map((row) => {
    const topic: Topic = {}
    for (const locale of supportedLocales) {
      const own = row.language === locale ? [row.title, row.summary, row.description] : []
      const words = [...own, row[`title_${locale}`], row[`summary_${locale}`], row[`description_${locale}`]].flatMap(wordsOf)
      if (words.length > 0) topic[locale] = words
      common[locale].push(...words)
    }
    return topic
  })
  return { topics, common }
}

/** `count` words, a share of them from the topic and the rest from the whole language. */
function sentence(topic: string[], common: string[], count: number, topicShare: number, extra?: string): string {
  const chosen = Array.from({ length: count }, () => pick(random() < topicShare ? topic : common))
  if (extra) chosen.splice(Math.floor(random() * chosen.length), 0, extra)
  return chosen.join(' ')
}

export function generateDocuments(count: number, vocabulary: Vocabulary): SearchDocument[] {
  const startups = Array.from({ length: Math.ceil(count / 5) }, () => `${madeUpWord()} ${pick(['Bio', 'Therapeutics', 'Diagnostics', 'Labs', 'Marine'])}`)
  const cities = [
    'Vigo',
    'Santiago de Compostela',
    'A Coruña',
    'Lugo',
    'Ourense',
    'Porto',
    'Braga',
    'Guimarães',
    'Aveiro',
    'Coimbra',
    'León',
    'Valladolid',
    'Salamanca',
    'Burgos',
  ]
  const regions = ['ES11', 'ES41', 'PT11', 'PT19']
  const documents: SearchDocument[] = []
  for (let i = 0; i < count; i++) {
    const topic = pick(vocabulary.topics)
    const available = supportedLocales.filter((locale) => topic[locale])
    const originalLocale = pick(available)
    const locales = random() < 0.4 ? [...new Set([originalLocale, pick(available)])] : [originalLocale]
    const texts: Partial<Record<Locale, { title: string; summary: string; description: string }>> = {}
    const product = madeUpWord()
    for (const locale of locales) {
      const words = topic[locale]!
      texts[locale] = {
        title: sentence(words, vocabulary.common[locale], 4 + Math.floor(random() * 5), 0.9),
        summary: sentence(words, vocabulary.common[locale], 15 + Math.floor(random() * 10), 0.8, product),
        description: sentence(words, vocabulary.common[locale], 60 + Math.floor(random() * 120), 0.6, madeUpWord()),
      }
    }
    const regionIndex = Math.floor(random() * regions.length)
    documents.push(
      buildSearchDocument({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        snapshot: {
          originalLocale,
          texts,
          amountSoughtCents: (100_000 + Math.floor(random() * 99) * 100_000) * 100,
          minimumTicketCents: 2_500_000,
          preMoneyValuationCents: null,
          instrument: pick(instruments),
          stage: pick(stages),
          closingDate: new Date((BENCH_TODAY + Math.floor(random() * 400) - 20) * 86_400_000).toISOString().slice(0, 10),
          subsector: pick(subsectors),
          trl: 1 + Math.floor(random() * 9),
          developmentPhase: pick(developmentPhases),
          modality: 'other',
          therapeuticAreas: [pick(therapeuticAreas), ...(random() < 0.3 ? [pick(therapeuticAreas)] : [])].filter((a, n, all) => all.indexOf(a) === n),
          regulatoryPathway: 'none',
          deviceClass: null,
          ipStatus: 'none',
          useOfFunds: [],
        },
        publishedAt: new Date(Date.parse('2025-01-01') + Math.floor(random() * 800 * 86_400_000)),
        startupName: pick(startups),
        country: regions[regionIndex]!.slice(0, 2),
        region: random() < 0.05 ? null : regions[regionIndex]!,
        city: random() < 0.05 ? null : pick(cities),
      }),
    )
  }
  return documents
}

const base: SearchQuery = { text: '', filters: {}, sort: 'relevance', page: 1, perPage: 20, scope: 'verified', today: BENCH_TODAY }
const texts = [
  'cancer',
  'terapia',
  'diagnóstico',
  'canser',
  'onco',
  'péptidos marinos',
  'ensayo clínico',
  'vacina',
  'sepsis',
  'mejillón biotoxinas',
  'micro',
  'doença rara',
]
const textFilters: SearchFilters[] = [
  { region: ['ES11'] },
  { subsector: ['health', 'marine'], trlMin: 4 },
  { stage: ['seed'], amountMaxEur: 2_000_000 },
  { closingWithinDays: 60 },
]
export const queryMix: { kind: string; queries: SearchQuery[] }[] = [
  { kind: 'text only', queries: texts.map((text) => ({ ...base, text })) },
  {
    kind: 'text + filters',
    queries: texts.map((text, n) => ({
      ...base,
      text,
      scope: n % 2 ? 'public' : 'verified',
      filters: textFilters[n % textFilters.length]!,
    })),
  },
  {
    kind: 'filters only',
    queries: [
      base,
      { ...base, filters: { region: ['PT11'] } },
      { ...base, filters: { region: ['ES11', 'ES41'], subsector: ['diagnostics'] } },
      { ...base, filters: { trlMin: 5, trlMax: 7, instrument: ['equity'] } },
      { ...base, filters: { therapeuticArea: ['oncology'], developmentPhase: ['preclinical', 'phase_1'] } },
      { ...base, scope: 'public', filters: { stage: ['series_a'], closingWithinDays: 30 } },
    ],
  },
  {
    kind: 'sorted',
    queries: [
      { ...base, sort: 'amount_desc' },
      { ...base, sort: 'closing', filters: { region: ['PT19'] } },
      { ...base, sort: 'newest', page: 50 },
      { ...base, sort: 'amount_asc', text: 'terapia' },
      { ...base, sort: 'closing', text: 'diagnóstico', filters: { trlMin: 3 } },
    ],
  },
]

/** A small seeded generator (xorshift32): every run asks the same questions. */
export function seededRandom(seed: number) {
  let state = seed
  const next = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4_294_967_296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => pick(items)))]
  return { next, pick, some }
}
export type SeededRandom = ReturnType<typeof seededRandom>

/**
 * What people type and tick on the search page, made from the demo proposals' words (4 letters
 * or more) and the taxonomy: one or two words of one language, a misspelt word, one to three
 * kinds of filter.
 */
export function catalogueSearchMaker(vocabulary: Vocabulary, random: SeededRandom) {
  const words = Object.fromEntries(
    supportedLocales.map((locale) => [locale, [...new Set(vocabulary.common[locale].map((word) => word.toLowerCase()))].filter((word) => /^\p{L}{4,}$/u.test(word))]),
  ) as Record<Locale, string[]>
  const someWords = () => {
    const locale = random.pick(supportedLocales)
    return Array.from({ length: 1 + Math.floor(random.next() * 2) }, () => random.pick(words[locale])).join(' ')
  }
  /** One typo (a letter changed, dropped, doubled or two swapped) in a word long enough to be forgiven one. */
  const misspelt = () => {
    const locale = random.pick(supportedLocales)
    const word = random.pick(words[locale].filter((w) => w.length >= 6))
    const at = 1 + Math.floor(random.next() * (word.length - 2))
    const typo = [
      () => word.slice(0, at) + random.pick([...'aeioulnrst']) + word.slice(at + 1),
      () => word.slice(0, at) + word.slice(at + 1),
      () => word.slice(0, at) + word[at] + word.slice(at),
      () => word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
    ]
    return random.pick(typo)()
  }
  const amount = () => 100_000 * (1 + Math.floor(random.next() * 99))
  const someFilters = (): SearchFilters => {
    const choices: (() => SearchFilters)[] = [
      () => ({ region: random.some([...clusterRegionCodes, 'PT19'], 2) }),
      () => ({ subsector: random.some(subsectors, 2) }),
      () => ({ stage: random.some(stages, 2) }),
      () => ({ instrument: random.some(instruments, 2) }),
      () => ({ developmentPhase: random.some(developmentPhases, 3) }),
      () => {
        const low = 1 + Math.floor(random.next() * 9)
        return { trlMin: low, trlMax: Math.min(9, low + Math.floor(random.next() * 5)) }
      },
      () => {
        const [low, high] = [amount(), amount()].sort((a, b) => a - b)
        return random.next() < 0.5 ? { amountMinEur: low } : { amountMinEur: low, amountMaxEur: high }
      },
      () => ({ closingWithinDays: 7 + Math.floor(random.next() * 360) }),
    ]
    return Object.assign({}, ...random.some(choices, 3).map((choice) => choice()))
  }
  return { someWords, misspelt, someFilters }
}
