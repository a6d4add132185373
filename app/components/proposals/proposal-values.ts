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
    case 'instrument':
      return t(labelKey.instrument(value as Parameters<typeof labelKey.instrument>[0]))
    case 'stage':
      return t(labelKey.stage(value as Parameters<typeof labelKey.stage>[0]))
    case 'subsector':
      return t(labelKey.subsector(value as Parameters<typeof labelKey.subsector>[0]))
    case 'developmentPhase':
      return t(labelKey.developmentPhase(value as Parameters<typeof labelKey.developmentPhase>[0]))
    case 'modality':
      return t(labelKey.modality(value as Parameters<typeof labelKey.modality>[0]))
    case 'regulatoryPathway':
      return t(labelKey.regulatoryPathway(value as Parameters<typeof labelKey.regulatoryPathway>[0]))
    case 'deviceClass':
      return t(labelKey.deviceClass(value as Parameters<typeof labelKey.deviceClass>[0]))
    case 'ipStatus':
      return t(labelKey.ipStatus(value as Parameters<typeof labelKey.ipStatus>[0]))
  }
}
