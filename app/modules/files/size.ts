import { formatNumber } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'

/** A file size as readers expect it: "840 kB", "12,5 MB" (decimal comma where the language has one). */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), locale)} kB`
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, locale)} MB`
}
