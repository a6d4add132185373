import { z } from 'zod'

/** How many pages `total` rows make, `perPage` a page (an empty list is one empty page). */
export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage))
}

/** The page to show for a requested one (past the end: the last page), and its row offset. */
export function pageWithin(total: number, requested: number, perPage: number): { page: number; pageCount: number; offset: number } {
  const pageCount = pageCountOf(total, perPage)
  const page = Math.min(Math.max(1, requested), pageCount)
  return { page, pageCount, offset: (page - 1) * perPage }
}

/** The page a list's URL asks for (`?page=`): a whole number from 1, else the first page. */
export const requestedPage = z.coerce.number().int().min(1).max(100_000).catch(1)

/** The text a list's URL searches for (`?q=`): trimmed, at most 100 characters, else none. */
export const searchText = z
  .string()
  .transform((value) => value.trim().slice(0, 100))
  .catch('')

