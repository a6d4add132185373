import type { Locale } from './locales'

/** Loads one language's messages in the browser; Vite splits each language into its own chunk. */
export const loadMessages: Record<Locale, () => Promise<{ default: object }>> = {
  en: () => import('~/locales/en'),
  es: () => import('~/locales/es'),
  pt: () => import('~/locales/pt'),
  gl: () => import('~/locales/gl'),
}
