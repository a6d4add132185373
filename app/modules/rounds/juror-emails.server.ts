import { and, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { createElement } from 'react'
import { createToken, hashToken } from '~/modules/accounts/tokens.server'
import { formatDateTime } from '~/modules/i18n/format'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { organisations, roundJurors, rounds, users } from '../../../db/schema'
import { renderEmail } from '../../../emails/render.server'
import { JuryInvitationEmail } from '../../../emails/templates/jury-invitation'
import type { JobHandler } from '../jobs/worker.server'
import { canEditSection } from './schemas'

const inviter = alias(users, 'inviter')
const investor = alias(organisations, 'investor')

/**
 * Sends a jury invitation: re-reads the seat (nothing goes to a removed or accepted juror, or
 * once the jury can no longer change), mints a new link token (only its hash is kept, so earlier
 * links stop working) and writes in the language of the invited person's account, else of the
 * organiser who invited them.
 */
export const sendJuryInvitationEmail: JobHandler<'email.jury-invitation'> = async (ctx, { jurorId }) => {
  const [row] = await ctx.db
    .select({
      seat: roundJurors,
      round: { name: rounds.name, status: rounds.status, closesAt: rounds.closesAt, timeZone: rounds.timeZone },
      organiserName: organisations.name,
      investorName: investor.name,
      inviterName: inviter.name,
      inviterLocale: inviter.locale,
    })
    .from(roundJurors)
    .innerJoin(rounds, eq(rounds.id, roundJurors.roundId))
    .innerJoin(organisations, eq(organisations.id, rounds.organiserOrganisationId))
    .leftJoin(investor, eq(investor.id, roundJurors.investorOrganisationId))
    .leftJoin(inviter, eq(inviter.id, roundJurors.invitedBy))
    .where(and(eq(roundJurors.id, jurorId), isNull(roundJurors.removedAt), isNull(roundJurors.acceptedAt)))
  if (!row || !canEditSection('jury', row.round.status)) return
  const [account] = await ctx.db.select({ locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${row.seat.email.toLowerCase()}`)
  const locale = account?.locale ?? row.inviterLocale ?? 'en'
  const t = getFixedT(locale)
  const token = createToken()
  await ctx.db.update(roundJurors).set({ tokenHash: hashToken(token) }).where(eq(roundJurors.id, row.seat.id))

  const roundName = pickLocalizedText(row.round.name, locale)?.text ?? ''
  const inviterName = row.inviterName ?? row.organiserName
  const { html, text } = await renderEmail(
    createElement(JuryInvitationEmail, {
      t,
      lang: locale,
      name: row.seat.name,
      inviterName,
      organiserName: row.organiserName,
      roundName,
      seat: row.investorName ? t('rounds.email.jury.seatInvestor', { organisation: row.investorName }) : t('rounds.email.jury.seatIndependent'),
      closes: t('rounds.window.inZone', { time: formatDateTime(row.round.closesAt, locale, row.round.timeZone), zone: row.round.timeZone }),
      url: `${ctx.config.appUrl}/jury-invitations/${token}`,
      email: row.seat.email,
    }),
  )
  await ctx.mailer.send({ to: row.seat.email, subject: t('rounds.email.jury.subject', { inviter: inviterName, round: roundName }), html, text })
}
