/**
 * The upload form of /organiser/import, for Conform in the browser and parseWithZod on the
 * server. Messages are translation keys.
 */
import { z } from 'zod'
import { importLimits } from './columns'

export const ImportUploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'imports.errors.fileRequired' })
    .refine((file) => file.size > 0, 'imports.errors.fileRequired')
    .refine((file) => file.size <= importLimits.maxFileBytes, 'imports.errors.fileTooLarge'),
  publish: z.boolean().optional().default(false),
  dryRun: z.boolean().optional().default(false),
})

/** The size limit in megabytes, as the messages name it. */
export const maxUploadMegabytes = importLimits.maxFileBytes / 1024 / 1024
