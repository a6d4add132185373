/**
 * The forms of the organisations capability. Each schema is used by Conform in the browser and
 * by parseWithZod on the server; messages are translation keys the form translates.
 */
import { z } from 'zod'
import type { investorTypes as dbInvestorTypes, membershipRoles as dbRoles } from '../../../db/schema'
import { isCountryCode } from './countries'
import { hasNutsRegions, isRegionOfCountry } from './regions'

// Kept here (not imported from db/schema) so the browser bundle needs no database code;
// `satisfies` keeps them in step with the database enums.
export const investorTypes = ['business_angel', 'angel_network', 'vc_fund', 'corporate', 'public_fund', 'family_office'] as const satisfies readonly (typeof dbInvestorTypes)[number][]
export type InvestorType = (typeof investorTypes)[number]
export const membershipRoles = ['owner', 'admin', 'member'] as const satisfies readonly (typeof dbRoles)[number][]
export type Role = (typeof membershipRoles)[number]

const name = z
  .string({ error: 'organisations.errors.nameRequired' })
  .trim()
  .min(2, 'organisations.errors.nameTooShort')
  .max(120, 'organisations.errors.nameTooLong')

const country = z
  .string({ error: 'organisations.errors.countryRequired' })
  .refine(isCountryCode, 'organisations.errors.countryInvalid')

const StartupSchema = z.object({
  kind: z.literal('startup'),
  name,
  country,
  region: z
    .string({ error: 'organisations.errors.regionRequired' })
    .trim()
    .toUpperCase()
    .max(8, 'organisations.errors.regionInvalid'),
  city: z
    .string({ error: 'organisations.errors.cityRequired' })
    .trim()
    .min(1, 'organisations.errors.cityRequired')
    .max(120, 'organisations.errors.cityTooLong'),
})

const InvestorSchema = z.object({
  kind: z.literal('investor'),
  name,
  country,
  investorType: z.enum(investorTypes, { error: 'organisations.errors.investorTypeRequired' }),
})

const OrganiserSchema = z.object({ kind: z.literal('organiser'), name, country })

/** /organisations/new: a startup, an investor firm or (platform admins only) an organiser. */
export const CreateOrganisationSchema = z
  .discriminatedUnion('kind', [StartupSchema, InvestorSchema, OrganiserSchema], {
    error: 'organisations.errors.kindRequired',
  })
  .superRefine((value, ctx) => {
    // A country outside the list already has its own error.
    if (value.kind !== 'startup' || !isCountryCode(value.country)) return
    if (!hasNutsRegions(value.country)) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'organisations.errors.startupCountry' })
    } else if (!isRegionOfCountry(value.region, value.country)) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'organisations.errors.regionInvalid' })
    }
  })
export type CreateOrganisationInput = z.output<typeof CreateOrganisationSchema>

const email = z
  .string({ error: 'organisations.errors.emailRequired' })
  .trim()
  .toLowerCase()
  .max(254, 'organisations.errors.emailInvalid')
  .pipe(z.email({ error: 'organisations.errors.emailInvalid' }))

const role = z.enum(membershipRoles, { error: 'organisations.errors.roleInvalid' })
const userId = z.uuid({ error: 'organisations.errors.memberNotFound' })
const invitationId = z.uuid({ error: 'organisations.errors.invitationNotFound' })

export const InviteSchema = z.object({ intent: z.literal('invite'), email, role })
export type InviteInput = z.output<typeof InviteSchema>
export const ResendInvitationSchema = z.object({ intent: z.literal('resend-invitation'), invitationId })
export const RevokeInvitationSchema = z.object({ intent: z.literal('revoke-invitation'), invitationId })
export const ChangeRoleSchema = z.object({ intent: z.literal('change-role'), userId, role })
export const RemoveMemberSchema = z.object({ intent: z.literal('remove-member'), userId })
export const LeaveSchema = z.object({ intent: z.literal('leave') })

/** The forms of the organisation page, by intent. */
export const organisationPageSchemas = {
  invite: InviteSchema,
  'resend-invitation': ResendInvitationSchema,
  'revoke-invitation': RevokeInvitationSchema,
  'change-role': ChangeRoleSchema,
  'remove-member': RemoveMemberSchema,
  leave: LeaveSchema,
} as const
export type OrganisationPageIntent = keyof typeof organisationPageSchemas

/** Accepting or declining an invitation from its link. */
export const RespondToInvitationSchema = z.object({ intent: z.enum(['accept', 'decline'], { error: 'organisations.errors.unknownAction' }) })

/** Accepting or declining an invitation from the dashboard (the invitation is named by id). */
export const RespondToInvitationByIdSchema = z.object({
  intent: z.enum(['accept', 'decline'], { error: 'organisations.errors.unknownAction' }),
  invitationId,
})
