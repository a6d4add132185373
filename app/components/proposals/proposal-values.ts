import type { TFunction } from 'i18next'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { localeNames, type Locale } from '~/modules/i18n/locales'
import type { DiffedField, FieldChange } from '~/modules/proposals/diff'
import { labelKey } from '~/modules/proposals/labels'

/** The translation key of each compared fact's label. */
export const fieldLabelKey: Record<DiffedField, string> = {
  amountSoughtCents: 'catalogue.fields.amountSought',
  minimumTicketCents: 'catalogue.fields.minimumTicket',
  preMoneyValuationCents: 'catalogue.fields.preMoneyValuation',
  instrument: 'catalogue.fields.instrument',
  stage: 'catalogue.fields.stage',
  closingDate: 'catalogue.fields.closingDate',
  subsector: 'catalogue.fields.subsector',
  trl: 'catalogue.fields.trl',
  developmentPhase: 'catalogue.fields.developmentPhase',
  modality: 'catalogue.fields.modality',
  therapeuticAreas: 'catalogue.fields.therapeuticAreas',
  regulatoryPathway: 'catalogue.fields.regulatoryPathway',
  deviceClass: 'catalogue.fields.deviceClass',
  ipStatus: 'catalogue.fields.ipStatus',
  useOfFunds: 'catalogue.fields.useOfFunds',
  originalLocale: 'catalogue.fields.originalLocale',
}

/** Fields whose value is a code shown by its translated label. */
const codeLabelKey: Partial<Record<DiffedField, (code: string) => string>> = {
  instrument: labelKey.instrument as (code: string) => string,
  stage: labelKey.stage as (code: string) => string,
  subsector: labelKey.subsector as (code: string) => string,
  developmentPhase: labelKey.developmentPhase as (code: string) => string,
  modality: labelKey.modality as (code: string) => string,
  regulatoryPathway: labelKey.regulatoryPathway as (code: string) => string,
  deviceClass: labelKey.deviceClass as (code: string) => string,
  ipStatus: labelKey.ipStatus as (code: string) => string,
}

type FieldValue = Pick<FieldChange, 'field'> & { value: FieldChange['before'] }

/** A fact's value as a reader of `locale` expects it: money formatted, codes as labels. */
export function formatFieldValue({ field, value }: FieldValue, t: TFunction, locale: Locale): string {
  if (value === null || value === undefined) return t('catalogue.page.notStated')
  switch (field) {
    case 'amountSoughtCents':
    case 'minimumTicketCents':
    case 'preMoneyValuationCents':
      return formatMoney(value as number, locale)
    case 'closingDate':
      return formatDate(new Date(`${value as string}T00:00:00Z`), locale)
    case 'trl':
      return String(value)
    case 'therapeuticAreas': {
      const areas = value as Parameters<typeof labelKey.therapeuticArea>[0][]
      return areas.length ? areas.map((area) => t(labelKey.therapeuticArea(area))).join(', ') : t('catalogue.page.notStated')
    }
    case 'useOfFunds': {
      const items = value as { label: string; amountCents: number }[]
      return items.length ? items.map((item) => `${item.label}: ${formatMoney(item.amountCents, locale)}`).join('; ') : t('catalogue.page.notStated')
    }
    case 'originalLocale':
      return localeNames[value as Locale]
    default: {
      const codeLabel = codeLabelKey[field]
      return codeLabel ? t(codeLabel(value as string)) : String(value)
    }
  }
}
