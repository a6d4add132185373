import en from '~/locales/en'
import es from '~/locales/es'
import gl from '~/locales/gl'
import pt from '~/locales/pt'
import type { Locale } from './locales'

export type Messages = typeof en

/** Every translation, keyed by language. Server-side only: the browser loads just its own language. */
export const resources: Record<Locale, { translation: Messages }> = {
  en: { translation: en },
  es: { translation: es as Messages },
  pt: { translation: pt as Messages },
  gl: { translation: gl as Messages },
}
