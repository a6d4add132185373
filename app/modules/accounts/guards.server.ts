import { redirect, type AppLoadContext } from '@remix-run/node'
import { canManageOrganisation, isOrganiser, type Actor, type ActorMembership, type OrganisationKind } from './actor'
import { getActor } from './session.server'

/** A path on this site to come back to after signing in; anything else falls back to `/`. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback
  }
  return value
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url)
  const back = safeRedirectPath(`${url.pathname}${url.search}`)
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
}

export function forbidden(message = 'Forbidden'): Response {
  return new Response(message, { status: 403 })
}

export function notFound(message = 'Not found'): Response {
  return new Response(message, { status: 404 })
}

/** The signed-in person, or a redirect to the login page that comes back here. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await getActor(request, context)
  if (!actor) throw loginRedirect(request)
  return actor
}

/** Signed in and with a verified email address; otherwise sent to the page that asks to verify. */
export async function requireVerifiedUser(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await requireUser(request, context)
  if (!actor.emailVerified) throw redirect('/verify-email')
  return actor
}

/** Only signed-out visitors (login, sign-up pages): a signed-in person goes home. */
export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  if (await getActor(request, context)) throw redirect('/')
}

async function requireKind(request: Request, context: AppLoadContext, kind: OrganisationKind) {
  const actor = await requireVerifiedUser(request, context)
  const membership = actor.memberships.find((m) => m.kind === kind)
  if (!membership) throw forbidden()
  return { actor, membership }
}

/** A member of an investor organisation. */
export function requireInvestor(request: Request, context: AppLoadContext) {
  return requireKind(request, context, 'investor')
}

/** A member of a startup organisation. */
export function requireStartupMember(request: Request, context: AppLoadContext) {
  return requireKind(request, context, 'startup')
}

/** A member of an organiser organisation, or an admin. */
export async function requireOrganiser(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await requireVerifiedUser(request, context)
  if (!isOrganiser(actor)) throw forbidden()
  return actor
}

export async function requireAdmin(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await requireVerifiedUser(request, context)
  if (!actor.isAdmin) throw forbidden()
  return actor
}

/**
 * A member of the organisation `slug`. Non-members get a 404 (the organisation's private pages
 * do not reveal that it exists); members without `manage` rights get a 403 when `manage` is asked.
 */
export async function requireMembership(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  options: { manage?: boolean } = {},
): Promise<{ actor: Actor; membership: ActorMembership }> {
  const actor = await requireVerifiedUser(request, context)
  const membership = actor.memberships.find((m) => m.organisationSlug === slug)
  if (!membership) throw notFound()
  if (options.manage && !canManageOrganisation(membership)) throw forbidden()
  return { actor, membership }
}
