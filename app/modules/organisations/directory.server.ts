import { countDistinct, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { organisations, startupProfiles } from '../../../db/schema'

/** Headline figures for the home page. */
export async function getCatalogueStats(db: DbOrTx) {
  const [row] = await db
    .select({
      startups: sql<number>`count(*) filter (where ${organisations.kind} = 'startup')`.mapWith(Number),
      investors: sql<number>`count(*) filter (where ${organisations.kind} = 'investor')`.mapWith(Number),
    })
    .from(organisations)
  const [regions] = await db
    .select({ count: countDistinct(startupProfiles.region) })
    .from(startupProfiles)
    .innerJoin(organisations, eq(organisations.id, startupProfiles.organisationId))
  return { startups: row?.startups ?? 0, investors: row?.investors ?? 0, regions: regions?.count ?? 0 }
}
