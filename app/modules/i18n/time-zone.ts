/**
 * The viewer's time zone. Times are stored in UTC and shown in the zone of the person reading
 * them: deadlines differ by an hour between Galicia (Europe/Madrid) and Portugal (Europe/Lisbon).
 * The browser tells its zone through an essential first-party cookie; before it has (or without
 * JavaScript) the zone follows the language: Portuguese readers Lisbon, the others Madrid.
 */
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
