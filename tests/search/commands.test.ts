/**
 * The search index's commands and start-up: `verify` finds what an operator would need to know
 * (proposals missing from the index, ids that should not be there, outdated documents),
 * `reindex` repairs them, `settings` declares the index, on the Postgres engine and against the
 * Meilisearch stand-in; the command itself exits 1 when the index differs. At start-up,
 * Meilisearch being down or hanging never stops Ponte, and an empty Meilisearch index is refilled.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseConfig } from '~/config.server'
import { startupProfileSchema } from '~/modules/dataroom/schemas'
import { drainJobs } from '~/modules/jobs/worker.server'
import { closeProposal } from '~/modules/proposals/lifecycle.server'
import { updateStartupProfile } from '~/modules/startups/profile-editor.server'
import { searchOutbox } from '../../db/schema'
import {
  applySearchSettings,
  configuredIndexes,
  formatVerifyReport,
  checkSearchIndex,
  prepareSearchAtStartup,
  reindexSearch,
  verifySearch,
} from '../../search/commands.server'
import { today } from '../../search/documents.server'
import { createSearch, type Search } from '../../search/engine.server'
import { meilisearchSettings } from '../../search/meilisearch-settings'
import { createPostgresEngine } from '../../search/postgres-engine.server'
import { drainSearchOutbox } from '../../search/sync.server'
import type { SearchQuery } from '../../search/types'
import { startRuntime } from '../../server/runtime'
import { runJobs, TEST_UPLOADS_DIR, testJobContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { startMeilisearchStandIn, type MeilisearchStandIn } from '../setup/meilisearch-stand-in'
import { queuedJobs } from '../setup/routes'
import { actorFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'

const t = useTestDatabase()

const postgresOnly = { meilisearch: undefined }
const onMeilisearch = (url: string, index: string) => ({ meilisearch: { url, apiKey: 'admin', searchKey: 'admin', index } })
const meilisearchEnv = (url: string, index: string) => ({ MEILISEARCH_URL: url, MEILISEARCH_API_KEY: 'admin', MEILISEARCH_INDEX: index })

const query = (text: string): SearchQuery => ({ text, filters: {}, sort: 'relevance', page: 1, perPage: 20, scope: 'public', today: today() })

function titled(title: string) {
  return validProposalInput({ texts: { en: { title, summary: `${title}, the teaser.`, description: `${title}, the description.` } } })
}

async function renameStartup(organisationId: string, name: string) {
  const input = startupProfileSchema('ES').parse({ name, region: 'ES11', city: 'Santiago de Compostela' })
  await updateStartupProfile(t.db, TEST_UPLOADS_DIR, organisationId, input, undefined)
}

const run = promisify(execFile)

/** Runs `node --import tsx search/cli.ts …` on the test database, as `npm run search:…` would. */
async function searchCommand(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const childEnv = { ...process.env, DATABASE_URL: t.url, MEILISEARCH_URL: '', ...env }
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'search/cli.ts', ...args], { env: childEnv })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

