/**
 * GET /api/v1/proposals under hostile input: strings generated from a fixed seed (SQL and
 * Meilisearch filter syntax, tsquery operators, LIKE and regex metacharacters, quotes and
 * backslashes, markup, unicode, right-to-left text, emoji, control characters, very long
 * strings, numbers no parser expects), sent as the words and as every other parameter, by an
 * anonymous client and by a verified investor. Whatever comes in: never a server error; a 400
 * names a parameter that exists; every hit is a published, visible proposal (drafts, submitted
 * and closed proposals carry the same words and never show); the public scope never discloses
 * descriptions or therapeutic areas.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { searchParamNames } from '~/modules/proposals/search-params'
import { closeProposal, submitProposal } from '~/modules/proposals/lifecycle.server'
import { loader as apiLoader } from '~/routes/api.v1.proposals._index'
import { loader as pageLoader } from '~/routes/proposals._index/route'
import { createViewers } from '../proposals/viewers'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { actorFor, createProposalFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute, type RouteReply } from '../setup/routes'
import { syncSearch } from '../setup/search'

const t = useTestDatabase()
const context = () => testLoadContext(t.db)

const SEED = 20_261_204
const GENERATED = 1_100
/** Requests in flight at once (the test database's pool holds four connections). */
const CONCURRENCY = 8

/** Hand-picked hostile pieces; the generator also sends each of them alone. */
const fragments = [
  // SQL and Meilisearch filter syntax
  `" OR 1=1`, `' OR '1'='1`, `'; DROP TABLE proposals; --`, `1; select pg_sleep(5)`, `subsector = health`,
  `subsector = "health" OR stage = seed`, `status = draft`, `status != published`, `id EXISTS`, `region IN [ES11, PT11]`,
  `NOT published`, `trl > 0 AND trl < 10`, `_geoRadius(0, 0, 1)`, `") OR ("1"="1`, `\\" OR \\"1`, `$1`, `?`, `::text`, `E'\\x00'`,
  // quotes, backslashes, LIKE and glob
  `"`, `'`, '`', `\\`, `\\\\`, `\\"`, `\\'`, `%`, `_`, `%_%`, `*`, `\\%`, `\\_`, `[%]`, `?*`,
  // tsquery operators
  `&`, `|`, `!`, `:`, `:*`, `(`, `)`, `()`, `a & b | !c`, `fagos:* & !algas`, `<->`, `<2>`, `'a':*`, `!!!`, `&&&|||`, `(((`, `)))`, `:*:*`, `fagos <-> algas`,
  // regex metacharacters and templates
  `.*`, `^$`, `[a-z]+`, `(?i)`, `\\d+`, `(a+)+$`, `{0}`, `\${jndi:ldap://x}`, `{{7*7}}`, `#{7*7}`, `%s%s%n`,
  // markup
  `<script>alert(1)</script>`, `<mark>`, `</mark>`, `&lt;b&gt;`, `<img src=x onerror=alert(1)>`, `javascript:alert(1)`, `]]>`, `<!--`,
  // unicode, right to left, emoji
  `ñandú`, `Oncología`, `ØÆßŒ`, `İı`, `ﬁbrosis`, `ｆａｇｏｓ`, `שלום`, `مرحبا بالعالم`, `\u202Eevil\u202C`, `\u200B`, `\uFEFF`, `a\u0301`, `🧬`,
  `👩🏽‍🔬`, `🇪🇸`, `𝔣𝔞𝔤𝔬𝔰`, `\uD800`, `\uDFFF`, `\uFFFD`, `漢字`, `Ὀδυσσεύς`,
  // control characters
  `\u0000`, `fagos\u0000algas`, `\u0001`, `\u0007`, `\b`, `\t`, `\n`, `\r\n`, `\u001B[31m`, `\u007F`, `\u0085`, `\u2028`,
  // numbers and values no parser expects
  `1e309`, `-1e309`, `-0`, `-1`, `0`, `00`, `007`, `9007199254740993`, `99999999999999999999999`, `0x1F`, `1_000`, `1,000`, `1.5`, `NaN`,
  `Infinity`, `null`, `undefined`, `true`, `[]`, `{}`, `__proto__`, `constructor`, `%00`, `%2525`, `+`, `,`, `,,,`, ` 5 `, `٥`, `５`,
  // near-valid codes
  `health,`, `,health`, `seed,series_a`, `seed, seed`, `ES11`, `es11`, `ES1`, `ES11 `, `ZZ99`, `ES11,PT11,`, `relevance`, `newest `, `amount_desc;`,
]

