import { describe, expect, it } from 'vitest'
import { pageWindow } from './pagination'

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
