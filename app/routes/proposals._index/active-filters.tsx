import { Link } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '~/modules/i18n/format'
import type { Locale } from '~/modules/i18n/locales'
import { regionName } from '~/modules/organisations/regions'
import { labelKey } from '~/modules/proposals/labels'
import { searchPageUrl, withoutFilter, withoutValue, type CatalogueSearch, type ListFilter } from '~/modules/proposals/search-params'
import type { FacetCounts, SearchFilters } from '../../../search/types'

const listFilters: { filter: ListFilter; label: (t: TFunction, code: string) => string }[] = [
  { filter: 'subsector', label: (t, code) => t(labelKey.subsector(code as never)) },
  { filter: 'stage', label: (t, code) => t(labelKey.stage(code as never)) },
  { filter: 'region', label: (_t, code) => regionName(code) },
  { filter: 'instrument', label: (t, code) => t(labelKey.instrument(code as never)) },
  { filter: 'developmentPhase', label: (t, code) => t(labelKey.developmentPhase(code as never)) },
  { filter: 'therapeuticArea', label: (t, code) => t(labelKey.therapeuticArea(code as never)) },
]

interface Narrowing {
  /** What the filter says ("Seed", "TRL 4 to 6"). */
  label: string
  /** The search without it. */
  without: CatalogueSearch
  /** How many results the search would have without it, when the facet counts tell. */
  count: number | null
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0)

function rangeLabel(t: TFunction, from: string | null, to: string | null, keys: { range: string; from: string; to: string }) {
  if (from !== null && to !== null) return t(keys.range, { from, to })
  return from !== null ? t(keys.from, { from }) : t(keys.to, { to })
}

/** The search's range and closing filters, each as one thing to remove. */
function otherNarrowings(t: TFunction, search: CatalogueSearch, facets: FacetCounts | null, locale: Locale): Narrowing[] {
  const f = search.filters
  const out: Narrowing[] = []
  const range = (low: keyof SearchFilters, high: keyof SearchFilters, label: string, count: number | null) => {
    const { filters } = withoutFilter(withoutFilter(search, low), high)
    out.push({ label, without: { ...search, filters, page: 1 }, count })
  }
  if (f.trlMin !== undefined || f.trlMax !== undefined) {
    const label = rangeLabel(t, f.trlMin?.toString() ?? null, f.trlMax?.toString() ?? null, { range: 'catalogue.search.chips.trlRange', from: 'catalogue.search.chips.trlFrom', to: 'catalogue.search.chips.trlTo' })
    range('trlMin', 'trlMax', label, facets ? sum(facets.trl) : null)
  }
  if (f.amountMinEur !== undefined || f.amountMaxEur !== undefined) {
    const money = (euros: number | undefined) => (euros === undefined ? null : formatMoney(euros * 100, locale))
    const label = rangeLabel(t, money(f.amountMinEur), money(f.amountMaxEur), { range: 'catalogue.search.chips.amountRange', from: 'catalogue.search.chips.amountFrom', to: 'catalogue.search.chips.amountTo' })
    range('amountMinEur', 'amountMaxEur', label, null)
  }
  if (f.closingWithinDays !== undefined) {
    out.push({ label: t('catalogue.search.closingWithin', { count: f.closingWithinDays }), without: withoutFilter(search, 'closingWithinDays'), count: null })
  }
  return out
}

/** The filters in force as chips, each with a link that removes it. */
export function ActiveFilters({ search, locale }: { search: CatalogueSearch; locale: Locale }) {
  const { t } = useTranslation()
  const chips: { key: string; label: string; href: string }[] = []
  if (search.q) chips.push({ key: 'q', label: t('catalogue.search.chips.words', { q: search.q }), href: searchPageUrl(withoutFilter(search, 'q')) })
  for (const { filter, label } of listFilters) {
    for (const code of search.filters[filter] ?? []) chips.push({ key: `${filter}:${code}`, label: label(t, code), href: searchPageUrl(withoutValue(search, filter, code)) })
  }
  for (const narrowing of otherNarrowings(t, search, null, locale)) chips.push({ key: narrowing.label, label: narrowing.label, href: searchPageUrl(narrowing.without) })
  if (chips.length === 0) return null
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label={t('catalogue.search.chips.label')} role="group">
      {chips.map((chip) => (
        <Link
          key={chip.key}
          to={chip.href}
          preventScrollReset
          className="inline-flex items-center gap-1.5 rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-100"
          aria-label={t('catalogue.search.chips.remove', { label: chip.label })}
        >
          {chip.label}
          <span aria-hidden="true">×</span>
        </Link>
      ))}
      {chips.length > 1 ? (
        <Link to="/proposals" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          {t('catalogue.search.clearAll')}
        </Link>
      ) : null}
    </div>
  )
}

/**
 * When nothing matches: each thing that narrows the search, as a link that drops it, with how
 * many proposals that would find where the facet counts tell (a facet is counted without its
 * own filter, so its total is the answer without it). The most promising first.
 */
export function NoResultsSuggestions({ search, facets, locale }: { search: CatalogueSearch; facets: FacetCounts; locale: Locale }) {
  const { t } = useTranslation()
  const suggestions: Narrowing[] = []
  if (search.q) suggestions.push({ label: t('catalogue.search.noResults.withoutWords', { q: search.q }), without: withoutFilter(search, 'q'), count: null })
  for (const { filter, label } of listFilters) {
    const codes = search.filters[filter]
    if (!codes?.length) continue
    suggestions.push({
      label: t('catalogue.search.noResults.without', { label: codes.map((code) => label(t, code)).join(', ') }),
      without: withoutFilter(search, filter),
      count: sum(facets[filter]),
    })
  }
  for (const narrowing of otherNarrowings(t, search, facets, locale)) suggestions.push({ ...narrowing, label: t('catalogue.search.noResults.without', { label: narrowing.label }) })
  suggestions.sort((a, b) => (b.count ?? -1) - (a.count ?? -1))
  return (
    <div className="rounded-2xl border border-dashed border-line bg-white px-6 py-10">
      <h2 className="text-center text-base font-semibold text-ink">{t('catalogue.search.noResults.title')}</h2>
      <p className="mx-auto mt-2 max-w-md text-center text-sm text-muted">{t('catalogue.search.noResults.description')}</p>
      <ul className="mx-auto mt-6 max-w-md space-y-2">
        {suggestions
          .filter((suggestion) => suggestion.count !== 0)
          .map((suggestion) => (
            <li key={suggestion.label}>
              <Link to={searchPageUrl(suggestion.without)} className="flex items-center justify-between gap-4 rounded-lg border border-line px-4 py-2.5 text-sm font-medium text-brand-800 hover:bg-brand-50">
                <span>{suggestion.label}</span>
                {suggestion.count !== null ? <span className="shrink-0 text-xs text-muted">{t('catalogue.search.noResults.count', { count: suggestion.count })}</span> : null}
              </Link>
            </li>
          ))}
        <li>
          <Link to="/proposals" className="block px-4 py-2 text-center text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            {t('catalogue.search.noResults.clear')}
          </Link>
        </li>
      </ul>
    </div>
  )
}
