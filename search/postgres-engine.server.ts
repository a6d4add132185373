import type { Db } from '../db/client'
import type { SearchEngine } from './types'

export function createPostgresEngine(db: Db): SearchEngine {
  void db
  throw new Error('the Postgres engine is being written')
}
