/** Proposals per catalogue page. */
export const CATALOGUE_PAGE_SIZE = 20

/** Page 1.. from a URL's `page` (anything odd is page 1: links are shared and bookmarked). */
export function cataloguePage(params: URLSearchParams): number {
  const page = Number(params.get('page'))
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
}

/** The catalogue's URL for a page (page 1 without a query, so links stay short). */
export function catalogueUrl(page: number): string {
  return page > 1 ? `/proposals?page=${page}` : '/proposals'
}
