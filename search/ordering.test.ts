import { describe, expect, it } from 'vitest'
import { orderedRange, type HitOrder } from './ordering'

/** Hits 0..n-1 with few distinct keys (many ties), ties by a shuffled rank. */
function hitsWithTies(count: number): { items: Int32Array; order: HitOrder } {
  const key = Float64Array.from({ length: count }, (_, hit) => (hit * 7919) % 13)
  const rank = Int32Array.from({ length: count }, (_, hit) => (hit * 104_729) % count)
  return { items: Int32Array.from({ length: count }, (_, hit) => count - 1 - hit), order: { key: (hit) => key[hit]!, tie: (a, b) => rank[a]! - rank[b]! } }
}

describe('a page of hits in order', () => {
  it('is the same page as a full sort gives, near the start (bounded heap) and deep (selection)', () => {
    const { items, order } = hitsWithTies(10_007)
    const sorted = Array.from(items).sort((a, b) => order.key(a) - order.key(b) || order.tie(a, b))
    for (const [from, to] of [[0, 20], [0, 150], [140, 160], [200, 220], [5_000, 5_020], [9_990, 10_010], [0, 10_007]] as const) {
      expect(orderedRange(items, from, to, order)).toEqual(sorted.slice(from, to))
    }
  })

  it('is empty past the last hit, and leaves the hits as they were', () => {
    const { items, order } = hitsWithTies(500)
    const before = Array.from(items)
    expect(orderedRange(items, 500, 520, order)).toEqual([])
    orderedRange(items, 100, 120, order)
    expect(Array.from(items)).toEqual(before)
  })
})
