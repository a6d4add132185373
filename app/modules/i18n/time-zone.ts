/**
 * The viewer's time zone. Times are stored in UTC and shown in the zone of the person reading
 * them: deadlines differ by an hour between Galicia (Europe/Madrid) and Portugal (Europe/Lisbon).
 * The browser tells its zone through an essential first-party cookie; before it has (or without
 * JavaScript) the zone follows the language: Portuguese readers Lisbon, the others Madrid.
 */
import { dateParts } from './galician'
import type { Locale } from './locales'

export const TIME_ZONE_COOKIE = 'ponte_tz'

/** True for an IANA zone name this runtime knows (Europe/Lisbon), false for anything else. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

export function defaultTimeZoneFor(locale: Locale): string {
  return locale === 'pt' ? 'Europe/Lisbon' : 'Europe/Madrid'
}

/** The cookie the browser sets with its own zone (a year, the whole site, sent on navigations). */
export function timeZoneCookie(timeZone: string): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=/; Max-Age=31536000; SameSite=Lax`
}

/** The zone a request's cookie names, or the language's default. */
export function timeZoneFromCookieHeader(cookieHeader: string | null, locale: Locale): string {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name !== TIME_ZONE_COOKIE) continue
    let zone: string
    try {
      zone = decodeURIComponent(value.join('='))
    } catch {
      break
    }
    if (isTimeZone(zone)) return zone
  }
  return defaultTimeZoneFor(locale)
}

/** A wall-clock time as a `datetime-local` field holds it: "2026-03-29T02:30". */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

/** The wall-clock time of `date` in `timeZone`, as a `datetime-local` field shows it. */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  const p = dateParts(date, timeZone, true)
  const pad = (value: string | number) => String(value).padStart(2, '0')
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * The UTC instant of a wall-clock time in `timeZone`: "2026-10-25T12:00" in Europe/Lisbon is
 * 11:00 UTC. At the clock changes a time may not exist (the hour skipped in spring: `gap`) or
 * exist twice (the hour repeated in autumn): the earlier of the two is taken, so a deadline
 * never falls later than the person writing it may have meant.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | 'invalid' | 'gap' {
  const match = LOCAL_DATE_TIME.exec(local)
  if (!match) return 'invalid'
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  // Not a real date ("2026-02-30T10:00") or hour ("24:00").
  if (Number.isNaN(wall) || utcToZonedLocal(new Date(wall), 'UTC') !== local) return 'invalid'
  // The zone's offset from UTC at an instant ("+02:00" is 7,200,000 ms).
  const offsetAt = (instant: number) => Date.parse(`${utcToZonedLocal(new Date(instant), timeZone)}:00Z`) - instant
  // The offsets a day either side cover both sides of any clock change; keep those that give back the wall-clock time.
  const candidates = [offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)]
    .map((offset) => wall - offset)
    .filter((instant) => utcToZonedLocal(new Date(instant), timeZone) === local)
    .sort((a, b) => a - b)
  return candidates.length ? new Date(candidates[0]!) : 'gap'
}
