import { defaultLocale, isLocale, supportedLocales, type Locale } from './locales'

/** A text kept in up to four languages, as stored in jsonb columns (descriptions, theses, ...). */
export type LocalizedText = Partial<Record<Locale, string>>

/**
 * The version of `text` to show a reader of `locale`: their language, else English, else
 * whichever language there is. Returns the language too, for the element's `lang` attribute.
 */
export function pickLocalizedText(text: LocalizedText | null | undefined, locale: Locale): { text: string; lang: Locale } | null {
  if (!text) return null
  for (const lang of [locale, defaultLocale, ...supportedLocales]) {
    const value = text[lang]?.trim()
    if (value) return { text: value, lang }
  }
  return null
}

/** A form's texts per language as stored: the languages filled in, nothing else. */
export function filledLocalizedText(input: Record<string, string | null | undefined>): LocalizedText {
  const text: LocalizedText = {}
  for (const [lang, value] of Object.entries(input)) if (isLocale(lang) && value) text[lang] = value
  return text
}
