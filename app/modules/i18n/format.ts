import { galicianDate, galicianDateTime, galicianNumberTag } from './galician'
import { localeTags, type Locale } from './locales'

/** The Intl tag for numbers: Galician numbers through Spanish data, which every browser has (see galician.ts). */
const numberTag = (locale: Locale) => (locale === 'gl' ? galicianNumberTag : localeTags[locale])

/** Formats integer euro cents the way readers of `locale` expect (1.250.000 € in Spanish). */
export function formatMoney(cents: number, locale: Locale, options: { decimals?: boolean } = {}): string {
  const decimals = options.decimals ?? cents % 100 !== 0
  return new Intl.NumberFormat(numberTag(locale), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: decimals ? 2 : 0,
    maximumFractionDigits: decimals ? 2 : 0,
    // Spanish omits the grouping separator for four-digit numbers unless asked.
    useGrouping: 'always',
  }).format(cents / 100)
}

/** A number in the reader's way; `decimals` fixes the fraction digits, `signed` shows + on positive values (z-scores). */
export function formatNumber(value: number, locale: Locale, options: { decimals?: number; signed?: boolean } = {}): string {
  return new Intl.NumberFormat(numberTag(locale), {
    useGrouping: 'always',
    minimumFractionDigits: options.decimals,
    maximumFractionDigits: options.decimals,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(value)
}

/** A date and time in the viewer's time zone, naming the zone (deadlines must be exact). */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  if (locale === 'gl') return galicianDateTime(date, timeZone)
  return new Intl.DateTimeFormat(localeTags[locale], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date)
}

export function formatDate(date: Date, locale: Locale, timeZone = 'UTC'): string {
  if (locale === 'gl') return galicianDate(date, timeZone)
  return new Intl.DateTimeFormat(localeTags[locale], { dateStyle: 'medium', timeZone }).format(date)
}
