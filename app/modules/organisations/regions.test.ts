import { describe, expect, it } from 'vitest'
import { countryName, countryOptions, isCountryCode } from './countries'
import { clusterRegionCodes, isNutsCode, isRegionOfCountry, nutsRegions, regionName } from './regions'

describe('NUTS-2 regions', () => {
  it('lists the cluster regions and every Spanish and Portuguese region, each once', () => {
    const codes = nutsRegions.map((region) => region.code)
    expect(codes).toEqual(expect.arrayContaining([...clusterRegionCodes]))
    expect(new Set(codes).size).toBe(codes.length)
    expect(nutsRegions.filter((region) => region.country === 'ES')).toHaveLength(19)
    expect(nutsRegions.filter((region) => region.country === 'PT')).toHaveLength(9)
    expect(regionName('ES11')).toBe('Galicia')
    expect(regionName('PT11')).toBe('Norte')
    expect(regionName('ES41')).toBe('Castilla y León')
  })

  it('accepts listed codes and well-formed codes of other EU and EFTA countries', () => {
    for (const code of ['ES11', 'PT1A', 'FR10', 'DE21', 'EL30', 'NO08', 'IE06']) expect(isNutsCode(code), code).toBe(true)
    for (const code of ['ES99', 'PT17x', 'GR30', 'UKI3', 'US12', 'es11', 'E11', '', null, 42]) expect(isNutsCode(code), String(code)).toBe(false)
  })

  it('checks that a region lies in the organisation’s country (Greece is EL in NUTS)', () => {
    expect(isRegionOfCountry('ES11', 'ES')).toBe(true)
    expect(isRegionOfCountry('PT11', 'ES')).toBe(false)
    expect(isRegionOfCountry('EL30', 'GR')).toBe(true)
    expect(isRegionOfCountry('FR10', 'US')).toBe(false)
  })
})

describe('countries', () => {
  it('names countries in the reader’s language and sorts them that way', () => {
    expect(countryName('DE', 'gl')).toBe('Alemaña')
    expect(countryName('DE', 'pt')).toBe('Alemanha')
    expect(countryName('ES', 'en')).toBe('Spain')
    const spanish = countryOptions('es').map((option) => option.label)
    expect(spanish.indexOf('Alemania')).toBeLessThan(spanish.indexOf('España'))
    expect(isCountryCode('PT')).toBe(true)
    expect(isCountryCode('ZZ')).toBe(false)
  })
})
