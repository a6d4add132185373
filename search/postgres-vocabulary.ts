/**
 * The indexed words (`search_terms`) in memory, for typo tolerance: a query word's near
 * spellings are the words within its typo budget (search/text.ts), found through the trigrams
 * they share with it (padded as pg_trgm pads them) and checked by edit distance. A lookup
 * takes well under a millisecond where a trigram search of the table took tens.
 */
import { editDistance } from './text'

function trigramsOf(word: string): Set<string> {
  const padded = `  ${word} `
  const trigrams = new Set<string>()
  for (let at = 0; at + 3 <= padded.length; at++) trigrams.add(padded.slice(at, at + 3))
  return trigrams
}

/** An edit changes at most this many of a word's trigrams (an adjacent swap, four). */
const TRIGRAMS_PER_EDIT = 4

export class Vocabulary {
  private readonly terms: string[] = []
  private readonly known = new Set<string>()
  /** Term numbers by trigram: compacted into typed arrays after a full load, new words apart. */
  private readonly compacted = new Map<string, Int32Array>()
  private readonly recent = new Map<string, number[]>()

  get size(): number {
    return this.terms.length
  }

  add(term: string): void {
    if (this.known.has(term)) return
    const number = this.terms.length
    this.terms.push(term)
    this.known.add(term)
    for (const trigram of trigramsOf(term)) {
      const list = this.recent.get(trigram)
      if (list) list.push(number)
      else this.recent.set(trigram, [number])
    }
  }

  /** Moves the lists of new words into typed arrays (after loading many). */
  compact(): void {
    for (const [trigram, list] of this.recent) {
      const before = this.compacted.get(trigram)
      const merged = new Int32Array((before?.length ?? 0) + list.length)
      if (before) merged.set(before)
      merged.set(list, before?.length ?? 0)
      this.compacted.set(trigram, merged)
    }
    this.recent.clear()
  }

  /**
   * The indexed words within `budget` edits of `word`, other than itself: the closest first
   * (then those sharing more trigrams), at most `limit`.
   */
  near(word: string, budget: number, limit: number): string[] {
    const trigrams = trigramsOf(word)
    const shared = new Uint8Array(this.terms.length)
    const touched: number[] = []
    for (const trigram of trigrams) {
      for (const list of [this.compacted.get(trigram), this.recent.get(trigram)]) {
        if (!list) continue
        for (const number of list) if (shared[number]!++ === 0) touched.push(number)
      }
    }
    const needed = Math.max(1, trigrams.size - TRIGRAMS_PER_EDIT * budget)
    const found: { term: string; distance: number; shared: number }[] = []
    for (const number of touched) {
      if (shared[number]! < needed) continue
      const term = this.terms[number]!
      if (term === word || Math.abs(term.length - word.length) > budget) continue
      const distance = editDistance(word, term, budget)
      if (distance <= budget) found.push({ term, distance, shared: shared[number]! })
    }
    return found
      .sort((a, b) => a.distance - b.distance || b.shared - a.shared || (a.term < b.term ? -1 : 1))
      .slice(0, limit)
      .map((candidate) => candidate.term)
  }
}
