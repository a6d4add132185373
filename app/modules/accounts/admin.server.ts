import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { users } from '../../../db/schema'
import type { Actor } from './actor'
import { forbidden, notFound } from './guards.server'
import { revokeSessions } from './session.server'

const isUuid = (value: string) => z.guid().safeParse(value).success

/**
 * Disables an account (admins only): it can no longer sign in, and every open session ends
 * at once. Admins cannot disable themselves. Throws a 403/404 Response otherwise.
 */
export async function disableUser(db: Db, actor: Actor, userId: string): Promise<void> {
  if (!actor.isAdmin) throw forbidden()
  if (!isUuid(userId)) throw notFound()
  if (actor.userId === userId) throw forbidden('You cannot disable your own account.')
  await db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ disabledAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId)).returning({ id: users.id })
    if (!user) throw notFound()
    await revokeSessions(tx, { userId }, 'disabled')
  })
}

/** Lets a disabled account sign in again (admins only). */
export async function enableUser(db: Db, actor: Actor, userId: string): Promise<void> {
  if (!actor.isAdmin) throw forbidden()
  if (!isUuid(userId)) throw notFound()
  const [user] = await db.update(users).set({ disabledAt: null, updatedAt: new Date() }).where(eq(users.id, userId)).returning({ id: users.id })
  if (!user) throw notFound()
}
