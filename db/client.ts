import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres, { type Sql } from 'postgres'
import * as schema from './schema'

/** The database, with its postgres.js client (for a connection of one's own: `db.$client.reserve()`). */
export type Db = PostgresJsDatabase<typeof schema> & { $client: Sql }
/** A database handle or an open transaction: module functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface Database {
  db: Db
  url: string
  close(): Promise<void>
}

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'ponte' },
  })
  const db = drizzle(client, { schema, casing: 'snake_case' })
  return { db, url, close: () => client.end({ timeout: 5 }) }
}
