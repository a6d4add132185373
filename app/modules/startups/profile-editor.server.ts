import { and, eq, isNull } from 'drizzle-orm'
import { requestSearchSyncForOrganisation } from '../../../search/sync.server'
import type { StartupProfileInput } from '~/modules/dataroom/schemas'
import { filledLocalizedText } from '~/modules/i18n/localized-text'
import type { Db, DbOrTx } from '../../../db/client'
import { organisations, startupProfiles } from '../../../db/schema'
import { discardUploads, isStoredName, keepUpload, removeStoredFile, type ReceivedUpload } from '../files/storage.server'
import { isSubsector } from './subsectors'

/**
 * Editing a startup's profile (any member may). The VAT number is private: it is read here,
 * for the startup's members, and never by the public profile (directory.server.ts).
 */

/** The profile as its members edit it; a startup without a profile yet gets empty fields. */
export async function getStartupProfileForEditing(db: DbOrTx, organisationId: string) {
  const [row] = await db
    .select({ organisation: organisations, profile: startupProfiles })
    .from(organisations)
    .leftJoin(startupProfiles, eq(startupProfiles.organisationId, organisations.id))
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'startup')))
    .limit(1)
  if (!row) return null
  const { organisation, profile } = row
  return {
    name: organisation.name,
    slug: organisation.slug,
    country: organisation.country,
    legalName: profile?.legalName ?? null,
    vatNumber: profile?.vatNumber ?? null,
    region: profile?.region ?? '',
    city: profile?.city ?? '',
    foundedYear: profile?.foundedYear ?? null,
    website: profile?.website ?? null,
    headcount: profile?.headcount ?? null,
    subsectors: (profile?.subsectors ?? []).filter(isSubsector),
    description: profile?.description ?? {},
    team: profile?.team ?? [],
    logoFile: profile?.logoFile ?? null,
  }
}

/**
 * Saves the profile, and the new logo when one was uploaded (or removes it). The old logo file
 * is removed once the new row is committed.
 */
export async function updateStartupProfile(db: Db, uploadsDir: string, organisationId: string, input: StartupProfileInput, logo: ReceivedUpload | undefined) {
  const description = filledLocalizedText(input.description)
  let previousLogo: string | null = null
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select({ logoFile: startupProfiles.logoFile }).from(startupProfiles).where(eq(startupProfiles.organisationId, organisationId))
      previousLogo = current?.logoFile ?? null
      const logoFile = logo ? logo.storedName : input.removeLogo ? null : previousLogo
      await tx.update(organisations).set({ name: input.name }).where(eq(organisations.id, organisationId))
      const values = {
        legalName: input.legalName,
        vatNumber: input.vatNumber,
        region: input.region,
        city: input.city,
        foundedYear: input.foundedYear ?? null,
        website: input.website ?? null,
        headcount: input.headcount ?? null,
        subsectors: [...new Set(input.subsectors)],
        description,
        team: input.team,
        logoFile,
      }
      await tx
        .insert(startupProfiles)
        .values({ organisationId, ...values })
        .onConflictDoUpdate({ target: startupProfiles.organisationId, set: values })
      // The startup's name and place are searchable: its published proposals are re-indexed.
      await requestSearchSyncForOrganisation(tx, organisationId)
      if (logo) await keepUpload(uploadsDir, logo)
      if (logoFile === previousLogo) previousLogo = null
    })
  } catch (error) {
    if (logo) await discardUploads([logo])
    throw error
  }
  if (previousLogo) await removeStoredFile(uploadsDir, 'logos', previousLogo)
}

/** True when `file` is the logo of a startup the public may see (logos are served to anyone). */
export async function isPublicLogo(db: DbOrTx, file: string | undefined): Promise<boolean> {
  if (!file || !isStoredName(file)) return false
  const [row] = await db
    .select({ id: startupProfiles.organisationId })
    .from(startupProfiles)
    .innerJoin(organisations, eq(organisations.id, startupProfiles.organisationId))
    .where(and(eq(startupProfiles.logoFile, file), isNull(organisations.suspendedAt)))
    .limit(1)
  return Boolean(row)
}
