/**
 * The search contract (contract.ts) against a real Meilisearch server: the Meilisearch engine
 * must answer what the Postgres engine answers. Run with `npm run test:meilisearch` and
 * MEILISEARCH_URL set (plus MEILISEARCH_API_KEY and MEILISEARCH_SEARCH_KEY when the server has a
 * master key). Each run works in an index of its own, deleted at the end.
 */
import { randomBytes } from 'node:crypto'
import { Meilisearch } from 'meilisearch'
import { describeSearchEngineContract } from './contract'
import { createMeilisearchEngine } from './meilisearch-engine.server'

const url = process.env.MEILISEARCH_URL
if (!url) {
  // Failing, not skipping: a contract run that checked nothing must not look green.
  throw new Error(
    'MEILISEARCH_URL is not set. npm run test:meilisearch runs the search contract against a real Meilisearch server: ' +
      'start one (e.g. docker run -p 7700:7700 getmeili/meilisearch) and set MEILISEARCH_URL=http://127.0.0.1:7700 ' +
      '(and MEILISEARCH_API_KEY / MEILISEARCH_SEARCH_KEY if it has a master key).',
  )
}
const apiKey = process.env.MEILISEARCH_API_KEY || undefined
const searchKey = process.env.MEILISEARCH_SEARCH_KEY || apiKey

describeSearchEngineContract('meilisearch', async () => {
  const index = `ponte_contract_${Date.now()}_${randomBytes(3).toString('hex')}`
  const engine = createMeilisearchEngine({
    url,
    apiKey,
    searchKey,
    index,
    // The contract checks answers, not speed: a busy CI machine may take longer than production's 700 ms.
    timeouts: { queryMs: 10_000 },
  })
  return {
    engine,
    cleanup: async () => {
      await new Meilisearch({ host: url, apiKey }).deleteIndex(index).waitTask({ timeout: 60_000 })
    },
  }
})
