import type { AppLoadContext } from '@remix-run/node'
import { getActor } from '../accounts/session.server'
import { detectLocale, getFixedT } from './i18n.server'

/** A page's <title> in the visitor's language: "Log in · Ponte". Loaders return it; `meta` shows it. */
export async function pageTitle(request: Request, context: AppLoadContext, key: string): Promise<string> {
  const actor = await getActor(request, context)
  const locale = await detectLocale(request, actor?.locale)
  return `${getFixedT(locale)(key)} · Ponte`
}

