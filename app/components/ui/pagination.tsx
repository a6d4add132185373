import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Page numbers to show: the first, the last and the current one with its neighbours; null is a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount))
  const sorted = [...shown].sort((a, b) => a - b)
  const out: (number | null)[] = []
  for (const p of sorted) {
    const last = out[out.length - 1]
    if (typeof last === 'number' && p - last === 2) out.push(last + 1)
    else if (typeof last === 'number' && p - last > 2) out.push(null)
    out.push(p)
  }
  return out
}

/** The link to each page of the list at `pathname`, keeping the other parameters of `search` (page 1 has no `page`). */
export function pageLinks(pathname: string, search: string): (page: number) => string {
  return (target) => {
    const params = new URLSearchParams(search)
    if (target === 1) params.delete('page')
    else params.set('page', String(target))
    const query = params.toString()
    return query ? `${pathname}?${query}` : pathname
  }
}

const itemClass =
  'inline-flex min-w-10 items-center justify-center rounded-lg border px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300'

/** Previous / numbered / next links; each link is a plain URL, so pages can be shared and bookmarked. */
export function Pagination(props: {
  page: number
  pageCount: number
  hrefFor: (page: number) => string
  /** Names the navigation landmark ("Proposal pages"). */
  label: string
}) {
  const { t } = useTranslation()
  const { page, pageCount, hrefFor } = props
  const labels = {
    nav: props.label,
    previous: t('common.pagination.previous'),
    next: t('common.pagination.next'),
    page: (target: number) => t('common.pagination.page', { page: target }),
  }
  if (pageCount <= 1) return null
  const step = (target: number, label: string, rel: 'prev' | 'next') =>
    target >= 1 && target <= pageCount ? (
      <Link to={hrefFor(target)} rel={rel} className={`${itemClass} border-line bg-white text-ink hover:bg-canvas`}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={`${itemClass} border-line bg-canvas text-muted`}>
        {label}
      </span>
    )
  return (
    <nav aria-label={labels.nav} className="mt-10 flex flex-wrap items-center justify-center gap-2">
      {step(page - 1, labels.previous, 'prev')}
      <ul className="flex flex-wrap items-center gap-2">
        {pageWindow(page, pageCount).map((p, index) =>
          p === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={hrefFor(p)}
                aria-label={labels.page(p)}
                aria-current={p === page ? 'page' : undefined}
                className={`${itemClass} ${p === page ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-white text-ink hover:bg-canvas'}`}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {step(page + 1, labels.next, 'next')}
    </nav>
  )
}
