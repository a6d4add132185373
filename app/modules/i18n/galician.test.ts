import { describe, expect, it } from 'vitest'
import { countryCodes, countryName, countryOptions } from '../organisations/countries'
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format'

// Node has CLDR's Galician data; many browsers (Chromium) do not, which is why format.ts and
// countries.ts build Galician themselves (galician.ts). What they build must be what Node's
// Galician data says, so the server render and the browser's hydration agree, in Galician.
const moments = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, month * 2 + 1, (month * 5) % 24, month * 7)))
const zones = ['UTC', 'Europe/Madrid', 'Europe/Lisbon']

describe('Galician without the runtime’s Galician data', () => {
  it('writes dates and times as CLDR’s Galician does, in every month and zone', () => {
    for (const date of moments) {
      for (const timeZone of zones) {
        const long = new Intl.DateTimeFormat('gl-ES', {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
          timeZoneName: 'short',
        })
        expect(formatDateTime(date, 'gl', timeZone)).toBe(long.format(date))
        expect(formatDate(date, 'gl', timeZone)).toBe(new Intl.DateTimeFormat('gl-ES', { dateStyle: 'medium', timeZone }).format(date))
      }
    }
    expect(formatDateTime(new Date('2026-07-05T09:03:00Z'), 'gl', 'Europe/Madrid')).toBe('5 de xullo de 2026, 11:03 CEST')
  })

  it('writes numbers and euros as CLDR’s Galician does', () => {
    for (const value of [0, 7, 999, 1_234, 12_345, 1_250_000, 98_765_432]) {
      expect(formatNumber(value, 'gl')).toBe(new Intl.NumberFormat('gl-ES', { useGrouping: 'always' }).format(value))
      for (const cents of [value, value * 100 + 50]) {
        const decimals = cents % 100 !== 0
        const galician = new Intl.NumberFormat('gl-ES', {
          style: 'currency',
          currency: 'EUR',
          minimumFractionDigits: decimals ? 2 : 0,
          maximumFractionDigits: decimals ? 2 : 0,
          useGrouping: 'always',
        })
        expect(formatMoney(cents, 'gl')).toBe(galician.format(cents / 100))
      }
    }
  })

  it('names every listed country as CLDR’s Galician does, in the same order', () => {
    const names = new Intl.DisplayNames(['gl-ES'], { type: 'region' })
    for (const code of countryCodes) expect(countryName(code, 'gl')).toBe(names.of(code))
    // A browser without Galician collation sorts with the root order: it must be the same.
    const labels = countryOptions('gl').map((option) => option.label)
    expect([...labels].sort(new Intl.Collator('und').compare)).toEqual(labels)
  })
})
