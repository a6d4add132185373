import { createCookie } from '@remix-run/node'
import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { defaultLocale, isLocale, supportedLocales, type Locale } from './locales'
import { i18nOptions } from './options'
import { resources } from './resources'

/** Remembers the language a person picked with the switcher (an essential, first-party cookie). */
export const localeCookie = createCookie('ponte_lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    cookie: localeCookie,
    order: ['cookie', 'header'],
  },
})

/** The language of a request: the switcher's cookie, else the account's language, else Accept-Language. */
export async function detectLocale(request: Request, accountLocale?: string | null): Promise<Locale> {
  const fromCookie = await localeCookie.parse(request.headers.get('Cookie'))
  if (isLocale(fromCookie)) return fromCookie
  if (isLocale(accountLocale)) return accountLocale
  const detected = await detector.getLocale(request)
  return isLocale(detected) ? detected : defaultLocale
}

const shared = createInstance()
void shared.init({ ...i18nOptions, resources, lng: defaultLocale, initImmediate: false })

/** A translation function for one language, for emails, jobs and server-side messages. */
export function getFixedT(locale: Locale): TFunction {
  return shared.getFixedT(locale)
}

/** An i18next instance for rendering one response in `locale`. */
export async function createRenderI18n(locale: Locale): Promise<I18n> {
  const instance = createInstance()
  await instance.use(initReactI18next).init({ ...i18nOptions, resources, lng: locale })
  return instance
}
