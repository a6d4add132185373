import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { parseEuros, proposalEditorSchema } from '~/modules/proposals/schemas'

const today = '2026-06-01'

/** The editor form as a browser posts it: a complete, valid proposal. */
function form(overrides: Record<string, string | string[] | undefined> = {}): FormData {
  const values: Record<string, string | string[] | undefined> = {
    'texts.en.title': 'Phage therapy',
    'texts.en.summary': 'Phages for resistant infections.',
    'texts.en.description': '## Problem\n\nResistance.',
    amountSought: '250000',
    minimumTicket: '25000',
    preMoneyValuation: '',
    instrument: 'equity',
    stage: 'seed',
    closingDate: '2026-09-30',
    subsector: 'health',
    trl: '4',
    developmentPhase: 'preclinical',
    modality: 'biologic',
    therapeuticAreas: ['infectious_diseases', 'immunology'],
    regulatoryPathway: 'ema_centralised',
    deviceClass: '',
    ipStatus: 'patent_filed',
    'useOfFunds[0].label': 'Preclinical studies',
    'useOfFunds[0].amount': '150000,50',
    'useOfFunds[1].label': 'Team',
    'useOfFunds[1].amount': '99999.50',
    'useOfFunds[2].label': '',
    'useOfFunds[2].amount': '',
    ...overrides,
  }
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item)
  }
  return data
}

function parse(overrides: Record<string, string | string[] | undefined> = {}) {
  return parseWithZod(form(overrides), { schema: proposalEditorSchema(today) })
}

function errorsOf(overrides: Record<string, string | string[] | undefined>) {
  const submission = parse(overrides)
  expect(submission.status).toBe('error')
  return submission.status === 'error' ? submission.error ?? {} : {}
}

