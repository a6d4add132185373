/**
 * Telling people that something happened: one in-app notification per person, and an email
 * through the job queue when their settings ask for it (the job re-reads the settings and the
 * notification when it runs, so a change of mind before it is sent counts).
 */
import { enqueue } from '~/modules/jobs/queue.server'
import type { DbOrTx } from '../../../db/client'
import { notifications } from '../../../db/schema'
import type { NotificationKind } from './kinds'

export interface NotificationInput {
  /** Who to tell; repeated ids are told once. */
  userIds: readonly string[]
  kind: NotificationKind
  /** The facts the texts are made from (names, titles, amounts), in no language. */
  data: Record<string, string | number | null>
  /** A path in Ponte the notification leads to. */
  link: string
}

/** Records the notifications in the caller's transaction and queues their emails. */
export async function notify(tx: DbOrTx, input: NotificationInput): Promise<void> {
  const userIds = [...new Set(input.userIds)]
  if (userIds.length === 0) return
  const rows = await tx
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, kind: input.kind, data: input.data, link: input.link })))
    .returning({ id: notifications.id })
  for (const row of rows) await enqueue(tx, 'email.notification', { notificationId: row.id })
}
