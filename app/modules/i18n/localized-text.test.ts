import { describe, expect, it } from 'vitest'
import { pickLocalizedText } from './localized-text'

describe('pickLocalizedText', () => {
  it("prefers the reader's language, then English, then any language there is", () => {
    const text = { en: 'Marine collagen', gl: 'Coláxeno mariño' }
    expect(pickLocalizedText(text, 'gl')).toEqual({ text: 'Coláxeno mariño', lang: 'gl' })
    expect(pickLocalizedText(text, 'pt')).toEqual({ text: 'Marine collagen', lang: 'en' })
    expect(pickLocalizedText({ pt: 'Colagénio marinho', es: '  ' }, 'es')).toEqual({ text: 'Colagénio marinho', lang: 'pt' })
  })

  it('gives nothing for an empty text', () => {
    expect(pickLocalizedText({}, 'en')).toBeNull()
    expect(pickLocalizedText(null, 'en')).toBeNull()
  })
})
