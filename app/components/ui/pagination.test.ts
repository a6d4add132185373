import { describe, expect, it } from 'vitest'
import { pageLinks, pageWindow } from './pagination'

describe('pageWindow', () => {
  it('shows the first, the last and the neighbours of the current page, with gaps between', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(1, 3)).toEqual([1, 2, 3])
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10])
    // A gap of a single page shows that page instead of an ellipsis.
    expect(pageWindow(3, 10)).toEqual([1, 2, 3, 4, null, 10])
    expect(pageWindow(10, 10)).toEqual([1, null, 9, 10])
  })
})

describe('pageLinks', () => {
  it('keep the list’s filters and drop the page number for the first page', () => {
    const hrefFor = pageLinks('/interests', '?status=pending&page=3')
    expect(hrefFor(1)).toBe('/interests?status=pending')
    expect(hrefFor(4)).toBe('/interests?status=pending&page=4')
    expect(pageLinks('/watchlist', '')(1)).toBe('/watchlist')
  })
})
