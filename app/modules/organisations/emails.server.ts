import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { createToken, hashToken } from '~/modules/accounts/tokens.server'
import { formatDate } from '~/modules/i18n/format'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { isLocale } from '~/modules/i18n/locales'
import { invitations, organisations, users } from '../../../db/schema'
import { renderEmail } from '../../../emails/render.server'
import { InvitationEmail } from '../../../emails/templates/invitation'
import type { JobHandler } from '../jobs/worker.server'
import { invitationStatus } from './invitations.server'
import { defaultTimeZoneFor } from '~/modules/i18n/time-zone'

/**
 * Sends an invitation: re-reads it (nothing is sent for an accepted, revoked or expired one),
 * mints a new link token (only its hash is stored, so earlier links stop working) and sends
 * the email in the invitation's language.
 */
export const sendInvitationEmail: JobHandler<'email.invitation'> = async (ctx, { invitationId }) => {
  const [row] = await ctx.db
    .select({ invitation: invitations, organisationName: organisations.name, inviterName: users.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.id, invitationId))
  if (!row || invitationStatus(row.invitation) !== 'pending') return
  const { invitation } = row
  const token = createToken()
  await ctx.db.update(invitations).set({ tokenHash: hashToken(token) }).where(eq(invitations.id, invitation.id))

  const locale = isLocale(invitation.locale) ? invitation.locale : 'en'
  const t = getFixedT(locale)
  const inviterName = row.inviterName ?? t('organisations.email.invitation.someone')
  const { html, text } = await renderEmail(
    createElement(InvitationEmail, {
      t,
      lang: locale,
      organisationName: row.organisationName,
      inviterName,
      roleLabel: t(`common.roles.${invitation.role}`),
      url: `${ctx.config.appUrl}/invitations/${token}`,
      expiresOn: formatDate(invitation.expiresAt, locale, defaultTimeZoneFor(locale)),
      email: invitation.email,
    }),
  )
  await ctx.mailer.send({
    to: invitation.email,
    subject: t('organisations.email.invitation.subject', { organisation: row.organisationName, inviter: inviterName }),
    html,
    text,
  })
}
