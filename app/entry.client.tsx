import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { loadMessages } from '~/modules/i18n/load-messages'
import { defaultLocale, isLocale } from '~/modules/i18n/locales'
import { i18nOptions } from '~/modules/i18n/options'

async function hydrate() {
  const lang = document.documentElement.lang
  const locale = isLocale(lang) ? lang : defaultLocale
  const messages = await loadMessages[locale]()
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng: locale,
    resources: { [locale]: { translation: messages.default } },
  })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
