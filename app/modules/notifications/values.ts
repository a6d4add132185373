import { formatDate, formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'

type NotificationData = Record<string, string | number | null>

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/**
 * A notification's facts ready for its texts in `locale`: amounts (keys ending in `Cents`, integer
 * euro cents) and calendar dates (keys ending in `Date`, YYYY-MM-DD) formatted the reader's way;
 * the rest as stored. `context` picks a variant of a text (i18next: `title_<context>`).
 */
export function notificationValues(data: NotificationData, locale: Locale): Record<string, string | number> {
  const values: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(data)) {
    if (value === null) continue
    if (key.endsWith('Cents') && typeof value === 'number') values[key] = formatMoney(value, locale)
    else if (key.endsWith('Date') && typeof value === 'string' && isoDate.test(value)) values[key] = formatDate(new Date(`${value}T00:00:00Z`), locale)
    else values[key] = value
  }
  return values
}
