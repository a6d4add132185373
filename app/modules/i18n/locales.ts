/** The languages Ponte speaks. Shared by server and browser code. */
export const supportedLocales = ['en', 'es', 'pt', 'gl'] as const
export type Locale = (typeof supportedLocales)[number]
export const defaultLocale: Locale = 'en'

/** Each language named in itself, for the language switcher. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  gl: 'Galego',
}

/** BCP 47 tags used for number and date formatting. */
export const localeTags: Record<Locale, string> = {
  en: 'en-IE',
  es: 'es-ES',
  pt: 'pt-PT',
  gl: 'gl-ES',
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)
}
