import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from './config.server'

const SECRET = 'x'.repeat(32)

function errorOf(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`)
}

/** The message is one sentence that names the variable. */
function expectOneSentenceAbout(message: string, variable: string) {
  expect(message).toMatch(new RegExp(`^The environment variable ${variable} [^\\n]+\\.$`))
  expect(message.match(/The environment variable/g)).toHaveLength(1)
}

describe('parseConfig', () => {
  it('runs on the embedded default when nothing is set', () => {
    const config = parseConfig({})
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      appUrl: 'http://localhost:3000',
      dataDir: './data',
      databaseUrl: undefined,
      sessionSecret: undefined,
      smtpUrl: undefined,
      mailFrom: 'Ponte <no-reply@ponte.localhost>',
      workerInWeb: true,
      seedDemoData: true,
      logLevel: 'info',
      embedded: true,
      devMailbox: true,
    })
  })

  it('treats empty values as unset, so .env.example copied as it is gives the defaults', () => {
    const names = ['NODE_ENV', 'PORT', 'APP_URL', 'DATA_DIR', 'DATABASE_URL', 'SESSION_SECRET', 'SMTP_URL', 'MAIL_FROM', 'WORKER_IN_WEB', 'SEED_DEMO_DATA', 'LOG_LEVEL']
    const empty = Object.fromEntries(names.map((name) => [name, '']))
    expect(parseConfig(empty)).toEqual(parseConfig({}))
    expect(parseConfig({ PORT: '  ' }).port).toBe(3000)
  })

  it('derives APP_URL from PORT and drops a trailing slash', () => {
    expect(parseConfig({ PORT: '4100' }).appUrl).toBe('http://localhost:4100')
    expect(parseConfig({ APP_URL: 'https://ponte.example.org/' }).appUrl).toBe('https://ponte.example.org')
  })

  it('names PORT when it is not a port number', () => {
    expectOneSentenceAbout(errorOf({ PORT: 'abc' }), 'PORT')
    expectOneSentenceAbout(errorOf({ PORT: '3.5' }), 'PORT')
    expectOneSentenceAbout(errorOf({ PORT: '70000' }), 'PORT')
  })

  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://x', SESSION_SECRET: SECRET })
    expectOneSentenceAbout(message, 'DATABASE_URL')
    expect(message).toContain('postgres://')
  })

  it('requires SESSION_SECRET with DATABASE_URL, and says how to make one', () => {
    const message = errorOf({ DATABASE_URL: 'postgres://ponte@db:5432/ponte' })
    expectOneSentenceAbout(message, 'SESSION_SECRET')
    expect(message).toContain('openssl rand -hex 32')
    expectOneSentenceAbout(errorOf({ DATABASE_URL: 'postgres://ponte@db:5432/ponte', SESSION_SECRET: 'short' }), 'SESSION_SECRET')
  })

  it('names each malformed variable', () => {
    expectOneSentenceAbout(errorOf({ NODE_ENV: 'staging' }), 'NODE_ENV')
    expectOneSentenceAbout(errorOf({ APP_URL: 'ponte.example.org' }), 'APP_URL')
    expectOneSentenceAbout(errorOf({ SMTP_URL: 'http://mail.example.org' }), 'SMTP_URL')
    expectOneSentenceAbout(errorOf({ WORKER_IN_WEB: 'sometimes' }), 'WORKER_IN_WEB')
    expectOneSentenceAbout(errorOf({ SEED_DEMO_DATA: 'maybe' }), 'SEED_DEMO_DATA')
    expectOneSentenceAbout(errorOf({ LOG_LEVEL: 'verbose' }), 'LOG_LEVEL')
    expectOneSentenceAbout(errorOf({ MAIL_FROM: 'x' }), 'MAIL_FROM')
  })

  it('lists every problem, one sentence each', () => {
    const message = errorOf({ PORT: 'abc', LOG_LEVEL: 'loud' })
    expect(message).toContain('The environment variable PORT ')
    expect(message).toContain('The environment variable LOG_LEVEL ')
  })

  it('switches to production parts with DATABASE_URL', () => {
    const config = parseConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://ponte@db/ponte', SESSION_SECRET: SECRET })
    expect(config).toMatchObject({ embedded: false, workerInWeb: false, seedDemoData: false, devMailbox: false })
    expect(parseConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ponte', SESSION_SECRET: SECRET, WORKER_IN_WEB: 'yes' }).workerInWeb).toBe(true)
  })

  it('opens the development mailbox only without SMTP and outside production mode', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).devMailbox).toBe(true) // embedded default is never production mode
    expect(parseConfig({ SMTP_URL: 'smtp://mailpit:1025' }).devMailbox).toBe(false)
    expect(parseConfig({ DATABASE_URL: 'postgres://db/ponte', SESSION_SECRET: SECRET }).devMailbox).toBe(true)
  })
})
