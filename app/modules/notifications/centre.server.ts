/**
 * The notification centre: a person's own notifications, newest first, and their unread count.
 * Everything here is filtered by the signed-in person's id; another person's notification is
 * never found (a 404 for the route).
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { pageWithin } from '../../../db/paging'
import { notifications } from '../../../db/schema'
import type { Actor } from '../accounts/actor'
import { safeRedirectPath } from '../accounts/guards.server'
import { getFixedT } from '../i18n/i18n.server'
import type { Locale } from '../i18n/locales'
import { isUuid } from '../proposals/access.server'
import { isNotificationKind } from './kinds'
import { notificationValues } from './values'

export const NOTIFICATIONS_PER_PAGE = 20

export interface NotificationItem {
  id: string
  /** The sentence in the reader's language. */
  title: string
  createdAt: Date
  read: boolean
}

/** One page of the person's notifications, their sentences in `locale`. */
export async function listNotifications(db: DbOrTx, actor: Actor, locale: Locale, page: number) {
  // Both counts in one scan of the person's notifications.
  const [totals] = await db
    .select({ total: count(), read: count(notifications.readAt) })
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
  const total = totals?.total ?? 0
  const unread = total - (totals?.read ?? 0)
  const { page: current, pageCount, offset } = pageWithin(total, page, NOTIFICATIONS_PER_PAGE)
  const rows = await db
    .select({ id: notifications.id, kind: notifications.kind, data: notifications.data, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE)
    .offset(offset)
  const t = getFixedT(locale)
  const items: NotificationItem[] = rows.map((row) => ({
    id: row.id,
    title: isNotificationKind(row.kind) ? t(`notifications.kinds.${row.kind}.title`, notificationValues(row.data, locale)) : t('notifications.centre.unknown'),
    createdAt: row.createdAt,
    read: row.readAt !== null,
  }))
  return { items, total, unread, page: current, pageCount }
}

/** How many of the person's notifications are unread (one count over their index entries). */
export async function countUnreadNotifications(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return row?.unread ?? 0
}

/** Marks one of the person's notifications read and returns where it leads; null when it is not theirs. */
export async function openNotification(db: DbOrTx, actor: Actor, id: string | undefined): Promise<string | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
  if (!row) return null
  if (!row.readAt) await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id))
  return safeRedirectPath(row.link, '/notifications')
}

/** Marks every unread notification of the person read; returns how many. */
export async function markAllNotificationsRead(db: DbOrTx, actor: Actor): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
  return rows.length
}
