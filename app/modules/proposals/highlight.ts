/**
 * Which words of a text a search matched, for marking them on result cards. Pure (it runs on
 * the server and in the browser alike) and built on the engines' own reading of words
 * (search/text.ts) and synonym list: a word is marked when it is a query word, one of its
 * synonyms, within the query word's typo budget, or starts with it (the last word typed
 * matches as a prefix; longer words also match their plurals and other endings).
 */
import { synonymsOf } from '../../../search/synonyms'
import { editDistance, foldWord, queryWords, typoBudget } from '../../../search/text'

export interface TextPart {
  text: string
  match: boolean
}

/** Query words this short only match whole words or as the last word's prefix (no typos, no endings). */
const MIN_ENDING_WORD = 4

/** A test of one folded word of the text against the query. */
export function wordMatcher(query: string): (folded: string) => boolean {
  const wordsOfQuery = queryWords(query)
  if (wordsOfQuery.length === 0) return () => false
  const exact = new Set(wordsOfQuery.flatMap((word) => synonymsOf(word)))
  const last = wordsOfQuery[wordsOfQuery.length - 1]!
  return (folded) => {
    if (exact.has(folded) || folded.startsWith(last)) return true
    return wordsOfQuery.some((word) => {
      if (word.length < MIN_ENDING_WORD) return false
      if (folded.startsWith(word)) return true
      const budget = typoBudget(word)
      return budget > 0 && editDistance(word, folded, budget) <= budget
    })
  }
}

/** The text cut into parts, the matched words as their own parts (`match: true`). */
export function highlightParts(text: string, query: string): TextPart[] {
  const matches = wordMatcher(query)
  const parts: TextPart[] = []
  let plain = ''
  let at = 0
  for (const token of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!matches(foldWord(token[0]))) continue
    plain += text.slice(at, token.index)
    if (plain) parts.push({ text: plain, match: false })
    parts.push({ text: token[0], match: true })
    plain = ''
    at = token.index + token[0].length
  }
  plain += text.slice(at)
  if (plain) parts.push({ text: plain, match: false })
  return parts
}
