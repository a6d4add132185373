/**
 * Meilisearch filter strings: the clauses each filter gives, and that no value, however hostile,
 * can change a filter's structure. A small tokenizer and parser below read the produced strings
 * the way Meilisearch's filter parser does (crates/filter-parser: a double-quoted value ends at
 * the first quote not escaped by a backslash; `\"` and `\\` are then unescaped) and accept only
 * the shapes the builder may produce: clauses joined by AND.
 */
import { describe, expect, it } from 'vitest'
import { developmentPhases, instruments, stages, subsectors, therapeuticAreas } from '../app/modules/proposals/taxonomy'
import { anyOf, compare, filterClauses, filterExpression, quoted, type FilterAttribute } from './meilisearch-filter'
import { filterableAttributes } from './meilisearch-settings'
import type { SearchFilters } from './types'

// ---------------------------------------------------------------------------------------------
// Reading filters back

type Token = { kind: 'word'; text: string } | { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'symbol'; text: string }

/** Splits a filter into words, integers, quoted strings and symbols; throws on anything else. */
function tokenize(filter: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < filter.length) {
    const rest = filter.slice(at)
    const space = /^ +/.exec(rest)
    const word = /^[A-Za-z_]+/.exec(rest)
    const number = /^-?[0-9]+/.exec(rest)
    const symbol = /^(>=|<=|\[|\]|,)/.exec(rest)
    let token: Token | undefined
    let length: number
    if (space) length = space[0].length
    else if (word) [token, length] = [{ kind: 'word', text: word[0] }, word[0].length]
    else if (number) [token, length] = [{ kind: 'number', value: Number(number[0]) }, number[0].length]
    else if (symbol) [token, length] = [{ kind: 'symbol', text: symbol[0] }, symbol[0].length]
    else if (rest.startsWith('"')) {
      const read = readQuoted(filter, at)
      ;[token, length] = [{ kind: 'string', value: read.value }, read.length]
    } else throw new Error(`unexpected ${JSON.stringify(rest.slice(0, 20))} at ${at}`)
    if (token) tokens.push(token)
    at += length
  }
  return tokens
}

/**
 * A double-quoted value as Meilisearch reads it: it ends at the first `"` not preceded by an
 * escaping backslash (a backslash always takes the next character with it); inside, `\"` stands
 * for `"` and `\\` for `\`. Any other escape is rejected: the builder must never produce one.
 */
function readQuoted(filter: string, start: number): { value: string; length: number } {
  let value = ''
  for (let at = start + 1; at < filter.length; at++) {
    const character = filter[at]!
    if (character === '"') return { value, length: at + 1 - start }
    if (character === '\\') {
      const escaped = filter[at + 1]
      if (escaped !== '"' && escaped !== '\\') throw new Error(`unexpected escape \\${escaped} at ${at}`)
      value += escaped
      at++
    } else value += character
  }
  throw new Error(`unterminated string from ${start}`)
}

type Clause = { attribute: string; in: string[] } | { attribute: string; op: '>=' | '<='; value: number }

