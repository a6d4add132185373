import { Form, useLocation, useNavigate, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Spinner } from '~/components/ui/button'
import { regionName } from '~/modules/organisations/regions'
import { labelKey } from '~/modules/proposals/labels'
import {
  closingWithinChoices,
  effectiveSort,
  readCatalogueSearch,
  searchFromForm,
  searchPageUrl,
  type CatalogueSearch,
  type ListFilter,
} from '~/modules/proposals/search-params'
import { developmentPhases, instruments, stages, subsectors, therapeuticAreas, trlLevels } from '~/modules/proposals/taxonomy'
import { searchSorts, type FacetCounts, type SearchFilters, type SearchScope } from '../../../search/types'

/** Facets with more values than this list only those with results. */
const LONG_FACET = 5
/** Typing waits this long after the last key before it searches. */
const TYPING_DELAY_MS = 250

/**
 * The search that the page is showing, or the one it is about to show: controls follow a click at
 * once, before the results arrive.
 */
export function useShownSearch(loaded: CatalogueSearch): {
  shown: CatalogueSearch
  pending: boolean
} {
  const navigation = useNavigation()
  const pending = navigation.state === 'loading' && navigation.location.pathname === '/proposals'
  return {
    shown: pending ? readCatalogueSearch(new URLSearchParams(navigation.location.search)) : loaded,
    pending,
  }
}

/**
 * A text input that keeps what the person is typing while results arrive, and shows the URL's
 * value when the URL changes from elsewhere (back button, a "remove filter" link).
 */
function useUrlSyncedInput(value: string) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const input = ref.current
    if (input && document.activeElement !== input && input.value !== value) input.value = value
  }, [value])
  return ref
}

interface SearchFormProps {
  search: CatalogueSearch
  facets: FacetCounts
  scope: SearchScope
}

/**
 * The search box, sort and filters: one GET form, so it works without JavaScript (the Apply
 * button) and its URL is the search. With JavaScript, typing searches after a short pause and
 * every other change searches at once, keeping the URL canonical.
 */
