/**
 * The real server, started the way `npm start` does after the build: it answers on its port,
 * two instances run side by side on their own ports and data folders, and SIGTERM stops it
 * cleanly (exit code 0, its embedded PostgreSQL stopped too, nothing left running).
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embeddedPostgresOf, ensureServerBuild, startPonteServer, type PonteServer } from './setup/ponte-server'

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

describe('the Ponte server process', () => {
  let first: PonteServer | undefined
  let second: PonteServer | undefined

  beforeAll(async () => {
    await ensureServerBuild()
    ;[first, second] = await Promise.all([startPonteServer(), startPonteServer()])
  }, 180_000)

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()])
  })

  it('runs two instances side by side, each on its own port, data folder and database', async () => {
    expect(first!.port).not.toBe(second!.port)
    expect(first!.dataDir).not.toBe(second!.dataDir)
    const [pgA, pgB] = [embeddedPostgresOf(first!.dataDir), embeddedPostgresOf(second!.dataDir)]
    expect(pgA).not.toBeNull()
    expect(pgB).not.toBeNull()
    expect(pgA!.port).not.toBe(pgB!.port)
    for (const server of [first!, second!]) {
      expect(await (await fetch(`${server.url}/healthz`)).text()).toBe('ok')
      const home = await fetch(server.url)
      expect(home.status).toBe(200)
      expect(await home.text()).toContain('<html lang="en"')
    }
  })

  it('stops on SIGTERM with exit code 0 within 10 s, and stops its embedded PostgreSQL', async () => {
    const server = first!
    const pg = embeddedPostgresOf(server.dataDir)!
    const result = await server.stop({ timeoutMs: 10_000, keepData: true })
    expect(result, server.output()).toMatchObject({ exitCode: 0, forced: false, postgresLeftBehind: false })
    expect(result.shutdownMs).toBeLessThan(10_000)
    expect(server.output()).toContain('SIGTERM received: shutting down')
    expect(embeddedPostgresOf(server.dataDir), 'postmaster.pid is removed').toBeNull()
    expect(await connectionRefused(pg.port), 'the database port refuses connections').toBe(true)
    expect(await connectionRefused(server.port), 'the web port refuses connections').toBe(true)
  })

  it('leaves the other instance running', async () => {
    const response = await fetch(`${second!.url}/healthz`)
    expect(response.status).toBe(200)
    const result = await second!.stop()
    expect(result, second!.output()).toMatchObject({ exitCode: 0, forced: false, postgresLeftBehind: false })
  })

  it('stops cleanly on Ctrl+C in a terminal, which sends SIGINT to the embedded PostgreSQL as well', async () => {
    const server = await startPonteServer({ processGroup: true })
    const pg = embeddedPostgresOf(server.dataDir)!
    const result = await server.stop({ ctrlC: true, keepData: true })
    expect(result, server.output()).toMatchObject({ exitCode: 0, forced: false, postgresLeftBehind: false })
    expect(server.output()).toContain('SIGINT received: shutting down')
    expect(server.output()).not.toContain("Unhandled 'error' event")
    expect(await connectionRefused(pg.port)).toBe(true)
    expect(await connectionRefused(server.port)).toBe(true)
  }, 60_000)
})

