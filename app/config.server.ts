import path from 'node:path'
import { z } from 'zod'

/**
 * Ponte's configuration, read once at start-up from the environment.
 * Every variable is documented in `.env.example`.
 */
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine(
      (value) => {
        if (value === undefined) return true
        try {
          return protocols.includes(new URL(value).protocol)
        } catch {
          return false
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    )

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value))

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
    PORT: z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(1).max(65535).default(3000),
    APP_URL: optionalUrl(['http:', 'https:']),
    DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
    UPLOADS_DIR: z.string().trim().min(1, 'must not be empty').optional(),
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
    SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
    MAIL_FROM: z.string().trim().min(3, 'must be an email address such as "Ponte <no-reply@example.org>"').default('Ponte <no-reply@ponte.localhost>'),
    WORKER_IN_WEB: boolean.optional(),
    SEED_DEMO_DATA: boolean.optional(),
    MEILISEARCH_URL: optionalUrl(['http:', 'https:']),
    MEILISEARCH_API_KEY: z.string().trim().optional(),
    MEILISEARCH_SEARCH_KEY: z.string().trim().optional(),
    MEILISEARCH_INDEX: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be letters, digits, - or _')
      .default('proposals'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' }).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when DATABASE_URL is set (generate one with `openssl rand -hex 32`)',
      })
    }
  })

export type RawConfig = z.infer<typeof ConfigSchema>

export interface Config {
  env: RawConfig['NODE_ENV']
  port: number
  appUrl: string
  dataDir: string
  /** Where uploaded files (pitch decks, logos) are stored; default DATA_DIR/uploads. */
  uploadsDir: string
  /** undefined: the embedded PostgreSQL is started from DATA_DIR. */
  databaseUrl: string | undefined
  sessionSecret: string | undefined
  smtpUrl: string | undefined
  mailFrom: string
  workerInWeb: boolean
  seedDemoData: boolean
  logLevel: RawConfig['LOG_LEVEL']
  /**
   * Meilisearch, when MEILISEARCH_URL is set; otherwise search runs on the Postgres engine.
   * `apiKey` (an admin or master key) writes the index; `searchKey` (a search-only key, the
   * API key when unset) answers queries. Neither ever leaves the server.
   */
  meilisearch: { url: string; apiKey: string | undefined; searchKey: string | undefined; index: string } | undefined
  /** true when Ponte runs on its embedded default (no DATABASE_URL). */
  embedded: boolean
  /**
   * The development mailbox page is open when email is kept in the database (no SMTP_URL)
   * and Ponte is not in production mode (NODE_ENV=production with a DATABASE_URL).
   * The embedded default is a single-machine trial, never production mode.
   */
  devMailbox: boolean
}

export class ConfigError extends Error {
  name = 'ConfigError'
}

/** Parses the environment; throws a ConfigError whose message is one sentence naming the variable. */
export function parseConfig(rawEnv: Record<string, string | undefined>): Config {
  // An empty value counts as unset, so `.env.example` copied as it is (or `VAR=` in compose) gives the defaults.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== undefined && value.trim() !== ''))
  const result = ConfigSchema.safeParse(env)
  if (!result.success) {
    const sentences = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration')
      const message =
        issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message
      return `The environment variable ${name} ${message}.`
    })
    throw new ConfigError(sentences.join(' '))
  }
  const raw = result.data
  const embedded = raw.DATABASE_URL === undefined
  return {
    env: raw.NODE_ENV,
    port: raw.PORT,
    appUrl: (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
    dataDir: raw.DATA_DIR,
    uploadsDir: raw.UPLOADS_DIR ?? path.join(raw.DATA_DIR, 'uploads'),
    databaseUrl: raw.DATABASE_URL,
    sessionSecret: raw.SESSION_SECRET,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    workerInWeb: raw.WORKER_IN_WEB ?? embedded,
    seedDemoData: raw.SEED_DEMO_DATA ?? embedded,
    logLevel: raw.LOG_LEVEL,
    meilisearch: raw.MEILISEARCH_URL
      ? { url: raw.MEILISEARCH_URL, apiKey: raw.MEILISEARCH_API_KEY, searchKey: raw.MEILISEARCH_SEARCH_KEY ?? raw.MEILISEARCH_API_KEY, index: raw.MEILISEARCH_INDEX }
      : undefined,
    embedded,
    devMailbox: raw.SMTP_URL === undefined && (embedded || raw.NODE_ENV !== 'production'),
  }
}
