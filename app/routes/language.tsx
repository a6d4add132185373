import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirectPath } from '~/modules/accounts/guards.server'
import { setAccountLocale } from '~/modules/accounts/profile.server'
import { getActor } from '~/modules/accounts/session.server'
import { localeCookie } from '~/modules/i18n/i18n.server'
import { isLocale } from '~/modules/i18n/locales'

/** The language switcher posts here: remember the choice and go back to the page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const locale = form.get('locale')
  const back = safeRedirectPath(form.get('redirectTo'))
  if (!isLocale(locale)) return new Response('Unknown language.', { status: 400 })
  const actor = await getActor(request, context)
  if (actor) await setAccountLocale(context.db, actor, locale)
  return redirect(back, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}

export function loader() {
  return redirect('/')
}
