/**
 * The search index follows PostgreSQL through the outbox: a publication becomes searchable once
 * the queue runs, a withdrawal disappears, and nothing written while Meilisearch is down is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeProposal } from '~/modules/proposals/lifecycle.server'
import { searchOutbox } from '../../db/schema'
import { today } from '../../search/documents.server'
import { createSearch } from '../../search/engine.server'
import { drainSearchOutbox } from '../../search/sync.server'
import type { SearchQuery } from '../../search/types'
import { runJobs } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { startMeilisearchStandIn, type MeilisearchStandIn } from '../setup/meilisearch-stand-in'
import { actorFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'

const t = useTestDatabase()

const query = (text: string): SearchQuery => ({ text, filters: {}, sort: 'relevance', page: 1, perPage: 20, scope: 'public', today: today() })

function titled(title: string) {
  return validProposalInput({ texts: { en: { title, summary: `${title}, the teaser.`, description: `${title}, the description.` } } })
}

describe('search sync on the Postgres engine', () => {
  const search = () => createSearch({ meilisearch: undefined }, t.db)

  it('indexes a published proposal once the queue runs, and removes it when withdrawn', async () => {
    const published = await publishedProposal(t.db, { overrides: titled('Seaweed peptide wound dressing') })
    expect((await search().query(query('seaweed'))).ids).toEqual([])
    await runJobs(t.db, t.url)
    expect((await search().query(query('seaweed'))).ids).toEqual([published.id])
    expect(await t.db.select().from(searchOutbox)).toEqual([])

    await closeProposal(t.db, await actorFor(t.db, published.memberId), published.id, 'withdrawn')
    await runJobs(t.db, t.url)
    expect((await search().query(query('seaweed'))).ids).toEqual([])
  })
})

describe('search sync when Meilisearch is down', () => {
  let meili: MeilisearchStandIn
  beforeAll(async () => {
    meili = await startMeilisearchStandIn()
  })
  afterAll(async () => {
    await meili.close()
  })

  it('keeps the change with its error while the server is down, and delivers it when it is back', async () => {
    const engine = createSearch({ meilisearch: { url: meili.url, apiKey: 'admin', searchKey: 'admin', index: 'proposals_sync' } }, t.db)
    await meili.stop()
    const published = await publishedProposal(t.db, { overrides: titled('Microalgae omega-3 for infant nutrition') })
    await expect(drainSearchOutbox(t.db, engine)).rejects.toThrow()
    const [pending] = await t.db.select().from(searchOutbox)
    expect(pending).toMatchObject({ proposalId: published.id, attempts: 1 })
    expect(pending!.lastError).toContain('not reachable')
    // Searching meanwhile is answered by the Postgres engine, and says so.
    const degraded = await engine.query(query('microalgae'))
    expect(degraded.degraded).toBe(true)

    await meili.start()
    await drainSearchOutbox(t.db, engine)
    expect(meili.documents('proposals_sync').map((document) => document.id)).toEqual([published.id])
    expect(await t.db.select().from(searchOutbox)).toEqual([])
  })
})
