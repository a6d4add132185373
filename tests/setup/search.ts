import { proposals } from '../../db/schema'
import type { Db } from '../../db/client'
import { drainSearchOutbox, requestSearchSync } from '../../search/sync.server'
import { testLoadContext } from './context'

/**
 * Brings the test database's search index up to date with every proposal, as the worker's
 * `search.sync` job would (factories may write proposals without going through the outbox).
 */
export async function syncSearch(db: Db): Promise<void> {
  const { search } = testLoadContext(db)
  const ids = (await db.select({ id: proposals.id }).from(proposals)).map((row) => row.id)
  await requestSearchSync(db, ids)
  await drainSearchOutbox(db, search)
}