describe('the proposal editor form', () => {
  it('turns a valid form into cents, codes and the texts of the filled languages', () => {
    const submission = parse()
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toMatchObject({
      amountSoughtCents: 25_000_000,
      minimumTicketCents: 2_500_000,
      preMoneyValuationCents: null,
      trl: 4,
      deviceClass: null,
      therapeuticAreas: ['infectious_diseases', 'immunology'],
      useOfFunds: [
        { label: 'Preclinical studies', amountCents: 15_000_050 },
        { label: 'Team', amountCents: 9_999_950 },
      ],
    })
    expect(Object.keys(submission.value.texts)).toEqual(['en'])
  })

  it('reads euros with up to two decimals and refuses anything else', () => {
    expect(parseEuros('1234')).toBe(123_400)
    expect(parseEuros('1234,5')).toBe(123_450)
    expect(parseEuros(' 0.07 ')).toBe(7)
    expect(parseEuros('12.345')).toEqual({ error: 'proposals.errors.amountDecimals' })
    expect(parseEuros('-5')).toEqual({ error: 'proposals.errors.amountNegative' })
    expect(parseEuros('1e9')).toEqual({ error: 'proposals.errors.amountInvalid' })
    expect(parseEuros('1000000001')).toEqual({ error: 'proposals.errors.amountTooLarge' })
    expect(errorsOf({ amountSought: '250000.001' }).amountSought).toEqual(['proposals.errors.amountDecimals'])
    expect(errorsOf({ minimumTicket: '-1' }).minimumTicket).toEqual(['proposals.errors.amountNegative'])
    expect(errorsOf({ preMoneyValuation: '99999999999' }).preMoneyValuation).toEqual(['proposals.errors.amountTooLarge'])
  })

  it('needs the use of funds to add up exactly to the amount sought, as an error on the block', () => {
    expect(errorsOf({ 'useOfFunds[1].amount': '99999.49' }).useOfFunds).toEqual(['proposals.errors.useOfFundsSum'])
    expect(errorsOf({ 'useOfFunds[0].label': '', 'useOfFunds[0].amount': '', 'useOfFunds[1].label': '', 'useOfFunds[1].amount': '' }).useOfFunds).toEqual([
      'proposals.errors.useOfFundsRequired',
    ])
    expect(errorsOf({ 'useOfFunds[1].label': '' })['useOfFunds[1].label']).toEqual(['proposals.errors.useOfFundsLabelRequired'])
    expect(errorsOf({ 'useOfFunds[0].label': '', 'useOfFunds[0].amount': '', 'useOfFunds[2].label': 'Lab' })['useOfFunds[2].amount']).toEqual(['proposals.errors.useOfFundsAmountRequired'])
  })

  it('keeps the minimum ticket at or below the amount sought', () => {
    expect(errorsOf({ minimumTicket: '250000.01' }).minimumTicket).toEqual(['proposals.errors.minimumTicketAboveAmount'])
    expect(parse({ minimumTicket: '250000' }).status).toBe('success')
  })

  it('needs one complete language, and all three texts in any language started', () => {
    expect(errorsOf({ 'texts.en.title': '', 'texts.en.summary': '', 'texts.en.description': '' }).texts).toEqual(['proposals.errors.languageRequired'])
    const partial = errorsOf({ 'texts.gl.title': 'Terapia con fagos' })
    expect(partial['texts.gl.summary']).toEqual(['proposals.errors.languageIncomplete'])
    expect(partial['texts.gl.description']).toEqual(['proposals.errors.languageIncomplete'])
    const spanishOnly = parse({
      'texts.en.title': '',
      'texts.en.summary': '',
      'texts.en.description': '',
      'texts.es.title': 'Terapia con fagos',
      'texts.es.summary': 'Fagos contra infecciones resistentes.',
      'texts.es.description': 'Descripción.',
    })
    expect(spanishOnly.status).toBe('success')
    expect(errorsOf({ 'texts.en.title': 'x'.repeat(141) })['texts.en.title']).toEqual(['proposals.errors.titleTooLong'])
    expect(errorsOf({ 'texts.en.summary': 'x'.repeat(601) })['texts.en.summary']).toEqual(['proposals.errors.summaryTooLong'])
  })

  it('matches the phase to the modality family and the device class to the pathway', () => {
    expect(errorsOf({ modality: 'medical_device' }).developmentPhase).toEqual(['proposals.errors.phaseModalityMismatch'])
    expect(errorsOf({ developmentPhase: 'prototype' }).developmentPhase).toEqual(['proposals.errors.phaseModalityMismatch'])
    expect(parse({ modality: 'medical_device', developmentPhase: 'prototype', regulatoryPathway: 'eu_mdr', deviceClass: 'mdr_iia' }).status).toBe('success')
    expect(parse({ modality: 'software', developmentPhase: 'prototype' }).status).toBe('success')
    expect(errorsOf({ deviceClass: 'mdr_iia' }).deviceClass).toEqual(['proposals.errors.deviceClassPathwayMismatch'])
    expect(
      errorsOf({ modality: 'diagnostic_assay', developmentPhase: 'prototype', regulatoryPathway: 'eu_ivdr', deviceClass: 'mdr_iii' }).deviceClass,
    ).toEqual(['proposals.errors.deviceClassPathwayMismatch'])
  })

  it('wants a TRL from 1 to 9, known codes and a closing date after today', () => {
    expect(errorsOf({ trl: '10' }).trl).toEqual(['proposals.errors.trlRange'])
    expect(errorsOf({ trl: '0' }).trl).toEqual(['proposals.errors.trlRange'])
    expect(errorsOf({ instrument: 'tulips' }).instrument).toEqual(['proposals.errors.instrumentRequired'])
    expect(errorsOf({ therapeuticAreas: ['oncology', 'astrology'] })['therapeuticAreas[1]']).toEqual(['proposals.errors.therapeuticAreaInvalid'])
    expect(errorsOf({ closingDate: today }).closingDate).toEqual(['proposals.errors.closingDatePast'])
    expect(errorsOf({ closingDate: '2026-02-30' }).closingDate).toEqual(['proposals.errors.closingDateInvalid'])
  })
})
