/**
 * How search reads words: lower case, accents folded (as PostgreSQL's unaccent does for Latin
 * letters), split on anything that is not a letter or a digit. Shared by the Postgres engine,
 * the highlighter and the synonym list, so that "Oncología", "oncologia" and "ONCOLOGÍA" are
 * one word everywhere.
 */

/** At most this many words of a query are used; the rest is ignored. */
export const MAX_QUERY_WORDS = 10
/** Words longer than this are cut (nothing in a proposal is longer). */
export const MAX_WORD_LENGTH = 64
/** A query's text is cut to this many characters before anything else. */
export const MAX_QUERY_LENGTH = 200

export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
}

/** The folded words of a text, in order (duplicates kept). */
export function words(text: string): string[] {
  return foldWord(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
}

/** The words of a query: at most MAX_QUERY_WORDS, each at most MAX_WORD_LENGTH long. */
export function queryWords(text: string): string[] {
  return words(text.slice(0, MAX_QUERY_LENGTH))
    .slice(0, MAX_QUERY_WORDS)
    .map((word) => word.slice(0, MAX_WORD_LENGTH))
}

/**
 * Typos tolerated in a word of this length, as Meilisearch counts them by default: none under
 * 5 letters, one from 5, two from 9.
 */
export function typoBudget(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0
}

/** Damerau-Levenshtein distance (adjacent swaps count as one), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return max + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}
