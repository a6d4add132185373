import { createCookie, type AppLoadContext } from '@remix-run/node'
import { and, eq, gt, isNull, ne } from 'drizzle-orm'
import { isLocale } from '~/modules/i18n/locales'
import type { DbOrTx } from '../../../db/client'
import { memberships, organisations, sessions, users } from '../../../db/schema'
import type { Actor } from './actor'
import { createToken, hashToken } from './tokens.server'

export const SESSION_DAYS = 30
const SESSION_COOKIE = 'ponte_session'

function sessionCookie(context: AppLoadContext) {
  return createCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: context.config.appUrl.startsWith('https:'),
    secrets: [context.config.sessionSecret],
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  })
}

export interface SessionMeta {
  ipAddress?: string | null
  userAgent?: string | null
}

export function requestMeta(request: Request): SessionMeta {
  return {
    ipAddress: request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null,
    userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
  }
}

/** Opens a session for `userId` and returns the Set-Cookie header that carries it. */
export async function startSession(
  db: DbOrTx,
  context: AppLoadContext,
  userId: string,
  meta: SessionMeta,
): Promise<string> {
  const token = createToken()
  await db.insert(sessions).values({
    userId,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
    ipAddress: meta.ipAddress ?? null,
    userAgent: meta.userAgent ?? null,
  })
  return sessionCookie(context).serialize(token)
}

/** The Set-Cookie header that removes the session cookie. */
export function clearSessionCookie(context: AppLoadContext): Promise<string> {
  return sessionCookie(context).serialize('', { maxAge: 0 })
}

async function readSessionToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value = await sessionCookie(context).parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/**
 * Ends sessions: one (`sessionId`), or all of a user's (`userId`), optionally keeping the one
 * they are using (`exceptSessionId`, e.g. after a password change). Returns how many ended.
 */
export async function revokeSessions(
  db: DbOrTx,
  where: { userId: string; exceptSessionId?: string } | { sessionId: string },
  reason: string,
): Promise<number> {
  const condition =
    'userId' in where
      ? and(eq(sessions.userId, where.userId), where.exceptSessionId ? ne(sessions.id, where.exceptSessionId) : undefined)
      : eq(sessions.id, where.sessionId)
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(condition, isNull(sessions.revokedAt)))
    .returning({ id: sessions.id })
  return revoked.length
}

const actorCache = new WeakMap<Request, Promise<Actor | null>>()

/** The signed-in person of a request, or null. Read once per request. */
export function getActor(request: Request, context: AppLoadContext): Promise<Actor | null> {
  let pending = actorCache.get(request)
  if (!pending) {
    pending = loadActor(request, context)
    actorCache.set(request, pending)
  }
  return pending
}

async function loadActor(request: Request, context: AppLoadContext): Promise<Actor | null> {
  const token = await readSessionToken(request, context)
  if (!token) return null
  const [row] = await context.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
  if (!row) return null
  const rows = await context.db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      kind: organisations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, row.user.id), isNull(organisations.suspendedAt)))
    .orderBy(organisations.name)
  if (Date.now() - row.session.lastSeenAt.getTime() > 60 * 60 * 1000) {
    await context.db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.session.id))
  }
  return {
    userId: row.user.id,
    sessionId: row.session.id,
    email: row.user.email,
    name: row.user.name,
    locale: isLocale(row.user.locale) ? row.user.locale : 'en',
    emailVerified: row.user.emailVerifiedAt !== null,
    isAdmin: row.user.isAdmin,
    memberships: rows,
  }
}
