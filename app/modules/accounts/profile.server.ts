import { eq } from 'drizzle-orm'
import type { Locale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { users } from '../../../db/schema'
import type { Actor } from './actor'

/** Remembers the language a person chose, for pages and for the emails Ponte sends them. */
export async function setAccountLocale(db: DbOrTx, actor: Actor, locale: Locale): Promise<void> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.userId))
}
