import { describe, expect, it } from 'vitest'
import type { ProposalSnapshot } from '../../../db/schema'
import { diffSnapshots, hasChanges } from './diff'

const base: ProposalSnapshot = {
  originalLocale: 'es',
  texts: {
    es: { title: 'Terapia con fagos', summary: 'Fagos contra Pseudomonas.', description: '## Problema' },
    en: { title: 'Phage therapy', summary: 'Phages against Pseudomonas.', description: '## Problem' },
  },
  amountSoughtCents: 25_000_000,
  minimumTicketCents: 2_500_000,
  preMoneyValuationCents: null,
  instrument: 'equity',
  stage: 'seed',
  closingDate: '2027-03-31',
  subsector: 'health',
  trl: 4,
  developmentPhase: 'preclinical',
  modality: 'biologic',
  therapeuticAreas: ['infectious_diseases', 'respiratory'],
  regulatoryPathway: 'ema_centralised',
  deviceClass: null,
  ipStatus: 'patent_filed',
  useOfFunds: [
    { label: 'Preclinical', amountCents: 15_000_000 },
    { label: 'Team', amountCents: 10_000_000 },
  ],
}

describe('diffSnapshots', () => {
  it('finds nothing between equal versions (therapeutic areas in another order are equal)', () => {
    const diff = diffSnapshots(base, { ...base, therapeuticAreas: ['respiratory', 'infectious_diseases'] })
    expect(hasChanges(diff)).toBe(false)
  })

  it('lists each changed fact with its old and new value', () => {
    const diff = diffSnapshots(base, {
      ...base,
      amountSoughtCents: 30_000_000,
      preMoneyValuationCents: 200_000_000,
      trl: 5,
      closingDate: '2027-06-30',
      useOfFunds: [
        { label: 'Preclinical', amountCents: 20_000_000 },
        { label: 'Team', amountCents: 10_000_000 },
      ],
    })
    expect(diff.fields.map((change) => change.field)).toEqual(['amountSoughtCents', 'preMoneyValuationCents', 'closingDate', 'trl', 'useOfFunds'])
    expect(diff.fields[0]).toEqual({ field: 'amountSoughtCents', before: 25_000_000, after: 30_000_000 })
    expect(diff.fields[1]).toEqual({ field: 'preMoneyValuationCents', before: null, after: 200_000_000 })
    expect(diff.texts).toEqual([])
  })

  it('tells added, removed and changed languages apart, with the changed parts only', () => {
    const diff = diffSnapshots(base, {
      ...base,
      texts: {
        es: { ...base.texts.es!, summary: 'Fagos contra Pseudomonas y Klebsiella.' },
        gl: { title: 'Terapia con fagos', summary: 'Fagos contra Pseudomonas.', description: '## Problema' },
      },
    })
    expect(diff.fields).toEqual([])
    expect(diff.texts).toEqual([
      { locale: 'en', change: 'removed', before: base.texts.en },
      { locale: 'es', change: 'changed', parts: [{ part: 'summary', before: 'Fagos contra Pseudomonas.', after: 'Fagos contra Pseudomonas y Klebsiella.' }] },
      { locale: 'gl', change: 'added', after: { title: 'Terapia con fagos', summary: 'Fagos contra Pseudomonas.', description: '## Problema' } },
    ])
  })
})
