/**
 * Once per `npm run test:e2e`: finds Chromium, makes sure the production build exists, and starts
 * ONE real Ponte server (embedded PostgreSQL, demo data, development mailbox) that every e2e file
 * shares. On teardown the server gets SIGTERM and must exit cleanly with its PostgreSQL.
 */
import type { TestProject } from 'vitest/node'
import { ensureServerBuild, serverBuildExists, serverBuildFile, startPonteServer } from '../setup/ponte-server'
import { findChromium } from './chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    /** '' when no Chromium was found outside CI: every e2e suite is skipped. */
    e2eChromiumPath: string
    e2eBaseUrl: string
    e2eDataDir: string
  }
}

/**
 * Vitest 3.2 prints a global setup's error but still exits with code 0 ("No test files found"):
 * mark the process as failed before throwing, so a broken setup can never look like a pass.
 */
function fail(error: unknown): never {
  process.exitCode = 1
  throw error
}

export default async function setup(project: TestProject) {
  try {
    return await prepare(project)
  } catch (error) {
    fail(error)
  }
}

async function prepare(project: TestProject) {
  const chromium = findChromium()
  if (!chromium) {
    const message =
      'No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser). Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.'
    if (process.env.CI === 'true') fail(new Error(`End-to-end tests are required in CI. ${message}`))
    console.warn(`\n[e2e] ${message}\n[e2e] The end-to-end suites are SKIPPED.\n`)
    project.provide('e2eChromiumPath', '')
    project.provide('e2eBaseUrl', '')
    project.provide('e2eDataDir', '')
    return
  }
  if (!serverBuildExists()) console.warn(`\n[e2e] No production build at ${serverBuildFile}: building once.\n`)
  await ensureServerBuild()
  const server = await startPonteServer({ timeoutMs: 90_000 })
  project.provide('e2eChromiumPath', chromium)
  project.provide('e2eBaseUrl', server.url)
  project.provide('e2eDataDir', server.dataDir)

  return async () => {
    const result = await server.stop({ timeoutMs: 10_000 })
    if (result.exitCode !== 0 || result.forced || result.postgresLeftBehind) {
      fail(new Error(`The e2e server did not shut down cleanly: ${JSON.stringify(result)}\n${server.output()}`))
    }
  }
}
