/**
 * `npm run db:seed`: loads the demo data set into the database of DATABASE_URL, or into the
 * embedded PostgreSQL in DATA_DIR (default ./data) when DATABASE_URL is unset. Migrates first;
 * does nothing when the demo data is already there.
 */
import { withCommandDatabase } from '../cli-database'
import { seedDemoData } from './index'

await withCommandDatabase(async (database) => {
  const started = performance.now()
  const logins = await seedDemoData(database.db)
  console.log(`Demo data ready in ${Math.round(performance.now() - started)} ms. Demo logins:`)
  for (const login of logins) console.log(`  ${login.role.padEnd(22)} ${login.email.padEnd(26)} ${login.password}`)
})
