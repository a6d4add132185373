import { Form, Link, NavLink, useLocation, useNavigation } from '@remix-run/react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { publicNavigation, type NavItem } from '~/modules/accounts/navigation'
import type { Locale } from '~/modules/i18n/locales'
import { LanguageSwitcher } from './language-switcher'

interface ShellUser {
  name: string
  email: string
  emailVerified: boolean
  navigation: NavItem[]
  /** Unread notifications (the bell's count). */
  unreadNotifications: number
}

export function AppShell(props: {
  user: ShellUser | null
  locale: Locale
  toast: string | null
  showMailbox: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const [menuOpen, setMenuOpen] = useState(false)
  const location = useLocation()
  useEffect(() => setMenuOpen(false), [location.pathname])
  const items = props.user ? props.user.navigation : publicNavigation
  const navLinks = items.map((item) => (
    <NavLink
      key={item.to}
      to={item.to}
      className={({ isActive }) =>
        `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium transition-colors ${isActive ? 'bg-brand-50 text-brand-800' : 'text-muted hover:bg-canvas hover:text-ink'}`
      }
    >
      {t(item.label)}
    </NavLink>
  ))

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only z-50 rounded bg-white px-4 py-2 focus:not-sr-only focus:absolute focus:left-4 focus:top-4">
        {t('common.skipToContent')}
      </a>
      <PendingBar />
      <header className="border-b border-line bg-white/90 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6">
          <Link to={props.user ? '/dashboard' : '/'} className="flex items-center gap-2 text-lg font-bold tracking-tight text-brand-700">
            <span aria-hidden="true" className="inline-block h-7 w-7 rounded-lg bg-gradient-to-br from-brand-500 to-brand-800" />
            Ponte
          </Link>
          {props.user ? null : (
            <nav aria-label={t('common.nav.label')} className="hidden flex-1 items-center gap-1 md:flex">
              {navLinks}
            </nav>
          )}
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitcher locale={props.locale} />
            {props.user ? <NotificationBell unread={props.user.unreadNotifications} /> : null}
            {props.user ? (
              <Form method="post" action="/logout" className="hidden md:block">
                <button type="submit" className="rounded-md px-3 py-2 text-sm font-medium text-muted hover:bg-canvas hover:text-ink">
                  {t('common.nav.logout')}
                </button>
              </Form>
            ) : (
              <div className="hidden items-center gap-2 md:flex">
                <Link to="/login" className="rounded-md px-3 py-2 text-sm font-medium text-muted hover:text-ink">
                  {t('common.nav.login')}
                </Link>
                <Link to="/signup" className="rounded-lg bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                  {t('common.nav.signup')}
                </Link>
              </div>
            )}
            <button
              type="button"
              className="rounded-md border border-line px-3 py-2 text-sm md:hidden"
              aria-expanded={menuOpen}
              aria-controls="mobile-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('common.nav.menu')}
            </button>
          </div>
        </div>
        {props.user ? (
          // A signed-in person's links get a row of their own, so that none wraps in any language.
          <div className="mx-auto hidden max-w-6xl px-4 pb-2 sm:px-6 md:block">
            <nav aria-label={t('common.nav.label')} className="flex items-center gap-1 overflow-x-auto">
              {navLinks}
            </nav>
          </div>
        ) : null}
        {menuOpen ? (
          <nav id="mobile-menu" aria-label={t('common.nav.label')} className="flex flex-col gap-1 border-t border-line px-4 py-3 md:hidden">
            {navLinks}
            {props.user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="w-full rounded-md px-3 py-2 text-left text-sm font-medium text-muted">
                  {t('common.nav.logout')}
                </button>
              </Form>
            ) : (
              <>
                <Link to="/login" className="rounded-md px-3 py-2 text-sm font-medium text-muted">
                  {t('common.nav.login')}
                </Link>
                <Link to="/signup" className="rounded-md px-3 py-2 text-sm font-medium text-brand-700">
                  {t('common.nav.signup')}
                </Link>
              </>
            )}
          </nav>
        ) : null}
      </header>
      {props.user && !props.user.emailVerified ? (
        <div className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
          {t('common.verifyBanner')}{' '}
          <Link to="/verify-email" className="font-semibold underline">
            {t('common.verifyBannerLink')}
          </Link>
        </div>
      ) : null}
      {props.toast ? (
        <div className="mx-auto mt-4 w-full max-w-6xl px-4 sm:px-6">
          <div role="status" className="rounded-lg border border-success/30 bg-success-soft px-4 py-3 text-sm text-success">
            {t(props.toast)}
          </div>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6 sm:py-12">
        {props.children}
      </main>
      <footer className="border-t border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-muted sm:px-6">
          <p>{t('common.footer.tagline')}</p>
          {props.showMailbox ? (
            <Link to="/dev/mailbox" className="underline">
              {t('common.footer.mailbox')}
            </Link>
          ) : null}
        </div>
      </footer>
    </div>
  )
}

/** The link to the notification centre, with the number of unread notifications. */
function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation()
  const label = unread > 0 ? t('notifications.navUnread', { count: unread }) : t('notifications.nav')
  return (
    <NavLink
      to="/notifications"
      aria-label={label}
      title={label}
      className={({ isActive }) =>
        `relative inline-flex h-9 w-9 items-center justify-center rounded-md transition-colors ${isActive ? 'bg-brand-50 text-brand-800' : 'text-muted hover:bg-canvas hover:text-ink'}`
      }
    >
      <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-brand-700 px-1 text-center text-[10px] font-semibold leading-4 text-white">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  )
}

/** A thin bar at the top while a page loads or a form submits. */
function PendingBar() {
  const navigation = useNavigation()
  const { t } = useTranslation()
  const busy = navigation.state !== 'idle'
  return (
    <div
      role="progressbar"
      aria-label={t('common.loading')}
      aria-hidden={!busy}
      className={`fixed inset-x-0 top-0 z-50 h-1 overflow-hidden transition-opacity ${busy ? 'opacity-100' : 'opacity-0'}`}
    >
      <div className="progress-indeterminate h-full w-1/3 bg-brand-500" />
    </div>
  )
}
