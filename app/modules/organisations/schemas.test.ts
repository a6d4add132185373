import { describe, expect, it } from 'vitest'
import { slugify } from './organisations.server'
import { CreateOrganisationSchema, InviteSchema } from './schemas'

const errorsOf = (input: Record<string, unknown>) => {
  const result = CreateOrganisationSchema.safeParse(input)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('the create-organisation form', () => {
  it('accepts a Galician startup and an investor firm, normalising what was typed', () => {
    expect(CreateOrganisationSchema.parse({ kind: 'startup', name: '  Bioloxía  ', country: 'ES', region: 'es11', city: ' Vigo ' })).toEqual({
      kind: 'startup',
      name: 'Bioloxía',
      country: 'ES',
      region: 'ES11',
      city: 'Vigo',
    })
    expect(CreateOrganisationSchema.parse({ kind: 'investor', name: 'Atlantic Angels', country: 'PT', investorType: 'angel_network' })).toMatchObject({
      investorType: 'angel_network',
    })
  })

  it('explains each mistake with a translation key next to its field', () => {
    expect(errorsOf({ kind: 'spaceship', name: 'X', country: 'ES' })).toEqual({ kind: 'organisations.errors.kindRequired' })
    expect(errorsOf({ kind: 'startup', name: 'A', country: 'ZZ', city: 'Vigo', region: 'ES11' })).toMatchObject({
      name: 'organisations.errors.nameTooShort',
      country: 'organisations.errors.countryInvalid',
    })
    expect(errorsOf({ kind: 'startup', name: 'Acme', country: 'ES', region: 'PT11', city: 'Vigo' })).toEqual({ region: 'organisations.errors.regionInvalid' })
    expect(errorsOf({ kind: 'startup', name: 'Acme', country: 'US', region: 'FR10', city: 'Boston' })).toEqual({ country: 'organisations.errors.startupCountry' })
    expect(errorsOf({ kind: 'investor', name: 'Acme', country: 'US' })).toEqual({ investorType: 'organisations.errors.investorTypeRequired' })
  })

  it('lower-cases invited addresses', () => {
    expect(InviteSchema.parse({ intent: 'invite', email: ' Ana@Example.TEST ', role: 'admin' }).email).toBe('ana@example.test')
    expect(InviteSchema.safeParse({ intent: 'invite', email: 'ana', role: 'admin' }).success).toBe(false)
  })
})

describe('slugify', () => {
  it('makes a readable URL part from any name', () => {
    expect(slugify('Bioloxía Galega, S.L.')).toBe('bioloxia-galega-s-l')
    expect(slugify('  Ñandú & Cía  ')).toBe('nandu-cia')
    expect(slugify('!!!')).toBe('organisation')
    expect(slugify('x'.repeat(100))).toHaveLength(60)
  })
})