/** The clauses of `clause AND clause ...`, each `attribute IN [strings]` or `attribute >= / <= integer`. */
function parse(filter: string): Clause[] {
  const tokens = tokenize(filter)
  let at = 0
  const next = () => tokens[at++]
  const expectSymbol = (text: string) => {
    const token = next()
    if (token?.kind !== 'symbol' || token.text !== text) throw new Error(`expected ${text}, got ${JSON.stringify(token)}`)
  }
  const clauses: Clause[] = []
  for (;;) {
    const attribute = next()
    if (attribute?.kind !== 'word' || !(filterableAttributes as readonly string[]).includes(attribute.text)) throw new Error(`expected an attribute, got ${JSON.stringify(attribute)}`)
    const operator = next()
    if (operator?.kind === 'word' && operator.text === 'IN') {
      expectSymbol('[')
      const values: string[] = []
      while (!(tokens[at]?.kind === 'symbol' && (tokens[at] as { text: string }).text === ']')) {
        if (values.length > 0) expectSymbol(',')
        const value = next()
        if (value?.kind !== 'string') throw new Error(`expected a quoted value, got ${JSON.stringify(value)}`)
        values.push(value.value)
      }
      expectSymbol(']')
      clauses.push({ attribute: attribute.text, in: values })
    } else if (operator?.kind === 'symbol' && (operator.text === '>=' || operator.text === '<=')) {
      const value = next()
      if (value?.kind !== 'number') throw new Error(`expected an integer, got ${JSON.stringify(value)}`)
      clauses.push({ attribute: attribute.text, op: operator.text, value: value.value })
    } else throw new Error(`expected IN, >= or <=, got ${JSON.stringify(operator)}`)
    if (at === tokens.length) return clauses
    const and = next()
    if (and?.kind !== 'word' || and.text !== 'AND') throw new Error(`expected AND, got ${JSON.stringify(and)}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pieces = [
  '"',
  '\\',
  '\\"',
  '\\\\',
  '"\\',
  "'",
  ' OR ',
  ' AND NOT ',
  'OR',
  ')',
  '(',
  ']',
  '[',
  ', ',
  ' = ',
  '!=',
  ' TO ',
  ' IN ["x"]',
  '" OR subsector EXISTS OR "',
  '"] OR region IN ["',
  '\\u0022',
  '\\u{22}',
  '\\x22',
  '\\n',
  '\n',
  '\t',
  '\u0000',
  '\u202e',
  '\u2028',
  'e\u0301',
  '🧬',
  '_geoRadius(45, 5, 10)',
  'marine',
  'ES11',
  ' ',
  '',
]

function hostileValues(count: number): string[] {
  const next = random(20260301)
  const values = [...pieces, 'x'.repeat(10_000), `${'\\"'.repeat(5_000)}`, `${'"'.repeat(3_000)} OR ${'\\'.repeat(3_000)}`]
  while (values.length < count) {
    const length = 1 + Math.floor(next() * 8)
    values.push(Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]!).join(''))
  }
  return values
}

// ---------------------------------------------------------------------------------------------

describe('quoting values', () => {
  it('escapes backslashes and double quotes, and nothing else', () => {
    expect(quoted('marine')).toBe('"marine"')
    expect(quoted('say "hi"')).toBe('"say \\"hi\\""')
    expect(quoted('C:\\path')).toBe('"C:\\\\path"')
    expect(quoted('\\"')).toBe('"\\\\\\""')
    expect(quoted("it's (fine) OR not")).toBe(`"it's (fine) OR not"`)
  })

  it('keeps 1,000+ hostile values inside one quoted string each, which reads back as the value', () => {
    const values = hostileValues(1200)
    expect(values.length).toBeGreaterThanOrEqual(1000)
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!
      const neighbour = values[(i * 7 + 3) % values.length]!
      const filter = [anyOf('region', [value]), anyOf('subsector', ['marine', value, neighbour]), compare('trl', '>=', 3)].join(' AND ')
      expect(parse(filter)).toEqual([
        { attribute: 'region', in: [value] },
        { attribute: 'subsector', in: ['marine', value, neighbour] },
        { attribute: 'trl', op: '>=', value: 3 },
      ])
    }
  })

  it('accepts only integers as bounds', () => {
    expect(compare('trl', '<=', 7)).toBe('trl <= 7')
    expect(() => compare('trl', '>=', 3.5)).toThrow(/integer/)
    expect(() => compare('amountSoughtEur', '>=', Number.NaN)).toThrow(/integer/)
  })
})

describe('the clauses of a query', () => {
  const today = 20_000
  const expression = (filters: SearchFilters, scope: 'public' | 'verified' = 'verified') => filterExpression(filterClauses(filters, scope, today))

  it('gives one clause per filter, ANDed, in a fixed order', () => {
    const filter = expression({
      subsector: ['marine', 'health'],
      stage: ['seed'],
      region: ['ES11', 'PT16'],
      instrument: ['equity'],
      developmentPhase: ['preclinical'],
      therapeuticArea: ['oncology', 'rare_diseases'],
      trlMin: 3,
      trlMax: 6,
      amountMinEur: 100_000,
      amountMaxEur: 2_000_000,
      closingWithinDays: 30,
    })
    expect(filter).toBe(
      'subsector IN ["marine", "health"] AND stage IN ["seed"] AND region IN ["ES11", "PT16"] AND instrument IN ["equity"]' +
        ' AND developmentPhase IN ["preclinical"] AND therapeuticAreas IN ["oncology", "rare_diseases"]' +
        ' AND trl >= 3 AND trl <= 6 AND amountSoughtEur >= 100000 AND amountSoughtEur <= 2000000' +
        ' AND closingDay >= 20000 AND closingDay <= 20030',
    )
  })

  it('gives no filter for no filters and for empty lists', () => {
    expect(expression({})).toBeUndefined()
    expect(expression({ subsector: [], region: [] })).toBeUndefined()
  })

  it('keeps one-sided ranges one-sided, truncates fractions and ignores numbers that are none', () => {
    expect(expression({ trlMin: 8 })).toBe('trl >= 8')
    expect(expression({ amountMaxEur: 400_000.9 })).toBe('amountSoughtEur <= 400000')
    expect(expression({ trlMin: Number.NaN, amountMinEur: Number.POSITIVE_INFINITY })).toBeUndefined()
    expect(expression({ closingWithinDays: 0 })).toBe('closingDay >= 20000 AND closingDay <= 20000')
    expect(expression({ amountMinEur: 1e300 })).toBe(`amountSoughtEur >= ${Number.MAX_SAFE_INTEGER}`)
  })

  it('ignores the therapeutic area filter in the public scope', () => {
    expect(expression({ therapeuticArea: ['oncology'] }, 'public')).toBeUndefined()
    expect(filterClauses({ therapeuticArea: ['oncology'], stage: ['seed'] }, 'public', today).facets).toEqual({ stage: 'stage IN ["seed"]' })
  })

  it('leaves out one facet’s own clause for its disjunctive counts; amount and closing date always stay', () => {
    const clauses = filterClauses({ region: ['ES11'], trlMin: 3, trlMax: 6, amountMinEur: 5, closingWithinDays: 10 }, 'verified', today)
    expect(filterExpression(clauses, 'region')).toBe('trl >= 3 AND trl <= 6 AND amountSoughtEur >= 5 AND closingDay >= 20000 AND closingDay <= 20010')
    expect(filterExpression(clauses, 'trl')).toBe('region IN ["ES11"] AND amountSoughtEur >= 5 AND closingDay >= 20000 AND closingDay <= 20010')
    expect(filterExpression(filterClauses({ stage: ['seed'] }, 'verified', today), 'stage')).toBeUndefined()
  })

  it('drops values outside the allow-lists; a filter left with none matches nothing (IN [])', () => {
    expect(expression({ subsector: ['marine', 'Marine', 'marine" OR "x'] as never[] })).toBe('subsector IN ["marine"]')
    expect(expression({ region: ['es11', 'ES111', 'PT1A'] })).toBe('region IN ["PT1A"]')
    expect(expression({ stage: ['nope'] as never[] })).toBe('stage IN []')
    expect(expression({ subsector: ['marine', 'marine'] })).toBe('subsector IN ["marine"]')
  })

  it('never lets a hostile value into the filter, whatever list it is given in', () => {
    const hostile = hostileValues(1000)
    const lists = { subsector: subsectors, stage: stages, instrument: instruments, developmentPhase: developmentPhases, therapeuticArea: therapeuticAreas, region: ['ES11', 'PT16'] }
    const attributeOf: Record<keyof typeof lists, FilterAttribute> = {
      subsector: 'subsector',
      stage: 'stage',
      instrument: 'instrument',
      developmentPhase: 'developmentPhase',
      therapeuticArea: 'therapeuticAreas',
      region: 'region',
    }
    const names = Object.keys(lists) as (keyof typeof lists)[]
    hostile.forEach((value, i) => {
      const name = names[i % names.length]!
      const valid = lists[name][i % lists[name].length]!
      const filter = expression({ [name]: [value, valid, value], trlMax: 9 } as SearchFilters)!
      // A "hostile" value that happens to be a valid code (the fuzz includes 'marine' and 'ES11') stays.
      const allowed = name === 'region' ? /^[A-Z]{2}[0-9A-Z]{2}$/.test(value) : (lists[name] as readonly string[]).includes(value)
      const kept = [...new Set([...(allowed ? [value] : []), valid])]
      expect(parse(filter)).toEqual([
        { attribute: attributeOf[name], in: kept },
        { attribute: 'trl', op: '<=', value: 9 },
      ])
    })
  })
})
