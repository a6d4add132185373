import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format'
import { isTimeZone, timeZoneCookie, timeZoneFromCookieHeader } from './time-zone'

describe('viewer time zone', () => {
  it('reads the browser zone from the cookie, and falls back to the language', () => {
    expect(timeZoneFromCookieHeader(`a=1; ${timeZoneCookie('Europe/Lisbon').split(';')[0]}`, 'es')).toBe('Europe/Lisbon')
    expect(timeZoneFromCookieHeader('ponte_tz=America%2FNew_York', 'pt')).toBe('America/New_York')
    expect(timeZoneFromCookieHeader(null, 'pt')).toBe('Europe/Lisbon')
    expect(timeZoneFromCookieHeader('ponte_tz=Mars%2FOlympus', 'gl')).toBe('Europe/Madrid')
    expect(timeZoneFromCookieHeader('ponte_tz=%E0%A4%A', 'en')).toBe('Europe/Madrid')
    expect(isTimeZone('Europe/Madrid')).toBe(true)
    expect(isTimeZone('<script>')).toBe(false)
  })

  it('shows one deadline an hour apart on both sides of the border', () => {
    const deadline = new Date('2026-03-31T21:59:00Z')
    expect(formatDateTime(deadline, 'en', 'Europe/Madrid')).toBe('31 March 2026 at 23:59 GMT+2')
    expect(formatDateTime(deadline, 'en', 'Europe/Lisbon')).toBe('31 March 2026 at 22:59 GMT+1')
  })
})
