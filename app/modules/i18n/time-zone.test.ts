import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format'
import { isTimeZone, timeZoneCookie, timeZoneFromCookieHeader, utcToZonedLocal, zonedLocalToUtc } from './time-zone'

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

describe('a wall-clock time written in a zone', () => {
  const utc = (local: string, zone: string) => {
    const instant = zonedLocalToUtc(local, zone)
    return instant instanceof Date ? instant.toISOString() : instant
  }

  it('is an hour apart in Madrid and Lisbon, summer and winter', () => {
    expect(utc('2026-07-15T14:00', 'Europe/Madrid')).toBe('2026-07-15T12:00:00.000Z')
    expect(utc('2026-07-15T14:00', 'Europe/Lisbon')).toBe('2026-07-15T13:00:00.000Z')
    expect(utc('2026-01-15T14:00', 'Europe/Madrid')).toBe('2026-01-15T13:00:00.000Z')
    expect(utc('2026-01-15T14:00', 'Europe/Lisbon')).toBe('2026-01-15T14:00:00.000Z')
  })

  it('skips the hour the clocks go forward (29 March 2026) and says so', () => {
    expect(utc('2026-03-29T01:59', 'Europe/Madrid')).toBe('2026-03-29T00:59:00.000Z')
    expect(utc('2026-03-29T02:00', 'Europe/Madrid')).toBe('gap')
    expect(utc('2026-03-29T02:59', 'Europe/Madrid')).toBe('gap')
    expect(utc('2026-03-29T03:00', 'Europe/Madrid')).toBe('2026-03-29T01:00:00.000Z')
    expect(utc('2026-03-29T00:59', 'Europe/Lisbon')).toBe('2026-03-29T00:59:00.000Z')
    expect(utc('2026-03-29T01:30', 'Europe/Lisbon')).toBe('gap')
    expect(utc('2026-03-29T02:00', 'Europe/Lisbon')).toBe('2026-03-29T01:00:00.000Z')
  })

  it('takes the earlier of the hour the clocks go back (25 October 2026)', () => {
    expect(utc('2026-10-25T01:59', 'Europe/Madrid')).toBe('2026-10-24T23:59:00.000Z')
    expect(utc('2026-10-25T02:30', 'Europe/Madrid')).toBe('2026-10-25T00:30:00.000Z')
    expect(utc('2026-10-25T03:00', 'Europe/Madrid')).toBe('2026-10-25T02:00:00.000Z')
    expect(utc('2026-10-25T01:30', 'Europe/Lisbon')).toBe('2026-10-25T00:30:00.000Z')
    expect(utc('2026-10-25T02:00', 'Europe/Lisbon')).toBe('2026-10-25T02:00:00.000Z')
  })

  it('refuses what is not a date and time', () => {
    for (const text of ['', '2026-02-30T10:00', '2026-04-01T24:00', '2026-04-01 10:00', '1 April 2026']) expect(utc(text, 'Europe/Madrid'), text).toBe('invalid')
  })

  it('comes back as the same wall-clock time in its zone', () => {
    expect(utcToZonedLocal(new Date('2026-03-29T01:00:00Z'), 'Europe/Madrid')).toBe('2026-03-29T03:00')
    expect(utcToZonedLocal(new Date('2026-03-29T01:00:00Z'), 'Europe/Lisbon')).toBe('2026-03-29T02:00')
    expect(utcToZonedLocal(new Date('2026-12-31T23:30:00Z'), 'Europe/Madrid')).toBe('2027-01-01T00:30')
  })
})
