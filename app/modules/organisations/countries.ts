import { galicianCountryNames } from '~/modules/i18n/galician'
import { localeTags, type Locale } from '~/modules/i18n/locales'

/** The 27 member states of the European Union (ISO 3166-1 alpha-2). */
export const euCountries = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const

/** A few countries outside the EU that Ponte's investors often come from. */
export const otherCountries = ['CH', 'GB', 'IS', 'LI', 'NO', 'US'] as const

export const countryCodes = [...euCountries, ...otherCountries] as const
export type CountryCode = (typeof countryCodes)[number]

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && (countryCodes as readonly string[]).includes(value)
}

const displayNames = new Map<Locale, Intl.DisplayNames>()

/** The country's name in the reader's language ("Alemaña" in Galician). */
export function countryName(code: string, locale: Locale): string {
  // Many browsers have no Galician names: a table, so server and browser agree (galician.ts).
  if (locale === 'gl') return galicianCountryNames[code] ?? code
  let names = displayNames.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([localeTags[locale]], { type: 'region', fallback: 'code' })
    displayNames.set(locale, names)
  }
  return names.of(code) ?? code
}

/** Every country Ponte accepts, named and sorted in the reader's language. */
export function countryOptions(locale: Locale): { value: CountryCode; label: string }[] {
  const collator = new Intl.Collator(localeTags[locale])
  return countryCodes
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label))
}
