/**
 * Selecting a page of hits in a sort's order without ordering every hit. Near the start, a
 * bounded heap of the first hits (O(n log k)); deeper, a selection (quickselect over the hits'
 * sort keys, expected O(n)) puts the hits before the page before it and the later ones after
 * it, then only the page is sorted. The order is total (equal keys broken by a tie order that is
 * 0 only for the same hit), so the page is exactly the one a full sort gives.
 */

/** An order of hits by a numeric key (ascending), equal keys by `tie`: 0 only for the same hit. */
export interface HitOrder {
  key: (hit: number) => number
  tie: (a: number, b: number) => number
}

/** The items at positions `from` to `to` (exclusive) of `items` in the order. */
export function orderedRange(items: Int32Array, from: number, to: number, order: HitOrder): number[] {
  const end = Math.min(to, items.length)
  if (from >= end) return []
  if (end * 64 < items.length) return firstOf(items, end, (a, b) => order.key(a) - order.key(b) || order.tie(a, b)).slice(from)
  const hits = items.slice()
  const keys = new Float64Array(hits.length)
  for (let at = 0; at < hits.length; at++) keys[at] = order.key(hits[at]!)
  if (end < hits.length) select(hits, keys, 0, hits.length - 1, end, order.tie)
  if (from > 0) select(hits, keys, 0, end - 1, from, order.tie)
  const page = Array.from({ length: end - from }, (_, at) => from + at)
  return page.sort((a, b) => keys[a]! - keys[b]! || order.tie(hits[a]!, hits[b]!)).map((at) => hits[at]!)
}

/**
 * Reorders `hits[left..right]` (and their keys) so that the ones before position `nth` come
 * first in the order and the rest after them (Hoare partitions around random pivots).
 */
function select(hits: Int32Array, keys: Float64Array, left: number, right: number, nth: number, tie: HitOrder['tie']): void {
  while (left < right) {
    const at = left + Math.floor(Math.random() * (right - left + 1))
    const pivot = hits[at]!
    const pivotKey = keys[at]!
    let low = left
    let high = right
    while (low <= high) {
      while (keys[low]! < pivotKey || (keys[low] === pivotKey && tie(hits[low]!, pivot) < 0)) low++
      while (keys[high]! > pivotKey || (keys[high] === pivotKey && tie(hits[high]!, pivot) > 0)) high--
      if (low <= high) {
        const hit = hits[low]!
        hits[low] = hits[high]!
        hits[high] = hit
        const key = keys[low]!
        keys[low++] = keys[high]!
        keys[high--] = key
      }
    }
    // Now hits[left..high] come before the pivot, hits[low..right] after it, any between are it.
    if (nth <= high) right = high
    else if (nth >= low) left = low
    else return
  }
}

/** The `count` first items in order, by a bounded heap (the last kept at its root). */
function firstOf(items: Int32Array, count: number, compare: (a: number, b: number) => number): number[] {
  const heap: number[] = []
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = at * 2 + 1
      if (left >= heap.length) return
      const right = left + 1
      const larger = right < heap.length && compare(heap[right]!, heap[left]!) > 0 ? right : left
      if (compare(heap[larger]!, heap[at]!) <= 0) return
      ;[heap[at], heap[larger]] = [heap[larger]!, heap[at]!]
      at = larger
    }
  }
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item)
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1
        if (compare(heap[at]!, heap[parent]!) <= 0) break
        ;[heap[at], heap[parent]] = [heap[parent]!, heap[at]!]
        at = parent
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item
      siftDown(0)
    }
  }
  return heap.sort(compare)
}