export function SearchForm({ search, facets, scope }: SearchFormProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const { shown: navigating, pending } = useShownSearch(search)
  // What a click just picked, until the page shows it: a controlled box or select would
  // otherwise spring back for a moment, before the router reports the navigation.
  const [picked, setPicked] = useState<CatalogueSearch | null>(null)
  useEffect(() => setPicked(null), [search])
  const shown = picked ?? navigating
  const typingTimer = useRef<ReturnType<typeof setTimeout>>()
  // While someone types, one history entry holds the search (back returns to before the typing).
  const typingEntry = useRef(false)
  const queryInput = useUrlSyncedInput(search.q)
  const amountMinInput = useUrlSyncedInput(search.filters.amountMinEur?.toString() ?? '')
  const amountMaxInput = useUrlSyncedInput(search.filters.amountMaxEur?.toString() ?? '')
  useEffect(() => () => clearTimeout(typingTimer.current), [])
  // The filters are open in the page's HTML (so they work without JavaScript); on a narrow
  // screen they fold away behind their summary once the page runs, so the results come first.
  const filtersPanel = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (filtersPanel.current && !window.matchMedia('(min-width: 1024px)').matches) filtersPanel.current.open = false
  }, [])
  const activeFilters = Object.keys(search.filters).length

  const go = (form: HTMLFormElement, typing: boolean, next = searchFromForm(new FormData(form))) => {
    const target = searchPageUrl(next)
    if (target === `${location.pathname}${location.search}`) return
    navigate(target, {
      replace: typing && typingEntry.current,
      preventScrollReset: true,
    })
    typingEntry.current = typing
  }

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement
    const form = event.currentTarget
    clearTimeout(typingTimer.current)
    const typing = target.type === 'search' || target.type === 'number'
    if (typing) typingTimer.current = setTimeout(() => go(form, true), TYPING_DELAY_MS)
    else {
      const next = searchFromForm(new FormData(form))
      setPicked(next)
      go(form, false, next)
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    clearTimeout(typingTimer.current)
    go(event.currentTarget, false)
  }

  const f = shown.filters
  const defaultSort = effectiveSort({ q: shown.q, sort: null })
  return (
    <Form method="get" action="/proposals" role="search" aria-label={t('catalogue.search.label')} onChange={onChange} onSubmit={onSubmit} className="space-y-6">
      <div>
        <label htmlFor="proposal-search" className="block text-sm font-medium text-ink">
          {t('catalogue.search.label')}
        </label>
        <div className="relative mt-1.5">
          <input
            ref={queryInput}
            id="proposal-search"
            name="q"
            type="search"
            defaultValue={search.q}
            maxLength={200}
            autoComplete="off"
            placeholder={t('catalogue.search.placeholder')}
            aria-describedby="proposal-search-hint"
            className="block w-full rounded-xl border border-line bg-white py-3 pl-4 pr-12 text-base text-ink shadow-sm placeholder:text-muted/70 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200"
          />
          <span className="absolute inset-y-0 right-4 flex items-center text-brand-700" aria-hidden={!pending}>
            {pending ? (
              <>
                <Spinner />
                <span className="sr-only">{t('catalogue.search.searching')}</span>
              </>
            ) : null}
          </span>
        </div>
        <p id="proposal-search-hint" className="mt-1.5 text-xs text-muted">
          {t(scope === 'verified' ? 'catalogue.search.hintVerified' : 'catalogue.search.hintPublic')}
        </p>
      </div>

      <label className="block text-sm font-medium text-ink">
        {t('catalogue.search.sort')}
        {/* The first choice is the default (best match with words, newest without), sent as nothing: typing words switches to best match unless another order was chosen. */}
        <select name="sort" value={shown.sort && shown.sort !== defaultSort ? shown.sort : ''} onChange={() => {}} className={selectClass}>
          <option value="">{t(`catalogue.search.sorts.${defaultSort}`)}</option>
          {searchSorts
            .filter((option) => option !== defaultSort && option !== 'relevance')
            .map((option) => (
              <option key={option} value={option}>
                {t(`catalogue.search.sorts.${option}`)}
              </option>
            ))}
        </select>
      </label>

      <details ref={filtersPanel} open className="group space-y-6">
        <summary className="flex cursor-pointer items-center justify-between rounded-lg border border-line bg-white px-4 py-2.5 text-sm font-semibold text-ink lg:hidden">
          {activeFilters ? t('catalogue.search.filtersActive', { count: activeFilters }) : t('catalogue.search.filters')}
          <span aria-hidden="true" className="transition group-open:rotate-180">
            ▾
          </span>
        </summary>
        {listFacets(f, facets, scope).map((facet) => (
          <CheckboxFacet
            key={facet.name}
            legend={t(`catalogue.search.facets.${facet.filter}`)}
            name={facet.name}
            codes={facet.codes}
            selected={f[facet.filter]}
            counts={facets[facet.filter]}
            label={(code) => (facet.filter === 'region' ? regionLabel(code) : t(labelKey[facet.filter](code as never)))}
          />
        ))}

        <FacetGroup legend={t('catalogue.search.facets.trl')}>
          <div className="grid grid-cols-2 gap-3">
            {(['trlMin', 'trlMax'] as const).map((name) => (
              <label key={name} className="block text-xs font-medium text-muted">
                {t(name === 'trlMin' ? 'catalogue.search.from' : 'catalogue.search.to')}
                <select name={name} value={f[name] ?? ''} onChange={() => {}} className={selectClass}>
                  <option value="">{t('catalogue.search.any')}</option>
                  {trlLevels.map((level) => (
                    <option key={level} value={level}>
                      {t('catalogue.search.trlOption', {
                        level,
                        count: name === 'trlMin' ? trlCount(facets.trl, level, f.trlMax ?? 9) : trlCount(facets.trl, f.trlMin ?? 1, level),
                      })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </FacetGroup>

        <FacetGroup legend={t('catalogue.search.facets.amount')}>
          <div className="grid grid-cols-2 gap-3">
            {(
              [
                ['amountMin', amountMinInput, search.filters.amountMinEur],
                ['amountMax', amountMaxInput, search.filters.amountMaxEur],
              ] as const
            ).map(([name, ref, value]) => (
              <label key={name} className="block text-xs font-medium text-muted">
                {t(name === 'amountMin' ? 'catalogue.search.from' : 'catalogue.search.to')}
                <input
                  ref={ref}
                  name={name}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1000}
                  defaultValue={value ?? ''}
                  placeholder="€"
                  className={selectClass}
                />
              </label>
            ))}
          </div>
        </FacetGroup>

        <FacetGroup legend={t('catalogue.search.facets.closing')}>
          {[undefined, ...closingWithinChoices].map((days) => (
            <label key={days ?? 'any'} className="flex items-center gap-2 py-0.5 text-sm text-ink">
              <input
                type="radio"
                name="closingWithinDays"
                value={days ?? ''}
                checked={f.closingWithinDays === days}
                onChange={() => {}}
                className="h-4 w-4 accent-brand-700"
              />
              {days === undefined ? t('catalogue.search.anyTime') : t('catalogue.search.closingWithin', { count: days })}
            </label>
          ))}
          {f.closingWithinDays !== undefined && !(closingWithinChoices as readonly number[]).includes(f.closingWithinDays) ? (
            <label className="flex items-center gap-2 py-0.5 text-sm text-ink">
              <input type="radio" name="closingWithinDays" value={f.closingWithinDays} checked onChange={() => {}} className="h-4 w-4 accent-brand-700" />
              {t('catalogue.search.closingWithin', {
                count: f.closingWithinDays,
              })}
            </label>
          ) : null}
        </FacetGroup>

        <Button type="submit" variant="secondary" className="w-full">
          {t('catalogue.search.apply')}
        </Button>
      </details>
    </Form>
  )
}

const selectClass =
  'mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-sm text-ink shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200'

function FacetGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="border-t border-line pt-4">
      <legend className="float-left mb-2 w-full text-sm font-semibold text-ink">{legend}</legend>
      <div className="clear-left">{children}</div>
    </fieldset>
  )
}

/** Results with a TRL in from..to: what picking a level as the range's start or end would give. */
function trlCount(counts: Record<string, number>, from: number, to: number): number {
  return trlLevels.filter((level) => level >= from && level <= to).reduce((total, level) => total + (counts[String(level)] ?? 0), 0)
}

const regionLabel = (code: string) => (regionName(code) === code ? code : `${regionName(code)} (${code})`)

/** The checkbox facets, in order: the URL parameter, the filter it sets, the codes offered. */
function listFacets(filters: SearchFilters, facets: FacetCounts, scope: SearchScope) {
  const list: { name: string; filter: ListFilter; codes: readonly string[] }[] = [
    { name: 'subsector', filter: 'subsector', codes: subsectors },
    { name: 'stage', filter: 'stage', codes: stages },
    { name: 'region', filter: 'region', codes: regionCodes(facets.region, filters.region) },
    { name: 'instrument', filter: 'instrument', codes: instruments },
    { name: 'phase', filter: 'developmentPhase', codes: developmentPhases },
  ]
  // Therapeutic areas belong to the verified tier: no facet for the public scope.
  if (scope === 'verified') list.push({ name: 'therapeuticArea', filter: 'therapeuticArea', codes: therapeuticAreas })
  return list
}

/** Regions to offer: those with results, then any selected ones, most results first. */
function regionCodes(counts: Record<string, number>, selected: readonly string[] = []): string[] {
  const codes = new Set([...Object.keys(counts).filter((code) => (counts[code] ?? 0) > 0), ...selected])
  return [...codes].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b))
}

interface CheckboxFacetProps<Code extends string> {
  legend: string
  name: string
  codes: readonly Code[]
  selected: readonly string[] | undefined
  counts: Record<string, number>
  label: (code: Code) => string
}

/**
 * One facet's values with how many results each would give (counted without this facet's own
 * filter, so picking a second value adds to the results). Values with none are dimmed.
 */
function CheckboxFacet<Code extends string>({ legend, name, codes, selected = [], counts, label }: CheckboxFacetProps<Code>) {
  const { t } = useTranslation()
  // Long lists show only the values that would give results (and the chosen ones).
  const shown = codes.length > LONG_FACET ? codes.filter((code) => (counts[code] ?? 0) > 0 || selected.includes(code)) : codes
  if (shown.length === 0) return null
  return (
    <FacetGroup legend={legend}>
      <ul className="space-y-1">
        {shown.map((code) => {
          const count = counts[code] ?? 0
          const checked = selected.includes(code)
          return (
            <li key={code}>
              <label className={`flex items-center gap-2 text-sm ${count === 0 && !checked ? 'text-muted' : 'text-ink'}`}>
                <input type="checkbox" name={name} value={code} checked={checked} onChange={() => {}} className="h-4 w-4 rounded accent-brand-700" />
                <span className="flex-1">{label(code)}</span>
                <span className="tabular-nums text-xs text-muted" aria-hidden="true">
                  {count}
                </span>
                <span className="sr-only">{t('catalogue.search.facetCount', { count })}</span>
              </label>
            </li>
          )
        })}
      </ul>
    </FacetGroup>
  )
}