describe('search:verify and search:reindex on the Postgres engine', () => {
  const search = () => createSearch(postgresOnly, t.db)
  const verify = () => verifySearch(t.db, configuredIndexes(postgresOnly, t.db))
  let first: Awaited<ReturnType<typeof publishedProposal>>
  let second: Awaited<ReturnType<typeof publishedProposal>>
  let third: Awaited<ReturnType<typeof publishedProposal>>

  beforeAll(async () => {
    first = await publishedProposal(t.db, { overrides: titled('Seaweed peptide wound dressing') })
    second = await publishedProposal(t.db, { overrides: titled('Chestnut tannin antivirals') })
    third = await publishedProposal(t.db, { overrides: titled('Cork-derived bone scaffolds') })
  })

  it('reports the index in sync once the sync job has run', async () => {
    await runJobs(t.db, t.url)
    const report = await verify()
    expect(report).toMatchObject({ expected: 3, inSync: true, indexes: [{ engine: 'postgres', indexed: 3, missing: [], extra: [], stale: [] }] })
    expect(formatVerifyReport(report)).toContain('PostgreSQL: 3 document(s), in sync')
  })

  it('reports a proposal removed from the index behind its back as missing', async () => {
    await createPostgresEngine(t.db).remove([first.id])
    const report = await verify()
    expect(report.inSync).toBe(false)
    expect(report.indexes[0]).toMatchObject({ indexed: 2, missing: [first.id], extra: [], stale: [] })
    expect(formatVerifyReport(report)).toEqual(expect.arrayContaining(['  1 missing from the index:', `    ${first.id}`]))
  })

  it('reports the document of a startup that renamed itself as outdated until the sync runs, and says the change is waiting', async () => {
    await renameStartup(second.organisationId, 'Castaña Bio')
    const report = await verify()
    expect(report.indexes[0]!.stale).toEqual([second.id])
    expect(report.outbox.pending).toBe(1)
    expect(formatVerifyReport(report).join('\n')).toContain('1 change(s) wait in the search outbox')
  })

  it('reports a withdrawn proposal still in the index as an id that should not be there', async () => {
    await closeProposal(t.db, await actorFor(t.db, third.memberId), third.id, 'withdrawn')
    const report = await verify()
    expect(report).toMatchObject({ expected: 2, inSync: false })
    expect(report.indexes[0]).toMatchObject({ missing: [first.id], stale: [second.id], extra: [third.id] })
    expect((await search().query(query('cork'))).ids).toEqual([third.id])
  })

  it('reindex rebuilds the index from PostgreSQL: every difference is gone', async () => {
    const report = await reindexSearch(t.db, search())
    expect(report).toMatchObject({ engine: 'postgres', indexed: 2, changedMeanwhile: 0 })
    expect((await verify()).inSync).toBe(true)
    expect((await search().query(query('castaña'))).ids).toEqual([second.id])
    expect((await search().query(query('cork'))).ids).toEqual([])
  })

  it('reindex marks a proposal whose change was drained into the old index while the documents were written for the sync job again', async () => {
    await drainSearchOutbox(t.db, search())
    const plain = search()
    // The startup renames itself after the documents were read, and its sync lands in the index being replaced.
    const racing: Search = {
      ...plain,
      rebuild: (source, options) =>
        plain.rebuild(async function* () {
          yield* source()
          await renameStartup(second.organisationId, 'Castaña Therapeutics')
          expect(await drainSearchOutbox(t.db, plain)).toEqual({ indexed: 1, removed: 0 })
        }, options),
    }
    const report = await reindexSearch(t.db, racing)
    expect(report.changedMeanwhile).toBe(1)
    expect(await t.db.select({ id: searchOutbox.proposalId }).from(searchOutbox)).toEqual([{ id: second.id }])
    await drainSearchOutbox(t.db, plain)
    expect((await verify()).inSync).toBe(true)
    expect((await plain.query(query('therapeutics'))).ids).toEqual([second.id])
  })

  it('reindex holds the sync job back from the second read until the swap: a change made then reaches the new index', async () => {
    await drainSearchOutbox(t.db, search())
    const plain = search()
    let drained: Promise<unknown> | undefined
    let drainedYet = false
    const racing: Search = {
      ...plain,
      rebuild: (source, options) =>
        plain.rebuild(source, {
          async beforeSwap() {
            await options!.beforeSwap!()
            await renameStartup(second.organisationId, 'Castaña Biologics')
            drained = drainSearchOutbox(t.db, plain).then(() => (drainedYet = true))
            await new Promise((resolve) => setTimeout(resolve, 300))
            expect(drainedYet).toBe(false)
          },
        }),
    }
    const report = await reindexSearch(t.db, racing)
    expect(report.changedMeanwhile).toBe(0)
    await drained
    expect((await plain.query(query('biologics'))).ids).toEqual([second.id])
    expect((await verify()).inSync).toBe(true)
  })

  it('the command exits 1 and lists the ids when the index differs, and 0 once reindexed', async () => {
    await createPostgresEngine(t.db).remove([first.id])
    const differs = await searchCommand(['verify'])
    expect(differs.code).toBe(1)
    expect(differs.output).toContain('Search: PostgreSQL')
    expect(differs.output).toContain(`1 missing from the index:\n    ${first.id}`)

    const reindex = await searchCommand(['reindex'])
    expect(reindex.code).toBe(0)
    expect(reindex.output).toMatch(/Index rebuilt: 2 document\(s\) in \d+\.\d s\./)

    const inSync = await searchCommand(['verify'])
    expect(inSync).toMatchObject({ code: 0 })
    expect(inSync.output).toContain('PostgreSQL: 2 document(s), in sync')
    // Three command processes, each starting Node with tsx: slow on a busy machine.
  }, 90_000)

  it('the command refuses an unknown command or option with its usage', async () => {
    const wrong = await searchCommand(['verify', '--fix'])
    expect(wrong.code).toBe(1)
    expect(wrong.output).toContain('Unknown option --fix. Usage:')
  })
})

