import type { LoaderFunctionArgs } from '@remix-run/node'
import { getActor } from '~/modules/accounts/session.server'
import { proposalJson } from '~/modules/proposals/api.server'
import { getProposalForViewer } from '~/modules/proposals/disclosure.server'

/**
 * GET /api/v1/proposals/:id — a proposal's published version as JSON, in the tier of whoever
 * asks (the public tier without a session; more with a verified investor's or an organiser's).
 * Documented in README.md ("JSON API").
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const view = await getProposalForViewer(context.db, actor, params.id)
  const body = view ? proposalJson(view) : null
  if (!body) {
    return Response.json({ error: 'not_found', message: 'No published proposal with this id is visible to you.' }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
  }
  // An answer that depends on who asks is never stored by shared caches.
  const cacheControl = actor ? 'private, no-store' : 'public, max-age=60'
  return Response.json(body, { headers: { 'Cache-Control': cacheControl, Vary: 'Cookie' } })
}
