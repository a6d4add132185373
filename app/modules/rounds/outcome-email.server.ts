import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { createElement } from 'react'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { isLocale } from '~/modules/i18n/locales'
import { proposalTitle } from '~/modules/interests/parties.server'
import { applications, memberships, organisations, rounds, users } from '../../../db/schema'
import { renderEmail } from '../../../emails/render.server'
import { RoundOutcomeEmail } from '../../../emails/templates/round-outcome'
import type { JobHandler } from '../jobs/worker.server'
import { sharedCommentsOf } from './decisions.server'

/**
 * Emails one member of an applicant startup the outcome of its application, in the member's
 * language: read again when the job runs (someone who left the startup meanwhile gets nothing),
 * with the organisers' feedback and only the juror comments chosen to be shared, anonymised.
 */
export const sendRoundOutcomeEmail: JobHandler<'email.round-outcome'> = async (ctx, { applicationId, userId }) => {
  const [row] = await ctx.db
    .select({ application: applications, round: rounds, startup: organisations, email: users.email, locale: users.locale })
    .from(applications)
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .innerJoin(organisations, eq(organisations.id, applications.startupOrganisationId))
    .innerJoin(memberships, and(eq(memberships.organisationId, applications.startupOrganisationId), eq(memberships.userId, userId)))
    .innerJoin(users, and(eq(users.id, memberships.userId), isNull(users.disabledAt)))
    .where(and(eq(applications.id, applicationId), isNotNull(applications.outcomeSentAt)))
  if (!row) return
  const { application, round, startup } = row
  if (application.status !== 'shortlisted' && application.status !== 'declined') return
  const locale = isLocale(row.locale) ? row.locale : 'en'
  const t = getFixedT(locale)
  const values = {
    round: pickLocalizedText(round.name, locale)?.text ?? round.slug,
    startup: startup.name,
    proposal: await proposalTitle(ctx.db, application.proposalId, locale),
  }
  const comments = await sharedCommentsOf(ctx.db, round.id, application.id, locale)
  // The applicant's page of the round, where the outcome and the shared feedback show too.
  const url = `${ctx.config.appUrl}/studio/${startup.slug}/rounds/${round.slug}`
  const subject = t(`jury.email.${application.status}.subject`, values)
  const { html, text } = await renderEmail(
    createElement(RoundOutcomeEmail, {
      lang: locale,
      preview: subject,
      heading: t(`jury.email.${application.status}.heading`, values),
      body: t(`jury.email.${application.status}.body`, values),
      feedbackTitle: t('jury.email.feedbackTitle'),
      feedback: application.feedback ?? '',
      commentsTitle: t('jury.email.commentsTitle'),
      comments: comments.map((c) => ({ label: `${t('jury.jurorLabel', { number: c.juror })} · ${c.criterion}`, comment: c.comment })),
      button: t('jury.email.button'),
      url,
      footer: t('jury.email.footer', values),
    }),
  )
  await ctx.mailer.send({ to: row.email, subject, html, text })
}
