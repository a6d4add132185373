import type { CountryCode } from './countries'

export interface NutsRegion {
  /** NUTS-2 code (NUTS 2024), e.g. ES11. */
  code: string
  /** The region's official name, in its own language. */
  name: string
  /** ISO 3166-1 alpha-2 country of the region. */
  country: 'ES' | 'PT'
}

/**
 * The NUTS-2 regions of Spain and Portugal (NUTS 2024 classification), the cluster's home
 * regions first. Startups elsewhere in the EU enter their region's code (see `isNutsCode`).
 */
export const nutsRegions: readonly NutsRegion[] = [
  { code: 'ES11', name: 'Galicia', country: 'ES' },
  { code: 'PT11', name: 'Norte', country: 'PT' },
  { code: 'ES41', name: 'Castilla y León', country: 'ES' },
  { code: 'ES12', name: 'Principado de Asturias', country: 'ES' },
  { code: 'ES13', name: 'Cantabria', country: 'ES' },
  { code: 'ES21', name: 'País Vasco', country: 'ES' },
  { code: 'ES22', name: 'Comunidad Foral de Navarra', country: 'ES' },
  { code: 'ES23', name: 'La Rioja', country: 'ES' },
  { code: 'ES24', name: 'Aragón', country: 'ES' },
  { code: 'ES30', name: 'Comunidad de Madrid', country: 'ES' },
  { code: 'ES42', name: 'Castilla-La Mancha', country: 'ES' },
  { code: 'ES43', name: 'Extremadura', country: 'ES' },
  { code: 'ES51', name: 'Cataluña', country: 'ES' },
  { code: 'ES52', name: 'Comunitat Valenciana', country: 'ES' },
  { code: 'ES53', name: 'Illes Balears', country: 'ES' },
  { code: 'ES61', name: 'Andalucía', country: 'ES' },
  { code: 'ES62', name: 'Región de Murcia', country: 'ES' },
  { code: 'ES63', name: 'Ciudad de Ceuta', country: 'ES' },
  { code: 'ES64', name: 'Ciudad de Melilla', country: 'ES' },
  { code: 'ES70', name: 'Canarias', country: 'ES' },
  { code: 'PT15', name: 'Algarve', country: 'PT' },
  { code: 'PT19', name: 'Centro', country: 'PT' },
  { code: 'PT1A', name: 'Grande Lisboa', country: 'PT' },
  { code: 'PT1B', name: 'Península de Setúbal', country: 'PT' },
  { code: 'PT1C', name: 'Alentejo', country: 'PT' },
  { code: 'PT1D', name: 'Oeste e Vale do Tejo', country: 'PT' },
  { code: 'PT20', name: 'Região Autónoma dos Açores', country: 'PT' },
  { code: 'PT30', name: 'Região Autónoma da Madeira', country: 'PT' },
]

/** The cluster's three home regions. */
export const clusterRegionCodes = ['ES11', 'PT11', 'ES41'] as const

/**
 * The NUTS country prefix of each country that has NUTS regions (EU and EFTA). NUTS writes
 * Greece as EL where ISO 3166 writes GR.
 */
const nutsPrefixes: Partial<Record<CountryCode, string>> = {
  AT: 'AT', BE: 'BE', BG: 'BG', CY: 'CY', CZ: 'CZ', DE: 'DE', DK: 'DK', EE: 'EE', ES: 'ES', FI: 'FI',
  FR: 'FR', GR: 'EL', HR: 'HR', HU: 'HU', IE: 'IE', IT: 'IT', LT: 'LT', LU: 'LU', LV: 'LV', MT: 'MT',
  NL: 'NL', PL: 'PL', PT: 'PT', RO: 'RO', SE: 'SE', SI: 'SI', SK: 'SK', CH: 'CH', IS: 'IS', LI: 'LI', NO: 'NO',
}

/** Countries whose NUTS-2 regions Ponte lists by name (the others are entered as codes). */
const listedCountries = new Set(nutsRegions.map((region) => region.country))
const listedCodes = new Set(nutsRegions.map((region) => region.code))
const nutsCodePattern = /^([A-Z]{2})[0-9A-Z]{2}$/

/** True for a country that is divided into NUTS regions, i.e. where a startup can be located. */
export function hasNutsRegions(country: string): boolean {
  return country in nutsPrefixes
}

/** True for the regions Ponte names in a list (Spain and Portugal). */
export function hasListedRegions(country: string): boolean {
  return listedCountries.has(country as NutsRegion['country'])
}

/**
 * A well-formed NUTS-2 code of a country with NUTS regions: one of the listed Spanish and
 * Portuguese regions, or a code of another EU/EFTA country such as FR10 or EL30.
 */
export function isNutsCode(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = nutsCodePattern.exec(value)
  if (!match) return false
  const prefix = match[1]!
  if (listedCountries.has(prefix as NutsRegion['country'])) return listedCodes.has(value)
  return Object.values(nutsPrefixes).includes(prefix)
}

/** True when the NUTS-2 `code` lies in `country` (ISO alpha-2). */
export function isRegionOfCountry(code: string, country: string): boolean {
  const prefix = nutsPrefixes[country as CountryCode]
  return prefix !== undefined && isNutsCode(code) && code.startsWith(prefix)
}

export function regionsOf(country: string): readonly NutsRegion[] {
  return nutsRegions.filter((region) => region.country === country)
}

/** The region's name when Ponte lists it, else its code. */
export function regionName(code: string): string {
  return nutsRegions.find((region) => region.code === code)?.name ?? code
}
