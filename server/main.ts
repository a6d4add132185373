/**
 * The Ponte web server: starts the runtime (database, migrations, demo data, worker),
 * then serves the Remix app through Express with security headers and a CSRF guard.
 *   node --import tsx server/main.ts        production build from ./build
 *   node --import tsx server/main.ts --dev  Vite dev server with hot reload
 */
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { describeSearch } from '../search/commands.server'
import { loadConfigOrExit, onShutdown } from './config'
import { csrfGuard, formBodyGuard, securityHeaders } from './http'
import { startRuntime } from './runtime'

const dev = process.argv.includes('--dev')
if (!dev) process.env.NODE_ENV ??= 'production'
const config = loadConfigOrExit()
const started = Date.now()
const runtime = await startRuntime(config)

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', 'loopback')
app.use(compression())
app.use(securityHeaders({ dev }))
app.use(csrfGuard([new URL(config.appUrl).origin]))
app.use(formBodyGuard())

let build: ServerBuild | (() => Promise<ServerBuild>)
let closeVite: (() => Promise<void>) | undefined
if (dev) {
  const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
  app.use(vite.middlewares)
  build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  closeVite = () => vite.close()
} else {
  const buildDir = path.resolve('build')
  app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }))
  build = (await import(path.join(buildDir, 'server/index.js'))) as ServerBuild
}

app.get('/favicon.ico', (_req, res) => {
  res.redirect(301, '/favicon.svg')
})

app.get('/healthz', (_req, res) => {
  res.type('text/plain').send('ok')
})

app.all(
  '*',
  createRequestHandler({
    build,
    mode: dev ? 'development' : 'production',
    getLoadContext: (req, res) => ({
      db: runtime.db,
      search: runtime.search,
      clientIp: req.ip,
      config: runtime.config,
      cspNonce: String(res.locals.cspNonce),
    }),
  }),
)

const server = app.listen(config.port, () => {
  const lines = [`Ponte is running at ${config.appUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`]
  lines.push(
    config.embedded ? `Database: embedded PostgreSQL, data in ${path.resolve(config.dataDir)}` : 'Database: DATABASE_URL',
    `Email: ${runtime.mailer.kind === 'smtp' ? 'SMTP_URL' : `development mailbox at ${config.appUrl}/dev/mailbox`}`,
    `Search: ${describeSearch(config)}`,
  )
  if (runtime.demoLogins?.length) {
    lines.push('Demo logins:')
    for (const login of runtime.demoLogins) lines.push(`  ${login.role.padEnd(22)} ${login.email.padEnd(34)} ${login.password}`)
  }
  console.log(lines.join('\n'))
})

onShutdown(async () => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeAllConnections()
  await closed
  await closeVite?.()
  await runtime.stop()
})
