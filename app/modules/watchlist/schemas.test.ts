import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { normaliseTags, readWatchlistFilters, WatchlistActionSchema } from './schemas'

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.set(key, value)
  return data
}

describe('watchlist tags', () => {
  it('are trimmed, lower case, single-spaced and without repeats', () => {
    expect(normaliseTags('  Oncology ,SERIES   A, oncology,, ')).toEqual(['oncology', 'series a'])
  })

  it('are refused beyond ten per bookmark or three words each', () => {
    const id = '00000000-0000-4000-8000-000000000001'
    const many = parseWithZod(form({ intent: 'tags', bookmarkId: id, tags: 'a,b,c,d,e,f,g,h,i,j,k' }), { schema: WatchlistActionSchema })
    expect(many.status).toBe('error')
    expect(many.status === 'error' && many.error?.tags).toEqual(['watchlist.errors.tagsTooMany'])
    const wordy = parseWithZod(form({ intent: 'tags', bookmarkId: id, tags: 'one two three four' }), { schema: WatchlistActionSchema })
    expect(wordy.status === 'error' && wordy.error?.tags).toEqual(['watchlist.errors.tagTooLong'])
    const fine = parseWithZod(form({ intent: 'tags', bookmarkId: id, tags: 'Follow up, Q3 committee' }), { schema: WatchlistActionSchema })
    expect(fine.status === 'success' && fine.value).toEqual({ intent: 'tags', bookmarkId: id, tags: ['follow up', 'q3 committee'] })
  })

  it('may all be removed', () => {
    const id = '00000000-0000-4000-8000-000000000001'
    const none = parseWithZod(form({ intent: 'tags', bookmarkId: id, tags: ' , ' }), { schema: WatchlistActionSchema })
    expect(none.status === 'success' && none.value).toMatchObject({ tags: [] })
  })
})

describe('watchlist filters', () => {
  it('read a tag and a known status from the URL, ignoring the rest', () => {
    expect(readWatchlistFilters(new URLSearchParams('tag=%20Oncology&status=closed&page=2'))).toEqual({ tag: 'oncology', status: 'closed', page: 2 })
    expect(readWatchlistFilters(new URLSearchParams('status=lost&page=-3'))).toEqual({ tag: null, status: null, page: 1 })
  })
})