/** Words of the proposals below, so that generated queries also match something. */
const realWords = ['fagos', 'algas', 'anticuerpos', 'oncología', 'ensayo', 'Vigo', 'health', 'seed', 'marine', 'fagso', 'anticuerpo']

/** Deterministic pseudo-random numbers (mulberry32). */
function randomFrom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (below: number) => Math.floor(next() * below)
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, pick }
}

const codePointRanges: [number, number][] = [
  [0x00, 0x1f], // C0 controls, NUL included
  [0x20, 0x7e], // ASCII punctuation and letters
  [0x7f, 0x9f], // DEL, C1 controls
  [0xa0, 0x24f], // Latin-1, Latin Extended
  [0x300, 0x36f], // combining marks
  [0x590, 0x6ff], // Hebrew, Arabic
  [0x200b, 0x206f], // zero widths, bidi controls
  [0x4e00, 0x4e80], // CJK
  [0xd800, 0xdfff], // lone surrogates
  [0x1f300, 0x1faff], // emoji
]

/** The hostile strings: every fragment alone, then combinations, long strings and random code points. */
function hostileStrings(seed: number, count: number): string[] {
  const random = randomFrom(seed)
  const out = [...fragments]
  const separators = [' ', '', ',', '\t', ' AND ', ' OR ', '&', '|', '%20', '+']
  while (out.length < count) {
    switch (random.int(6)) {
      case 0:
        out.push(Array.from({ length: 2 + random.int(3) }, () => random.pick(fragments)).join(random.pick(separators)))
        break
      case 1:
        out.push(`${random.pick(realWords)}${random.pick(separators)}${random.pick(fragments)}${random.pick(['', ' ', '*', ':*'])}`)
        break
      case 2: {
        const piece = random.pick([...fragments, ...realWords])
        const length = random.pick([199, 200, 201, 1_000, 5_000, 20_000])
        out.push(piece.repeat(Math.ceil(length / Math.max(1, piece.length))).slice(0, length))
        break
      }
      case 3: {
        const chars = Array.from({ length: 1 + random.int(40) }, () => {
          const [low, high] = random.pick(codePointRanges)
          return String.fromCodePoint(low + random.int(high - low + 1))
        })
        out.push(chars.join(''))
        break
      }
      case 4:
        out.push(`${random.pick(['health', 'seed', 'ES11', 'equity', 'phase_1', 'oncology', '5', '100', 'newest'])}${random.pick(fragments)}`)
        break
      default:
        out.push(String(random.pick([-1, 0, 1, 9, 10, 1_000, 1_000_000_001, Number.MAX_SAFE_INTEGER, 2 ** 64]) * random.pick([1, -1, 0.5, 1e300])))
    }
  }
  return out
}

type Role = 'anonymous' | 'verifiedInvestor'
let cookies: Record<Role, string | null>
const visible = new Set<string>()
const hidden = new Set<string>()

/** Words every proposal carries, visible or not: hostile queries find them all if anything leaks. */
const sharedHostileText = `fagos algas " OR 1=1 subsector = health % _ * & | ! : ( ) <script>alert(1)</script> ñandú שלום 🧬 1e309 \\ '`

function input(title: string, summary: string, description: string) {
  return validProposalInput({ texts: { es: { title, summary, description } } })
}

