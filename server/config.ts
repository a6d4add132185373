import { existsSync } from 'node:fs'
import { ConfigError, parseConfig, type Config } from '../app/config.server'

/** Reads `.env` (when present) and the environment once; a bad variable stops the process with one sentence. */
export function loadConfigOrExit(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env')
  try {
    return parseConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}

/** Calls `stop` once on SIGTERM or SIGINT, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal} received: shutting down`)
    // A Ctrl+C in a terminal stops the embedded PostgreSQL at the same moment: a query in flight
    // (a job writing the search index) may then fail inside the database driver. That is the
    // expected end of a connection, not a reason to crash before the shutdown completes.
    process.on('uncaughtException', (error) => console.error(`[shutdown] ${error.message}`))
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(error)
        process.exit(1)
      })
  }
  process.on('SIGTERM', handler)
  process.on('SIGINT', handler)
}
