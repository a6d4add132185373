import { z } from 'zod'
import type { alertFrequencies as dbAlertFrequencies } from '../../../db/schema'

/**
 * The saved-search forms, shared by the browser (Conform) and the server (parseWithZod).
 * Error messages are translation keys (alerts.errors.*).
 */

export const SAVED_SEARCH_NAME_MAX = 80
/** Saved searches one person may keep. */
export const MAX_SAVED_SEARCHES = 25
/** A saved query string is the search page's canonical one; longer is not a search Ponte made. */
export const SAVED_QUERY_MAX = 2000

// Kept here (not imported from db/schema) so the browser bundle needs no database code;
// `satisfies` keeps it in step with the database enum.
export const alertFrequencies = ['instant', 'daily', 'weekly', 'off'] as const satisfies readonly (typeof dbAlertFrequencies)[number][]
export type AlertFrequency = (typeof alertFrequencies)[number]

const nameField = () =>
  z
    .string({ error: 'alerts.errors.nameRequired' })
    .trim()
    .min(1, { error: 'alerts.errors.nameRequired' })
    .max(SAVED_SEARCH_NAME_MAX, { error: 'alerts.errors.nameTooLong' })

const frequencyField = () => z.enum(alertFrequencies, { error: 'alerts.errors.frequencyInvalid' })

/** Saving the search page's current search. */
export const SaveSearchSchema = z.object({
  name: nameField(),
  frequency: frequencyField(),
  query: z.string().max(SAVED_QUERY_MAX).optional().default(''),
})

export const RenameSavedSearchSchema = z.object({ id: z.uuid(), name: nameField() })
export const SavedSearchFrequencySchema = z.object({ id: z.uuid(), frequency: frequencyField() })
export const SavedSearchIdSchema = z.object({ id: z.uuid() })
