/**
 * Forms of the data room and the startup profile. Used by Conform in the browser and by
 * parseWithZod on the server; messages are translation keys.
 */
import { z } from 'zod'
import { supportedLocales } from '~/modules/i18n/locales'
import { hasNutsRegions, isRegionOfCountry } from '~/modules/organisations/regions'
import { documentKinds } from '~/modules/proposals/taxonomy'
import { subsectors } from '~/modules/startups/subsectors'

/** Text fields of the upload form; the file itself is checked by the upload handler. */
export const UploadDocumentSchema = z.object({
  intent: z.literal('upload'),
  kind: z.enum(documentKinds, { error: 'dataroom.errors.kindRequired' }),
})

export const DeleteDocumentSchema = z.object({
  intent: z.literal('delete'),
  documentId: z.uuid({ error: 'dataroom.errors.documentNotFound' }),
})

export const documentPageSchemas = { upload: UploadDocumentSchema, delete: DeleteDocumentSchema } as const

export const AcceptNdaSchema = z.object({
  intent: z.literal('accept-nda', { error: 'dataroom.errors.unknownAction' }),
  accept: z.literal('on', { error: 'dataroom.nda.mustAccept' }),
})

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => value || null)

const currentYear = () => new Date().getUTCFullYear()

export const MAX_TEAM = 30

/** The profile form of a startup seated in `country` (its region must lie there). */
export const startupProfileSchema = (country: string) =>
  z.object({
    name: z
      .string({ error: 'dataroom.profile.errors.nameRequired' })
      .trim()
      .min(2, 'dataroom.profile.errors.nameTooShort')
      .max(120, 'dataroom.profile.errors.nameTooLong'),
    legalName: optionalText(200, 'dataroom.profile.errors.tooLong'),
    vatNumber: z
      .string()
      .trim()
      .toUpperCase()
      .max(20, 'dataroom.profile.errors.vatInvalid')
      .regex(/^[A-Z0-9 .-]*$/, 'dataroom.profile.errors.vatInvalid')
      .optional()
      .transform((value) => value?.replace(/[ .-]/g, '') || null),
    region: z
      .string({ error: 'dataroom.profile.errors.regionRequired' })
      .trim()
      .toUpperCase()
      .refine((code) => hasNutsRegions(country) && isRegionOfCountry(code, country), 'dataroom.profile.errors.regionInvalid'),
    city: z
      .string({ error: 'dataroom.profile.errors.cityRequired' })
      .trim()
      .min(1, 'dataroom.profile.errors.cityRequired')
      .max(120, 'dataroom.profile.errors.tooLong'),
    foundedYear: z.coerce
      .number({ error: 'dataroom.profile.errors.yearInvalid' })
      .int('dataroom.profile.errors.yearInvalid')
      .min(1900, 'dataroom.profile.errors.yearInvalid')
      .refine((year) => year <= currentYear(), 'dataroom.profile.errors.yearInvalid')
      .optional(),
    website: z
      .string()
      .trim()
      .max(300, 'dataroom.profile.errors.websiteInvalid')
      .refine((value) => {
        try {
          return ['http:', 'https:'].includes(new URL(value).protocol)
        } catch {
          return false
        }
      }, 'dataroom.profile.errors.websiteInvalid')
      .optional(),
    headcount: z.coerce
      .number({ error: 'dataroom.profile.errors.headcountInvalid' })
      .int('dataroom.profile.errors.headcountInvalid')
      .min(1, 'dataroom.profile.errors.headcountInvalid')
      .max(100_000, 'dataroom.profile.errors.headcountInvalid')
      .optional(),
    subsectors: z
      .array(z.enum(subsectors, { error: 'dataroom.profile.errors.subsectorInvalid' }))
      .max(subsectors.length)
      .default([]),
    description: z
      .object(
        Object.fromEntries(supportedLocales.map((locale) => [locale, optionalText(2000, 'dataroom.profile.errors.descriptionTooLong')])) as Record<
          (typeof supportedLocales)[number],
          ReturnType<typeof optionalText>
        >,
      )
      .default({ en: null, es: null, pt: null, gl: null }),
    team: z
      .array(
        z.object({
          name: z
            .string({ error: 'dataroom.profile.errors.teamNameRequired' })
            .trim()
            .min(1, 'dataroom.profile.errors.teamNameRequired')
            .max(120, 'dataroom.profile.errors.tooLong'),
          role: z
            .string({ error: 'dataroom.profile.errors.teamRoleRequired' })
            .trim()
            .min(1, 'dataroom.profile.errors.teamRoleRequired')
            .max(120, 'dataroom.profile.errors.tooLong'),
        }),
      )
      .max(MAX_TEAM, 'dataroom.profile.errors.teamTooLarge')
      .default([]),
    removeLogo: z.literal('on').optional(),
  })
export type StartupProfileInput = z.output<ReturnType<typeof startupProfileSchema>>
