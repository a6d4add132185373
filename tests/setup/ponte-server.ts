/**
 * Runs the real Ponte server (`node --import tsx server/main.ts`, the production build in build/)
 * as a child process on its embedded default: a free port, a fresh data folder, an embedded
 * PostgreSQL, demo data and the development mailbox. Used by the end-to-end tests and by
 * tests/server-lifecycle.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findFreePort } from '../../db/embedded'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
export const serverBuildFile = path.join(projectRoot, 'build/server/index.js')

/** True when `npm run build` has produced the server build the production server loads. */
export function serverBuildExists(): boolean {
  return existsSync(serverBuildFile)
}

/**
 * Builds the app once when there is no build yet (a fresh clone running `npm test`), so the
 * tests that start the real server run rather than skip. A build already there is used as it is.
 */
export async function ensureServerBuild(): Promise<void> {
  if (serverBuildExists()) return
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, [path.join(projectRoot, 'node_modules/@remix-run/dev/dist/cli.js'), 'vite:build'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    build.once('error', reject)
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the build failed with exit code ${code}`))))
  })
}

/** A data folder path under the system's temp folder, not created yet (the embedded PostgreSQL makes it, readable by its own user). */
export function tempDataDir(prefix = 'ponte-server'): string {
  return path.join(os.tmpdir(), `${prefix}-${randomBytes(4).toString('hex')}`)
}

/** What the embedded PostgreSQL of a data folder is doing, read from its postmaster.pid. */
export function embeddedPostgresOf(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid')
  if (!existsSync(file)) return null
  const lines = readFileSync(file, 'utf8').split('\n')
  return { pid: Number(lines[0]), port: Number(lines[3]) }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface StopResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** The server did not exit within the timeout after SIGTERM and was killed. */
  forced: boolean
  /** A PostgreSQL process of the data folder was still running after the server exited (then killed). */
  postgresLeftBehind: boolean
  /** Milliseconds from SIGTERM to exit. */
  shutdownMs: number
}

export interface PonteServer {
  /** http://localhost:<port> */
  url: string
  port: number
  dataDir: string
  child: ChildProcess
  /** Everything the server printed so far (stdout and stderr). */
  output(): string
  /** The connection URL of the embedded `ponte` database, while it runs. */
  databaseUrl(): string
  /** SIGTERM, wait for the exit (kill after `timeoutMs`), make sure no PostgreSQL is left; removes the data folder unless `keepData`. */
  stop(options?: { timeoutMs?: number; keepData?: boolean; ctrlC?: boolean }): Promise<StopResult>
}

export interface StartOptions {
  port?: number
  /** Defaults to a fresh temporary folder, removed by stop(). */
  dataDir?: string
  /** Extra environment variables for the server. */
  env?: Record<string, string>
  /** How long to wait for /healthz. */
  timeoutMs?: number
  /**
   * Run the server in a process group of its own, as a terminal would: `stop({ ctrlC: true })`
   * then sends SIGINT to the whole group, which reaches the embedded PostgreSQL as well.
   */
  processGroup?: boolean
}

/** Starts the production server and resolves once GET /healthz answers 200. */
export async function startPonteServer(options: StartOptions = {}): Promise<PonteServer> {
  if (!serverBuildExists()) {
    throw new Error(`No server build at ${serverBuildFile}: run \`npm run build\` first.`)
  }
  const port = options.port ?? (await findFreePort())
  const dataDir = options.dataDir ?? tempDataDir()
  const url = `http://localhost:${port}`
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
    env: {
      ...process.env,
      // The embedded default, whatever this shell or a .env file says (empty counts as unset,
      // and a .env file never overrides a variable that is already set).
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      APP_URL: url,
      DATABASE_URL: '',
      SESSION_SECRET: '',
      SMTP_URL: '',
      WORKER_IN_WEB: '',
      SEED_DEMO_DATA: '',
      ...options.env,
    },
  })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let exitedEarly: { code: number | null; signal: NodeJS.Signals | null } | undefined
  void exited.then((result) => (exitedEarly = result))

  const server: PonteServer = {
    url,
    port,
    dataDir,
    child,
    output: () => output,
    databaseUrl() {
      const pg = embeddedPostgresOf(dataDir)
      if (!pg) throw new Error(`The embedded PostgreSQL of ${dataDir} is not running.`)
      return `postgres://postgres:ponte-embedded@127.0.0.1:${pg.port}/ponte`
    },
    async stop({ timeoutMs = 10_000, keepData = false, ctrlC = false } = {}) {
      const started = Date.now()
      let forced = false
      if (child.exitCode === null && child.signalCode === null) {
        if (ctrlC) process.kill(-child.pid!, 'SIGINT')
        else child.kill('SIGTERM')
        const timedOut = await Promise.race([exited.then(() => false), sleep(timeoutMs).then(() => true)])
        if (timedOut) {
          forced = true
          child.kill('SIGKILL')
        }
      }
      const { code, signal } = await exited
      const shutdownMs = Date.now() - started
      let postgresLeftBehind = false
      const pg = embeddedPostgresOf(dataDir)
      if (pg && isAlive(pg.pid)) {
        postgresLeftBehind = true
        process.kill(pg.pid, 'SIGQUIT') // immediate shutdown of the orphan
        for (let i = 0; i < 50 && isAlive(pg.pid); i++) await sleep(100)
        if (isAlive(pg.pid)) process.kill(pg.pid, 'SIGKILL')
      }
      if (!keepData && !options.dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
      return { exitCode: code, signal, forced, postgresLeftBehind, shutdownMs }
    },
  }

  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  for (;;) {
    if (exitedEarly) {
      await server.stop()
      throw new Error(`The server exited (code ${exitedEarly.code}) before it was ready:\n${output}`)
    }
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return server
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`The server did not answer ${url}/healthz in time:\n${output}`)
    }
    await sleep(100)
  }
}
