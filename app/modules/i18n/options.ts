import type { InitOptions } from 'i18next'
import { defaultLocale, supportedLocales } from './locales'

export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: 'translation',
  ns: ['translation'],
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions
