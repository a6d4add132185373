/**
 * `npm run test:meilisearch`: the search contract against a real Meilisearch server
 * (MEILISEARCH_URL, with MEILISEARCH_API_KEY and MEILISEARCH_SEARCH_KEY when it has a master key).
 * Only the contract file runs; it needs no PostgreSQL. The default `npm test` never picks it
 * up (its files end in .spec.ts, not .test.ts).
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '~': fileURLToPath(new URL('../app', import.meta.url)) },
  },
  test: {
    include: ['search/meilisearch.contract.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test' },
  },
})
