/**
 * Small charts drawn on the server as inline SVG (no chart library, nothing run in the browser).
 * Sizes are SVG attributes, which the content security policy allows (inline styles it does not).
 * Every chart is announced as an image with a title and a description, and its figures are
 * also written out (a table, or the labels beside the bars).
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

export interface ChartPoint {
  label: string
  value: number
  /** The value as the reader sees it (a formatted number or amount). */
  display: string
}

const HEIGHT = 100

/** Columns, one per point (per day, per score), with the figures in a table under a disclosure. */
export function ColumnChart(props: { title: string; description: string; points: ChartPoint[]; headers: [string, string]; className?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const max = Math.max(1, ...props.points.map((point) => point.value))
  const width = Math.max(1, props.points.length) * 10
  return (
    <figure className="space-y-2">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        className={`w-full rounded-lg bg-canvas ${props.className ?? 'h-40'}`}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {props.points.map((point, index) => {
          const height = (point.value / max) * (HEIGHT - 4)
          return (
            <rect key={point.label} x={index * 10 + 1.5} width={7} y={HEIGHT - height} height={height} className="fill-brand-500">
              <title>{`${point.label}: ${point.display}`}</title>
            </rect>
          )
        })}
      </svg>
      {props.points.length > 0 ? (
        <figcaption className="flex justify-between text-xs text-muted">
          <span>{props.points[0]!.label}</span>
          <span>{props.points.at(-1)!.label}</span>
        </figcaption>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">{t('pool.charts.showTable')}</summary>
        <table className="mt-2 w-full max-w-sm text-left">
          <thead className="text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="py-1">
                {props.headers[0]}
              </th>
              <th scope="col" className="py-1 text-right">
                {props.headers[1]}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {props.points.map((point) => (
              <tr key={point.label}>
                <th scope="row" className="py-1 font-normal">
                  {point.label}
                </th>
                <td className="py-1 text-right">{point.display}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}

/** Horizontal bars with their labels and figures beside them (the bars themselves are decoration). */
export function BarList({ items, max }: { items: (ChartPoint & { key: string })[]; max?: number }) {
  const top = Math.max(1, max ?? 0, ...items.map((item) => item.value))
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.key} data-bar={item.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr_auto] items-center gap-3 text-sm">
          <span className="text-ink">{item.label}</span>
          <svg viewBox="0 0 100 4" preserveAspectRatio="none" className="h-3 w-full overflow-hidden rounded-full" aria-hidden="true">
            <rect width="100" height="4" className="fill-canvas" />
            <rect width={(item.value / top) * 100} height="4" className="fill-brand-500" />
          </svg>
          <span className="text-right font-semibold tabular-nums text-ink">{item.display}</span>
        </li>
      ))}
    </ul>
  )
}

export interface Segment extends ChartPoint {
  key: string
  /** A Tailwind fill class for the segment and its legend swatch. */
  fill: string
}

/** One bar split into shares (cross-border flows, pool used and left), with a legend that gives each share. */
export function StackedBar({ title, segments, shareOf }: { title: string; segments: Segment[]; shareOf: (value: number) => string }) {
  const id = useId()
  const total = segments.reduce((sum, segment) => sum + segment.value, 0)
  let x = 0
  return (
    <figure className="space-y-3">
      <svg role="img" aria-labelledby={`${id}-title`} viewBox="0 0 100 6" preserveAspectRatio="none" className="h-5 w-full overflow-hidden rounded-full">
        <title id={`${id}-title`}>{`${title}: ${segments.map((s) => `${s.label} ${s.display}`).join(', ')}`}</title>
        <rect width="100" height="6" className="fill-canvas" />
        {total > 0
          ? segments.map((segment) => {
              const width = (segment.value / total) * 100
              const rect = <rect key={segment.key} x={x} width={width} height="6" className={segment.fill} />
              x += width
              return rect
            })
          : null}
      </svg>
      <ul className="space-y-2 text-sm">
        {segments.map((segment) => (
          <li key={segment.key} data-share={segment.key} className="flex items-center gap-2">
            <svg viewBox="0 0 10 10" className="h-3 w-3 shrink-0" aria-hidden="true">
              <rect width="10" height="10" rx="2" className={segment.fill} />
            </svg>
            <span className="text-ink">{segment.label}</span>
            <span className="ml-auto font-semibold tabular-nums text-ink">{segment.display}</span>
            <span className="w-12 text-right text-muted tabular-nums">{shareOf(segment.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  )
}