describe('search commands on Meilisearch (stand-in)', () => {
  let meili: MeilisearchStandIn
  const index = 'proposals_commands'
  const config = () => onMeilisearch(meili.url, index)
  const verify = () => verifySearch(t.db, configuredIndexes(config(), t.db))

  beforeAll(async () => {
    meili = await startMeilisearchStandIn()
  })
  afterAll(async () => {
    await meili.close()
  })

  it('settings declares the index with the settings in code', async () => {
    await applySearchSettings(createSearch(config(), t.db))
    expect(meili.settings(index)).toEqual(JSON.parse(JSON.stringify(meilisearchSettings())))
  })

  it('verify reports what Meilisearch lacks; reindex fills it by swapping in a fresh index; verify then finds both indexes in sync', async () => {
    const before = await verify()
    expect(before.inSync).toBe(false)
    expect(before.indexes.map((check) => [check.engine, check.missing.length])).toEqual([
      ['meilisearch', before.expected],
      ['postgres', 0],
    ])

    const report = await reindexSearch(t.db, createSearch(config(), t.db))
    expect(report).toMatchObject({ engine: 'meilisearch', indexed: before.expected })
    expect(meili.indexes()).toEqual([index])
    expect(meili.documents(index).map((document) => document.id).sort()).toEqual(before.indexes[0]!.missing)
    expect(meili.tasks().some((task) => task.type === 'indexSwap' && task.status === 'succeeded')).toBe(true)

    const after = await verify()
    expect(after).toMatchObject({ inSync: true, indexes: [{ engine: 'meilisearch', indexed: before.expected }, { engine: 'postgres' }] })
    expect(formatVerifyReport(after)).toEqual(expect.arrayContaining([`Meilisearch: ${before.expected} document(s), in sync`]))
  })

  it('verify tells which index lacks a document, and which one it could not read', async () => {
    const [victim] = meili.documents(index)
    // Removed from Meilisearch alone, behind the back of its Postgres fallback.
    await configuredIndexes(config(), t.db)[0]!.remove([String(victim!.id)])
    const report = await verify()
    expect(report.indexes.map((check) => [check.engine, check.missing])).toEqual([
      ['meilisearch', [String(victim!.id)]],
      ['postgres', []],
    ])
    expect(formatVerifyReport(report)).toEqual(expect.arrayContaining(['PostgreSQL (fallback): ' + `${report.expected} document(s), in sync`]))

    await meili.stop()
    try {
      const down = await verify()
      expect(down.inSync).toBe(false)
      expect(down.indexes[0]!.error).toMatch(/not reachable/)
      expect(formatVerifyReport(down)[1]).toMatch(/^Meilisearch: could not be read: /)
    } finally {
      await meili.start()
    }
  })

  it('the command reindexes and verifies Meilisearch from MEILISEARCH_URL', async () => {
    const env = meilisearchEnv(meili.url, index)
    const reindex = await searchCommand(['reindex'], env)
    expect(reindex.code).toBe(0)
    expect(reindex.output).toContain(`Search: Meilisearch at ${new URL(meili.url).host}, index ${index}`)
    const verified = await searchCommand(['verify'], env)
    expect(verified.code).toBe(0)
    expect(verified.output).toMatch(/Meilisearch: \d+ document\(s\), in sync/)
  }, 90_000)
})

