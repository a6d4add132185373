import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { mailboxMessages } from '../../db/schema'
import { TEST_APP_URL } from './context'

/** The messages the development mailbox holds for `to`, oldest first. */
export function mailTo(db: Db, to: string) {
  return db.select().from(mailboxMessages).where(eq(mailboxMessages.to, to)).orderBy(asc(mailboxMessages.createdAt))
}

/** The token of the first `${appUrl}${path}/<token>` link in a text, or throws. */
export function tokenFromLink(text: string, path: '/verify-email' | '/reset-password' | '/jury-invitations', appUrl = TEST_APP_URL): string {
  const match = text.match(new RegExp(`${appUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${path}/([A-Za-z0-9_-]+)`))
  if (!match) throw new Error(`no ${path} link in:\n${text}`)
  return match[1]!
}
