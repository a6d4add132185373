/**
 * A saved search in words ("“oncology” · Seed · Galicia · TRL 4 to 6"), for the list of saved
 * searches and the digest email. The same labels as the search page's filter chips.
 */
import type { TFunction } from 'i18next'
import { formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { regionName } from '~/modules/organisations/regions'
import { labelKey } from '~/modules/proposals/labels'
import type { CatalogueSearch } from '~/modules/proposals/search-params'

function range(t: TFunction, from: string | null, to: string | null, keys: { range: string; from: string; to: string }): string {
  if (from !== null && to !== null) return t(keys.range, { from, to })
  return from !== null ? t(keys.from, { from }) : t(keys.to, { to })
}

/** The words and filters of a search, each as a short label; empty when it is the whole catalogue. */
export function describeSearch(t: TFunction, search: CatalogueSearch, locale: Locale): string[] {
  const f = search.filters
  const labels: string[] = []
  if (search.q) labels.push(t('catalogue.search.chips.words', { q: search.q }))
  for (const code of f.subsector ?? []) labels.push(t(labelKey.subsector(code)))
  for (const code of f.stage ?? []) labels.push(t(labelKey.stage(code)))
  for (const code of f.region ?? []) labels.push(regionName(code))
  for (const code of f.instrument ?? []) labels.push(t(labelKey.instrument(code)))
  for (const code of f.developmentPhase ?? []) labels.push(t(labelKey.developmentPhase(code)))
  for (const code of f.therapeuticArea ?? []) labels.push(t(labelKey.therapeuticArea(code)))
  if (f.trlMin !== undefined || f.trlMax !== undefined) {
    labels.push(range(t, f.trlMin?.toString() ?? null, f.trlMax?.toString() ?? null, { range: 'catalogue.search.chips.trlRange', from: 'catalogue.search.chips.trlFrom', to: 'catalogue.search.chips.trlTo' }))
  }
  if (f.amountMinEur !== undefined || f.amountMaxEur !== undefined) {
    const money = (euros: number | undefined) => (euros === undefined ? null : formatMoney(euros * 100, locale))
    labels.push(range(t, money(f.amountMinEur), money(f.amountMaxEur), { range: 'catalogue.search.chips.amountRange', from: 'catalogue.search.chips.amountFrom', to: 'catalogue.search.chips.amountTo' }))
  }
  if (f.closingWithinDays !== undefined) labels.push(t('catalogue.search.closingWithin', { count: f.closingWithinDays }))
  return labels
}
