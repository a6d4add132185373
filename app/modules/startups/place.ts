import type { Locale } from '~/modules/i18n/locales'
import { countryName } from '~/modules/organisations/countries'
import { regionName } from '~/modules/organisations/regions'

/**
 * Where a startup is, for cards and profiles: the name of its NUTS-2 region when Ponte lists
 * it ("Galicia", "Norte"), else the country in the reader's language ("Francia").
 */
export function startupRegionLabel(region: string, country: string, locale: Locale): string {
  const name = regionName(region)
  return name === region ? countryName(country, locale) : name
}
