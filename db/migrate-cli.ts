/**
 * `npm run db:migrate`: applies the committed migrations (and the job queue's schema) to the
 * database of DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR. Ponte also does this at
 * every start; the command is for deployments that migrate before rolling out.
 */
import { withCommandDatabase } from './cli-database'

await withCommandDatabase(async () => {
  console.log('Migrations applied.')
})
