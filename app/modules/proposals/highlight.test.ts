import { describe, expect, it } from 'vitest'
import { highlightParts } from './highlight'

const marked = (text: string, query: string) =>
  highlightParts(text, query)
    .filter((part) => part.match)
    .map((part) => part.text)

describe('highlighting matched words', () => {
  it('marks the query words whatever their case and accents, and keeps the text whole', () => {
    const text = 'Terapia génica para la ONCOLOGÍA pediátrica'
    expect(marked(text, 'oncologia')).toEqual(['ONCOLOGÍA'])
    expect(highlightParts(text, 'oncologia').map((part) => part.text).join('')).toBe(text)
  })

  it('marks synonyms across languages', () => {
    expect(marked('A new vaccine against cancer; the tumour shrinks', 'cáncer')).toEqual(['cancer', 'tumour'])
    expect(marked('Vacina contra o cancro', 'vaccine')).toEqual(['Vacina'])
  })

  it('marks words within the typo budget of a long enough query word', () => {
    expect(marked('Anticuerpos monoclonales para oncología', 'oncolojía')).toEqual(['oncología'])
    // Four letters or fewer: no typo allowed, as the engines count it.
    expect(marked('gene and gens', 'gent')).toEqual([])
  })

  it('marks the last word typed as a prefix, and plural endings of longer words', () => {
    expect(marked('Diagnostics for diabetes', 'diag')).toEqual(['Diagnostics'])
    expect(marked('vaccines and vaccinations', 'vaccine')).toEqual(['vaccines'])
  })

  it('marks nothing without words, and treats markup in the text as text', () => {
    expect(highlightParts('<b>cancer</b>', '')).toEqual([{ text: '<b>cancer</b>', match: false }])
    expect(highlightParts('<b>cancer</b>', 'cancer')).toEqual([
      { text: '<b>', match: false },
      { text: 'cancer', match: true },
      { text: '</b>', match: false },
    ])
  })
})
