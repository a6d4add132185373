import { desc, eq, ilike } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '../../../db/client'
import { mailboxMessages } from '../../../db/schema'
import { containsPattern } from '../../../db/text-match'

/**
 * The development mailbox: the messages Ponte "sent" while no SMTP_URL is set (see
 * emails/mailer.server.ts). Only the /dev/mailbox pages read it, and only when
 * `config.devMailbox` is on.
 */
export async function listMailboxMessages(db: DbOrTx, options: { to?: string; limit?: number } = {}) {
  const to = options.to?.trim().toLowerCase()
  return db
    .select({ id: mailboxMessages.id, to: mailboxMessages.to, subject: mailboxMessages.subject, createdAt: mailboxMessages.createdAt })
    .from(mailboxMessages)
    .where(to ? ilike(mailboxMessages.to, containsPattern(to)) : undefined)
    .orderBy(desc(mailboxMessages.createdAt), desc(mailboxMessages.id))
    .limit(options.limit ?? 100)
}

export async function getMailboxMessage(db: DbOrTx, id: string) {
  if (!z.guid().safeParse(id).success) return null
  const [message] = await db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id))
  return message ?? null
}

const URL_PATTERN = /https?:\/\/[^\s<>"'[\]()]+/g

/** The links of a plain-text message, in order, each once (the verification link, the reset link...). */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(URL_PATTERN) ?? [])]
}

/** A plain-text message cut into text and links, so the page can make the links clickable. */
export function splitLinks(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) })
    parts.push({ text: match[0], href: match[0] })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}
