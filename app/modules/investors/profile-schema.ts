/**
 * The investor profile form, used by Conform in the browser and parseWithZod on the server;
 * messages are translation keys under `investors.profile.errors`.
 */
import { z } from 'zod'
import { supportedLocales, type Locale } from '~/modules/i18n/locales'
import { countryCodes } from '~/modules/organisations/countries'
import { isNutsCode } from '~/modules/organisations/regions'
import { stages, trlLevels } from '~/modules/proposals/taxonomy'
import { investorTypes } from '~/modules/organisations/schemas'
import { subsectors } from '~/modules/startups/subsectors'

export const MAX_PORTFOLIO_HIGHLIGHTS = 6
/** The largest ticket a profile may state, in euros (tickets are stored as integer cents). */
export const MAX_TICKET_EUROS = 20_000_000

const error = (key: string) => `investors.profile.errors.${key}`

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, error('tooLong'))
    .optional()
    .transform((value) => value || null)

const trl = z.coerce
  .number({ error: error('trlInvalid') })
  .int(error('trlInvalid'))
  .refine((level) => (trlLevels as readonly number[]).includes(level), error('trlInvalid'))
  .optional()

const euros = z.coerce
  .number({ error: error('ticketInvalid') })
  .int(error('ticketInvalid'))
  .min(1, error('ticketInvalid'))
  .max(MAX_TICKET_EUROS, error('ticketTooLarge'))
  .optional()

/** An array field of checkboxes: one value when one box is ticked, none when none is. */
const choices = <T extends readonly [string, ...string[]]>(values: T, invalid: string) => z.array(z.enum(values, { error: error(invalid) })).default([])

export const InvestorProfileSchema = z
  .object({
    type: z.enum(investorTypes, { error: error('typeRequired') }),
    city: optionalText(120),
    countries: choices(countryCodes, 'countryInvalid'),
    thesis: z
      .object(Object.fromEntries(supportedLocales.map((locale) => [locale, optionalText(2000)])) as Record<Locale, ReturnType<typeof optionalText>>)
      .default({ en: null, es: null, pt: null, gl: null }),
    subsectors: choices(subsectors, 'subsectorInvalid'),
    stages: choices(stages, 'stageInvalid'),
    trlMin: trl,
    trlMax: trl,
    ticketMin: euros,
    ticketMax: euros,
    regions: z
      .array(z.string().refine(isNutsCode, error('regionInvalid')))
      .max(60)
      .default([]),
    coInvestment: z.literal('on').optional(),
    portfolio: z
      .array(
        z.object({
          name: z
            .string({ error: error('portfolioNameRequired') })
            .trim()
            .min(1, error('portfolioNameRequired'))
            .max(120, error('tooLong')),
          note: z
            .string({ error: error('portfolioNoteRequired') })
            .trim()
            .min(1, error('portfolioNoteRequired'))
            .max(160, error('tooLong')),
        }),
      )
      .max(MAX_PORTFOLIO_HIGHLIGHTS, error('portfolioTooLong'))
      .default([]),
    listed: z.literal('on').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.trlMin !== undefined && value.trlMax !== undefined && value.trlMin > value.trlMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['trlMax'],
        message: error('trlOrder'),
      })
    }
    if (value.ticketMin !== undefined && value.ticketMax !== undefined && value.ticketMin > value.ticketMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['ticketMax'],
        message: error('ticketOrder'),
      })
    }
    if (value.listed && !value.thesis.en && !value.thesis.es && !value.thesis.pt && !value.thesis.gl) {
      ctx.addIssue({
        code: 'custom',
        path: ['thesis'],
        message: error('thesisForListing'),
      })
    }
  })

export type InvestorProfileInput = z.output<typeof InvestorProfileSchema>
