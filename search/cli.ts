/**
 * `npm run search:settings | search:reindex | search:verify [-- --all]`: the search index's
 * commands (search/commands.server.ts), on the database of DATABASE_URL or the embedded
 * PostgreSQL in DATA_DIR, as the other commands (stop a running embedded Ponte first), and on
 * the engine of MEILISEARCH_URL when set, else the Postgres engine.
 *
 *   settings  applies the index settings declared in code
 *   reindex   rebuilds the whole index from PostgreSQL; prints the count and the time
 *   verify    compares the index with PostgreSQL: ids missing, ids that should not be there,
 *             outdated documents; exits 1 when anything differs, 0 when in sync
 */
import { parseConfig } from '../app/config.server'
import { withCommandDatabase } from '../db/cli-database'
import { applySearchSettings, configuredIndexes, describeSearch, formatVerifyReport, reindexSearch, verifySearch } from './commands.server'
import { createSearch } from './engine.server'

const usage = 'Usage: node --import tsx search/cli.ts settings | reindex | verify [--all]'
const [command, ...options] = process.argv.slice(2)
const unknown = options.filter((option) => !(command === 'verify' && option === '--all'))

if (!['settings', 'reindex', 'verify'].includes(command ?? '') || unknown.length > 0) {
  console.error(unknown.length > 0 ? `Unknown option ${unknown.join(', ')}. ${usage}` : usage)
  process.exitCode = 1
} else {
  await withCommandDatabase(async ({ db }) => {
    // The database is found as by the other commands; of the rest of the configuration only
    // Meilisearch's variables matter here, checked by the app's own rules (a bad one stops with its sentence).
    const meilisearchEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('MEILISEARCH_')))
    const config = parseConfig(meilisearchEnv)
    const search = createSearch(config, db)
    console.log(`Search: ${describeSearch(config)}`)
    if (command === 'settings') {
      const report = await applySearchSettings(search)
      console.log(`Index settings applied in ${report.ms} ms.`)
    } else if (command === 'reindex') {
      const report = await reindexSearch(db, search)
      console.log(`Index rebuilt: ${report.indexed} document(s) in ${(report.ms / 1000).toFixed(1)} s.`)
      if (report.changedMeanwhile > 0) {
        console.log(`${report.changedMeanwhile} proposal(s) changed while it ran: they are marked for the search.sync job.`)
      }
    } else {
      const report = await verifySearch(db, configuredIndexes(config, db))
      for (const line of formatVerifyReport(report, options.includes('--all') ? Infinity : 50)) console.log(line)
      process.exitCode = report.inSync ? 0 : 1
    }
  })
}
