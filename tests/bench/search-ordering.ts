/**
 * Micro-benchmark of the search engine's page selection (search/ordering.ts): 100,000 hits over
 * synthetic columns (ids as four words, amounts with many ties, publication times), pages at
 * offsets 0..20,000 of 20, for the amount and newest orders. Prints ms per selection (min and median: the machine may be busy).
 * Usage: node --import tsx tests/bench/search-ordering.ts [hits]
 */
import type { HitOrder } from '../../search/ordering'
import { orderedRange } from '../../search/ordering'

const hits = Number(process.argv[2] ?? 100_000)
let seed = 42
/** mulberry32: a repeatable run. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
}
const idWords = Uint32Array.from({ length: hits * 4 }, () => Math.floor(random() * 2 ** 32))
const amount = Float64Array.from({ length: hits }, () => Math.round(random() * 100) * 50_000)
const publishedAt = Float64Array.from({ length: hits }, () => 1_700_000_000 + Math.floor(random() * 30_000_000))
const byId: HitOrder['tie'] = (a, b) => {
  for (let word = 0; word < 4; word++) {
    const difference = idWords[a * 4 + word]! - idWords[b * 4 + word]!
    if (difference !== 0) return difference
  }
  return 0
}
const orders: Record<string, HitOrder> = {
  amount_desc: { key: (hit) => -amount[hit]!, tie: byId },
  newest: { key: (hit) => -publishedAt[hit]!, tie: byId },
}
const items = Int32Array.from({ length: hits }, (_, at) => at)
const reference = ({ key, tie }: HitOrder) => Array.from(items).sort((a, b) => key(a) - key(b) || tie(a, b))

console.log(`| order | offset | ms per page of 20: min / median of 15 |`)
console.log(`|---|---|---|`)
for (const [name, order] of Object.entries(orders)) {
  const sorted = reference(order)
  for (const offset of [0, 200, 1_000, 5_000, 10_000, 20_000]) {
    const times: number[] = []
    for (let run = 0; run < 15; run++) {
      const start = performance.now()
      const page = orderedRange(items, offset, offset + 20, order)
      times.push(performance.now() - start)
      if (page.join() !== sorted.slice(offset, offset + 20).join()) throw new Error(`${name} at ${offset}: not the sorted page`)
    }
    times.sort((a, b) => a - b)
    console.log(`| ${name} | ${offset} | ${times[0]!.toFixed(2)} / ${times[7]!.toFixed(2)} |`)
  }
}