beforeAll(async () => {
  const viewers = await createViewers(t.db, context())
  cookies = { anonymous: null, verifiedInvestor: viewers.cookies.verifiedInvestor }
  const organiser = await actorFor(t.db, viewers.organiserId)
  const member = await actorFor(t.db, viewers.memberId)
  const at = { organisationId: viewers.startup.id, memberId: viewers.memberId, organiser }
  const proposal = (name: string) => input(`${name} ${sharedHostileText}`, `Anticuerpos y ensayo ${sharedHostileText}`, `Descripción secreta ${name} ${sharedHostileText}`)

  for (const name of ['Fagos marinos', 'Algas de Vigo', 'Anticuerpos para oncología']) {
    visible.add((await publishedProposal(t.db, { ...at, overrides: proposal(name) })).id)
  }
  hidden.add(await createProposalFor(t.db, viewers.startup.id, proposal('Borrador')))
  const submitted = await createProposalFor(t.db, viewers.startup.id, proposal('Enviada'))
  await submitProposal(t.db, member, submitted)
  hidden.add(submitted)
  for (const reason of ['withdrawn', 'funded'] as const) {
    const closed = await publishedProposal(t.db, { ...at, overrides: proposal(`Cerrada ${reason}`) })
    await syncSearch(t.db) // indexed while published, then closed
    await closeProposal(t.db, member, closed.id, reason)
    hidden.add(closed.id)
  }
  await syncSearch(t.db)
})

interface Sent {
  role: Role
  params: [string, string][]
}

function queryOf(params: [string, string][]): string {
  return new URLSearchParams(params).toString()
}

async function api(sent: Sent): Promise<RouteReply> {
  return callRoute(apiLoader, makeRequest(`/api/v1/proposals?${queryOf(sent.params)}`, { cookie: cookies[sent.role] }), context())
}

/** Runs `work` over `items`, `CONCURRENCY` at a time. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]!)
    }),
  )
}

interface Tally {
  requests: number
  ok: number
  refused: number
  withHits: number
}

/** Everything the API may answer to any input, checked on one reply. */
function checkReply(sent: Sent, reply: RouteReply, tally: Tally) {
  const label = `${sent.role} ?${queryOf(sent.params).slice(0, 300)}`
  tally.requests++
  expect(reply.status, label).toBeLessThan(500)
  if (reply.status === 400) {
    tally.refused++
    expect(reply.data, label).toMatchObject({ error: 'invalid_parameter' })
    expect(searchParamNames, label).toContain(reply.data.param)
    expect(sent.params.map(([name]) => name), label).toContain(reply.data.param)
    if (sent.params.length === 1) expect(reply.data.param, label).toBe(sent.params[0]![0])
    expect(typeof reply.data.message, label).toBe('string')
    return
  }
  expect(reply.status, label).toBe(200)
  tally.ok++
  const { hits, total, page, perPage, facets } = reply.data as {
    hits: { id: string; tier: string; texts: Record<string, Record<string, unknown>>; therapeuticAreas?: unknown }[]
    total: number
    page: number
    perPage: number
    facets: Record<string, unknown>
  }
  if (hits.length) tally.withHits++
  // The engine's count holds only what may be shown, and hydration dropped nothing it returned.
  expect(total, label).toBeLessThanOrEqual(visible.size)
  expect(hits.length, label).toBe(Math.max(0, Math.min(perPage, total - (page - 1) * perPage)))
  for (const hit of hits) {
    expect(hidden.has(hit.id), `${label}: a proposal that is not published came back`).toBe(false)
    expect(visible.has(hit.id), label).toBe(true)
  }
  if (sent.role === 'anonymous') {
    expect(facets, label).not.toHaveProperty('therapeuticArea')
    for (const hit of hits) {
      expect(hit.tier, label).toBe('public')
      expect(hit, label).not.toHaveProperty('therapeuticAreas')
      for (const text of Object.values(hit.texts)) expect(text, label).not.toHaveProperty('description')
      expect(JSON.stringify(hit), label).not.toContain('Descripción secreta')
    }
  } else {
    for (const hit of hits) expect(hit.tier, label).toBe('verified')
  }
}

const startedAt = performance.now()
function report(what: string, tally: Tally) {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1)
  console.log(`[api fuzz] ${what}: ${tally.requests} requests, ${tally.ok} answered, ${tally.refused} refused (400), ${tally.withHits} with hits; ${seconds} s since the file started`)
}

const otherParams = searchParamNames.filter((name) => name !== 'q')
const roles: Role[] = ['anonymous', 'verifiedInvestor']

