import type { Config } from '~/config.server'
import type { Db } from '../db/client'
import type { Search } from '../search/engine.server'

/** What the server hands every loader and action (see server/main.ts). */
export interface PonteLoadContext {
  db: Db
  /** Proposal search: one engine per process (it keeps caches), shared with the worker. */
  search: Search
  config: Config & { sessionSecret: string }
  /** The nonce of this response's Content-Security-Policy. */
  cspNonce: string
  /** The client's address as Express sees it (honours `trust proxy`); used for per-IP rate limits. */
  clientIp?: string
}

declare module '@remix-run/server-runtime' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PonteLoadContext {}
}
