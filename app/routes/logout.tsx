import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { clearSessionCookie, getActor, revokeSessions } from '~/modules/accounts/session.server'

/** Logging out is a POST (a link or an image cannot sign anyone out): the session row is revoked, the cookie cleared. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await getActor(request, context)
  if (actor) await revokeSessions(context.db, { sessionId: actor.sessionId }, 'logout')
  return redirect('/', { headers: { 'Set-Cookie': await clearSessionCookie(context) } })
}

export function loader() {
  return redirect('/')
}
