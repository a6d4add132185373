import type { ReactNode } from 'react'

/** A data table that scrolls sideways on narrow screens; the caption is for screen readers. */
export function DataTable({ caption, head, children }: { caption?: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  )
}

/** A column header; figures are right-aligned. */
export function ColumnHeader({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <th scope="col" className={`px-2 py-2 first:pl-0 last:pr-0 ${numeric ? 'text-right' : ''}`}>
      {children}
    </th>
  )
}

/** A cell; figures are right-aligned with even digits. */
export function Cell({ children, numeric = false, figure }: { children: ReactNode; numeric?: boolean; figure?: string }) {
  return (
    <td className={`px-2 py-2 first:pl-0 last:pr-0 ${numeric ? 'text-right tabular-nums' : ''}`} data-figure={figure}>
      {children}
    </td>
  )
}

/** The header cell of a row (its name). */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="px-2 py-2 font-medium text-ink first:pl-0">
      {children}
    </th>
  )
}
