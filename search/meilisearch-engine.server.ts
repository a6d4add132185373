import type { SearchEngine } from './types'

export interface MeilisearchOptions {
  url: string
  apiKey: string | undefined
  searchKey: string | undefined
  index: string
}

export function createMeilisearchEngine(options: MeilisearchOptions): SearchEngine {
  void options
  throw new Error('the Meilisearch engine is being written')
}
