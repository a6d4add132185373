import '~/modules/security/zod-without-eval'
import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRevalidator,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AppShell } from '~/components/layout/app-shell'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { useNonce } from '~/components/nonce'
import { getActor } from '~/modules/accounts/session.server'
import { navigationFor } from '~/modules/accounts/navigation'
import { hasJurorSeat } from '~/modules/rounds/access.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { isTimeZone, timeZoneCookie, timeZoneFromCookieHeader } from '~/modules/i18n/time-zone'
import { countUnreadNotifications } from '~/modules/notifications/centre.server'
import { takeToast } from '~/modules/toast/toast.server'
import stylesheet from '~/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const locale = await detectLocale(request, actor?.locale)
  const { toast, headers } = await takeToast(request)
  return data(
    {
      locale,
      timeZone: timeZoneFromCookieHeader(request.headers.get('Cookie'), locale),
      toast,
      showMailbox: context.config.devMailbox,
      user: actor
        ? {
            name: actor.name,
            email: actor.email,
            emailVerified: actor.emailVerified,
            navigation: navigationFor(actor, { juror: await hasJurorSeat(context.db, actor.userId) }),
            unreadNotifications: await countUnreadNotifications(context.db, actor.userId),
            organisations: actor.memberships.map((m) => ({ name: m.organisationName, slug: m.organisationSlug, kind: m.kind })),
          }
        : null,
    },
    { headers },
  )
}

export type RootLoaderData = typeof loader

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  // Without root data (a URL that matches no page) the language is the one the server
  // detected for rendering; the browser reads it back from <html lang> to hydrate in it.
  const { i18n } = useTranslation()
  return (
    <html lang={data?.locale ?? i18n.language} dir="ltr" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full font-sans">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/** Tells the server the browser's time zone once, and shows the page again in it. */
function useBrowserTimeZone(serverTimeZone: string) {
  const revalidator = useRevalidator()
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (!isTimeZone(browserZone) || browserZone === serverTimeZone) return
    document.cookie = timeZoneCookie(browserZone)
    revalidator.revalidate()
    // Once per zone the server got wrong; the revalidator is a fresh object every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverTimeZone])
}

/** The zone times are shown in on this page (the root loader's, which the browser corrects). */
export function useViewerTimeZone(): string {
  return useRouteLoaderData<typeof loader>('root')?.timeZone ?? 'Europe/Madrid'
}

export default function App() {
  const data = useLoaderData<typeof loader>()
  useBrowserTimeZone(data.timeZone)
  return (
    <AppShell user={data.user} locale={data.locale} toast={data.toast} showMailbox={data.showMailbox}>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary standalone />
}