describe('search at start-up', () => {
  let meili: MeilisearchStandIn
  beforeAll(async () => {
    meili = await startMeilisearchStandIn()
  })
  afterAll(async () => {
    await meili.close()
  })

  const runtimeConfig = (index: string) =>
    parseConfig({
      NODE_ENV: 'test',
      DATABASE_URL: t.url,
      SESSION_SECRET: 'test-session-secret-of-at-least-32-chars',
      WORKER_IN_WEB: 'false',
      SEED_DEMO_DATA: 'false',
      ...meilisearchEnv(meili.url, index),
    })

  it('does nothing on the Postgres engine', async () => {
    const log = vi.fn()
    expect(await prepareSearchAtStartup({ db: t.db, search: createSearch(postgresOnly, t.db), config: postgresOnly }, log)).toEqual({ status: 'postgres' })
    expect(log).not.toHaveBeenCalled()
  })

  it('starts while Meilisearch is down, says so in the log, and answers searches from PostgreSQL', async () => {
    await meili.stop()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const runtime = await startRuntime(runtimeConfig('proposals_down'))
      try {
        expect(await runtime.searchStartup).toMatchObject({ status: 'unavailable' })
        const logged = errors.mock.calls.map((call) => String(call[0])).join('\n')
        expect(logged).toMatch(/\[search\] Meilisearch at 127\.0\.0\.1:\d+, index proposals_down .* could not be prepared at start-up .*not reachable.*Ponte carries on/)
        const answer = await runtime.search.query(query(''))
        expect(answer.degraded).toBe(true)
        expect(answer.total).toBeGreaterThan(0)
      } finally {
        await runtime.stop()
      }
    } finally {
      errors.mockRestore()
      await meili.start()
    }
  })

  it('does not wait for a Meilisearch that does not answer', async () => {
    meili.hang(true)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const runtime = await startRuntime(runtimeConfig('proposals_hanging'))
      try {
        const settled = await Promise.race([runtime.searchStartup, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200))])
        expect(settled).toBe('still waiting')
        // The server goes away: the waiting request fails and the start-up work ends, logged.
        await meili.close()
        expect(await runtime.searchStartup).toMatchObject({ status: 'unavailable' })
      } finally {
        await runtime.stop()
      }
    } finally {
      errors.mockRestore()
      await meili.start()
    }
  })

  it('applies the settings and queues a search.reindex job when the Meilisearch index is empty while proposals are published; the job fills it', async () => {
    const index = 'proposals_fresh'
    await runJobs(t.db, t.url)
    const log = vi.fn()
    const config = onMeilisearch(meili.url, index)
    const startup = await prepareSearchAtStartup({ db: t.db, search: createSearch(config, t.db), config }, log)
    expect(startup).toEqual({ status: 'reindex-queued' })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('is empty while proposals are published: a search.reindex job is queued'))
    expect(meili.settings(index)).toEqual(JSON.parse(JSON.stringify(meilisearchSettings())))
    expect((await queuedJobs(t.db)).filter((job) => job.task === 'search.reindex')).toEqual([{ task: 'search.reindex', payload: {}, key: 'search.reindex' }])

    await drainJobs(testJobContext(t.db, { env: meilisearchEnv(meili.url, index) }), t.url)
    const expected = (await verifySearch(t.db, configuredIndexes(postgresOnly, t.db))).expected
    expect(meili.documents(index)).toHaveLength(expected)

    // The next start finds it filled and queues nothing.
    const next = await prepareSearchAtStartup({ db: t.db, search: createSearch(config, t.db), config }, log)
    expect(next).toEqual({ status: 'ready', documents: expected })
    expect((await queuedJobs(t.db)).filter((job) => job.task === 'search.reindex')).toEqual([])
  })

  it('refills, by the periodic check, a Meilisearch index that comes back empty after being down at start-up', async () => {
    const index = 'proposals_came_back'
    await runJobs(t.db, t.url)
    const config = onMeilisearch(meili.url, index)
    const log = vi.fn()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    await meili.close()
    try {
      expect(await prepareSearchAtStartup({ db: t.db, search: createSearch(config, t.db), config }, log)).toMatchObject({ status: 'unavailable' })
      expect(await checkSearchIndex({ db: t.db, search: createSearch(config, t.db), config }, log)).toBe('unavailable')
    } finally {
      errors.mockRestore()
      await meili.start()
    }
    expect((await queuedJobs(t.db)).filter((job) => job.task === 'search.reindex')).toEqual([])

    expect(await checkSearchIndex({ db: t.db, search: createSearch(config, t.db), config }, log)).toBe('refill-queued')
    expect(log).toHaveBeenCalledWith(expect.stringContaining('is empty while proposals are published: a search.reindex job is queued'))
    await drainJobs(testJobContext(t.db, { env: meilisearchEnv(meili.url, index) }), t.url)
    const expected = (await verifySearch(t.db, configuredIndexes(postgresOnly, t.db))).expected
    expect(expected).toBeGreaterThan(0)
    expect(meili.documents(index)).toHaveLength(expected)
    expect(await checkSearchIndex({ db: t.db, search: createSearch(config, t.db), config }, log)).toBe('ok')
    expect(await checkSearchIndex({ db: t.db, search: createSearch(postgresOnly, t.db), config: postgresOnly }, log)).toBe('postgres')
  })
})
