import { eq } from 'drizzle-orm'
import { createElement, type ComponentType } from 'react'
import { users } from '../../../db/schema'
import { renderEmail } from '../../../emails/render.server'
import type { AccountEmailProps } from '../../../emails/templates/account-email'
import ResetPassword from '../../../emails/templates/reset-password'
import VerifyEmail from '../../../emails/templates/verify-email'
import { getFixedT } from '../i18n/i18n.server'
import { isLocale } from '../i18n/locales'
import type { JobContext, JobHandler } from '../jobs/worker.server'
import { mintUserToken, type TokenPurpose } from './user-tokens.server'

async function loadRecipient(ctx: JobContext, userId: string) {
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, emailVerifiedAt: users.emailVerifiedAt, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
  return user ?? null
}

/**
 * Mints a fresh token when the job runs (the queue carries only the user's id), renders the
 * template in the recipient's language and sends it. If sending fails the job is retried and
 * mints another token; the unsent one simply expires.
 */
async function sendTokenEmail(
  ctx: JobContext,
  user: { id: string; email: string; name: string; locale: string },
  options: { purpose: TokenPurpose; path: string; subjectKey: string; template: ComponentType<AccountEmailProps> },
) {
  const token = await mintUserToken(ctx.db, user.id, options.purpose)
  const locale = isLocale(user.locale) ? user.locale : 'en'
  const t = getFixedT(locale)
  const url = `${ctx.config.appUrl}${options.path}/${token}`
  const { html, text } = await renderEmail(createElement(options.template, { lang: locale, t, name: user.name, url }))
  await ctx.mailer.send({ to: user.email, subject: t(options.subjectKey), html, text })
}

/** 'email.verification': the link that confirms an address. Skipped once it is confirmed. */
export const sendVerificationEmail: JobHandler<'email.verification'> = async (ctx, { userId }) => {
  const user = await loadRecipient(ctx, userId)
  if (!user || user.emailVerifiedAt || user.disabledAt) return
  await sendTokenEmail(ctx, user, {
    purpose: 'email_verification',
    path: '/verify-email',
    subjectKey: 'accounts.email.verify.subject',
    template: VerifyEmail,
  })
}

/** 'email.password-reset': the link to choose a new password. Skipped for a disabled account. */
export const sendPasswordResetEmail: JobHandler<'email.password-reset'> = async (ctx, { userId }) => {
  const user = await loadRecipient(ctx, userId)
  if (!user || user.disabledAt) return
  await sendTokenEmail(ctx, user, {
    purpose: 'password_reset',
    path: '/reset-password',
    subjectKey: 'accounts.email.reset.subject',
    template: ResetPassword,
  })
}
