import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localeNames, supportedLocales, type Locale } from '~/modules/i18n/locales'

/**
 * Changes the language of the whole interface. Posts to /language, which remembers the choice
 * (a cookie, and the account when signed in); the page reloads in the new language.
 */
export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <Form method="post" action="/language" reloadDocument className="flex items-center gap-1">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-switcher" className="sr-only">
        {t('common.language.label')}
      </label>
      <select
        id="language-switcher"
        name="locale"
        defaultValue={locale}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-line bg-white px-2 py-1.5 text-sm text-ink"
      >
        {supportedLocales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border border-line px-2 py-1.5 text-sm">
          {t('common.language.apply')}
        </button>
      </noscript>
    </Form>
  )
}
