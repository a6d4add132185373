import { randomBytes } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import { hashPassword } from '~/modules/accounts/password.server'
import { startSession } from '~/modules/accounts/session.server'
import type { Db } from '../../db/client'
import { memberships, organisations, users } from '../../db/schema'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

const unique = () => randomBytes(4).toString('hex')

export async function createUser(
  db: Db,
  overrides: Partial<typeof users.$inferInsert> & { verified?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const { verified = true, ...values } = overrides
  const [user] = await db
    .insert(users)
    .values({
      email: `person-${unique()}@example.test`,
      name: 'Test Person',
      passwordHash: await passwordHash,
      emailVerifiedAt: verified ? new Date() : null,
      ...values,
    })
    .returning()
  return user!
}

export async function createOrganisation(
  db: Db,
  kind: 'startup' | 'investor' | 'organiser',
  options: { members?: { userId: string; role?: 'owner' | 'admin' | 'member' }[]; name?: string } = {},
) {
  const suffix = unique()
  const [organisation] = await db
    .insert(organisations)
    .values({ kind, name: options.name ?? `Test ${kind} ${suffix}`, slug: `test-${kind}-${suffix}`, country: 'ES' })
    .returning()
  for (const member of options.members ?? []) {
    await db.insert(memberships).values({ organisationId: organisation!.id, userId: member.userId, role: member.role ?? 'owner' })
  }
  return organisation!
}

/** A Cookie header for a signed-in session of `userId`. */
export async function signIn(context: AppLoadContext, userId: string): Promise<string> {
  const setCookie = await startSession(context.db, context, userId, {})
  return setCookie.split(';')[0]!
}
