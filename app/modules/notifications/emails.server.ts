import { and, eq } from 'drizzle-orm'
import { createElement } from 'react'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { notificationPreferences, notifications, users } from '../../../db/schema'
import { renderEmail } from '../../../emails/render.server'
import { NotificationEmail } from '../../../emails/templates/notification'
import type { JobHandler } from '../jobs/worker.server'
import { isNotificationKind, notificationKinds } from './kinds'
import { notificationValues } from './values'

/**
 * Emails a notification to its person, in their language, unless they turned that kind of email
 * off (or the notification was read in the app meanwhile, or the account is gone).
 */
export const sendNotificationEmail: JobHandler<'email.notification'> = async (ctx, { notificationId }) => {
  const [row] = await ctx.db
    .select({ notification: notifications, email: users.email, locale: users.locale, name: users.name, wanted: notificationPreferences.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, notifications.userId), eq(notificationPreferences.kind, notifications.kind)))
    .where(eq(notifications.id, notificationId))
  if (!row || row.notification.readAt || !isNotificationKind(row.notification.kind)) return
  const kind = row.notification.kind
  if (!(row.wanted ?? notificationKinds[kind].email)) return
  const t = getFixedT(row.locale)
  const values = notificationValues(row.notification.data, row.locale)
  const url = `${ctx.config.appUrl}${row.notification.link}`
  const { html, text } = await renderEmail(
    createElement(NotificationEmail, {
      lang: row.locale,
      preview: t(`notifications.kinds.${kind}.title`, values),
      heading: t(`notifications.kinds.${kind}.title`, values),
      body: t(`notifications.kinds.${kind}.body`, values),
      button: t('notifications.email.open'),
      url,
      footer: t('notifications.email.footer', { url: `${ctx.config.appUrl}/settings` }),
    }),
  )
  await ctx.mailer.send({ to: row.email, subject: t(`notifications.kinds.${kind}.subject`, values), html, text })
}
