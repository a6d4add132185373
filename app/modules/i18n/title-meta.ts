/** `export const meta = titleMeta` in a route whose loader returns `{ title }` (see page-title.server.ts). */
export function titleMeta({ data }: { data: unknown }) {
  const title = (data as { title?: unknown } | undefined)?.title
  return [{ title: typeof title === 'string' ? title : 'Ponte' }]
}
