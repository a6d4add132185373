/**
 * Which notifications a person gets by email: one choice per kind, the kind's default until
 * they choose (the `email.notification` job reads the same rows when it runs).
 */
import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { notificationPreferences } from '../../../db/schema'
import type { Actor } from '../accounts/actor'
import { isNotificationKind, notificationKinds, type NotificationKind } from './kinds'

export const notificationKindList = Object.keys(notificationKinds) as NotificationKind[]

/** Every kind with whether the person gets it by email. */
export async function getEmailPreferences(db: DbOrTx, userId: string): Promise<{ kind: NotificationKind; email: boolean }[]> {
  const rows = await db.select({ kind: notificationPreferences.kind, email: notificationPreferences.email }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId))
  const chosen = new Map(rows.map((row) => [row.kind, row.email]))
  return notificationKindList.map((kind) => ({ kind, email: chosen.get(kind) ?? notificationKinds[kind].email }))
}

/** Saves the person's choice for every kind: the kinds in `emailed` by email, the others in the app only. */
export async function saveEmailPreferences(db: DbOrTx, actor: Actor, emailed: readonly string[]): Promise<void> {
  const wanted = new Set(emailed.filter(isNotificationKind))
  await db
    .insert(notificationPreferences)
    .values(notificationKindList.map((kind) => ({ userId: actor.userId, kind, email: wanted.has(kind) })))
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email: sql`excluded.email` } })
}