describe('GET /api/v1/proposals under hostile input', () => {
  const strings = hostileStrings(SEED, GENERATED)

  it('starts from proposals the words find: the published ones only, descriptions for the verified scope only', async () => {
    const ids = (reply: RouteReply) => (reply.data.hits as { id: string }[]).map((hit) => hit.id).sort()
    expect(ids(await api({ role: 'anonymous', params: [['q', 'fagos algas']] }))).toEqual([...visible].sort())
    expect(ids(await api({ role: 'verifiedInvestor', params: [['q', 'secreta']] }))).toEqual([...visible].sort())
    expect((await api({ role: 'anonymous', params: [['q', 'secreta']] })).data.total).toBe(0)
    expect(hidden.size).toBe(4)
  })

  it('generates the same hostile strings from the same seed, of every kind', () => {
    expect(strings).toHaveLength(GENERATED)
    expect(hostileStrings(SEED, GENERATED)).toEqual(strings)
    expect(strings.some((text) => text.includes('\u0000'))).toBe(true)
    expect(strings.some((text) => text.length > 5_000)).toBe(true)
    expect(strings.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(true)
    expect(strings.some((text) => /[\u0590-\u06ff]/.test(text))).toBe(true)
  })

  it('answers every string as the words, to both viewers, without a server error or a hidden proposal', async () => {
    const tally: Tally = { requests: 0, ok: 0, refused: 0, withHits: 0 }
    const sends = strings.flatMap((text) => roles.map((role): Sent => ({ role, params: [['q', text]] })))
    await inBatches(sends, async (sent) => {
      const reply = await api(sent)
      checkReply(sent, reply, tally)
      // Only its length makes the words unreadable: 200 characters at most.
      const tooLong = sent.params[0]![1].trim().length > 200
      expect(reply.status, `q of ${sent.params[0]![1].trim().length} characters`).toBe(tooLong ? 400 : 200)
    })
    expect(tally.requests).toBe(strings.length * roles.length)
    // Not vacuous: most strings were searched, and some found proposals.
    expect(tally.ok).toBeGreaterThan(tally.requests / 2)
    expect(tally.withHits).toBeGreaterThan(50)
    report('q', tally)
  }, 180_000)

  it('answers every string in every other parameter, alone and next to hostile words', async () => {
    const tally: Tally = { requests: 0, ok: 0, refused: 0, withHits: 0 }
    const random = randomFrom(SEED + 1)
    const withCompany = (name: string, text: string): [string, string][] =>
      // One in four also carries hostile words and a second hostile parameter.
      random.int(4) > 0 ? [[name, text]] : [['q', random.pick(strings).slice(0, 200)], [name, text], [random.pick(otherParams), random.pick(strings)]]
    // Anonymously, every string in every parameter; as the verified investor (whose session costs
    // a few queries per request), every string in one parameter, each parameter in turn.
    const sends: Sent[] = strings.flatMap((text, index) => [
      ...otherParams.map((name): Sent => ({ role: 'anonymous', params: withCompany(name, text) })),
      { role: 'verifiedInvestor', params: withCompany(otherParams[index % otherParams.length]!, text) },
    ])
    await inBatches(sends, async (sent) => checkReply(sent, await api(sent), tally))
    expect(tally.requests).toBe(strings.length * (otherParams.length + 1))
    expect(tally.refused).toBeGreaterThan(0)
    expect(tally.ok).toBeGreaterThan(0)
    report('other parameters', tally)
  }, 180_000)
})

describe('the search page under the same strings', () => {
  it('reads any URL leniently: always a page, never an error, never a hidden proposal', async () => {
    const strings = hostileStrings(SEED + 2, 200)
    const random = randomFrom(SEED + 3)
    await inBatches(strings, async (text) => {
      const params: [string, string][] = [['q', text], [random.pick(otherParams), random.pick(strings)]]
      const role = random.pick(roles)
      const reply = await callRoute(pageLoader, makeRequest(`/proposals?${queryOf(params)}`, { cookie: cookies[role] }), context())
      const label = `${role} /proposals?${queryOf(params).slice(0, 300)}`
      expect(reply.status, label).toBe(200)
      for (const hit of reply.data.hits as { id: string }[]) expect(visible.has(hit.id), label).toBe(true)
    })
  }, 120_000)
})

