import { describe, expect, it } from 'vitest'
import { notificationValues } from './values'

describe('notificationValues', () => {
  it('formats amounts and dates the reader’s way and keeps the rest', () => {
    const data = { proposal: 'Phages', amountSoughtCents: 125_000_000, closingDate: '2027-03-01', context: 'amount', missing: null }
    expect(notificationValues(data, 'es')).toEqual({ proposal: 'Phages', amountSoughtCents: '1.250.000\u00a0€', closingDate: '1 mar 2027', context: 'amount' })
    expect(notificationValues(data, 'en').amountSoughtCents).toBe('€1,250,000')
  })

  it('leaves values that only look like amounts or dates alone', () => {
    expect(notificationValues({ titleCents: 'ten', startDate: 'tomorrow' }, 'en')).toEqual({ titleCents: 'ten', startDate: 'tomorrow' })
  })
})
