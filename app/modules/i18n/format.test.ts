import { describe, expect, it } from 'vitest'
import { formatDateTime, formatMoney } from './format'

// Intl output uses narrow no-break spaces; normalise them to compare with what a reader sees.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('money formatting', () => {
  it('reads the way each language expects', () => {
    expect(plain(formatMoney(125_000_000, 'es'))).toBe('1.250.000 €')
    expect(plain(formatMoney(125_000_000, 'pt'))).toBe('1 250 000 €')
    expect(plain(formatMoney(125_000_000, 'en'))).toBe('€1,250,000')
    expect(plain(formatMoney(125_000_000, 'gl'))).toBe('1.250.000 €')
  })

  it('shows cents only when there are some', () => {
    expect(plain(formatMoney(1_050, 'en'))).toBe('€10.50')
    expect(plain(formatMoney(1_000, 'en'))).toBe('€10')
  })
})

describe('deadlines', () => {
  it('are exact in Madrid and Lisbon, an hour apart, naming the zone', () => {
    const deadline = new Date('2027-03-01T17:00:00Z')
    expect(plain(formatDateTime(deadline, 'en', 'Europe/Madrid'))).toContain('18:00')
    expect(plain(formatDateTime(deadline, 'en', 'Europe/Lisbon'))).toContain('17:00')
    expect(plain(formatDateTime(deadline, 'en', 'Europe/Madrid'))).toMatch(/CET|GMT\+1/)
  })
})
