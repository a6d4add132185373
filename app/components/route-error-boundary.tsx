import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * An error page: not found, not allowed, or unexpected. Inside a route it sits in the app shell;
 * `standalone` (the root's boundary, when there is no shell) makes it the page's main landmark
 * and links home with a full page load.
 */
export function RouteErrorBoundary({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const key = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : 'unexpected'
  if (!isRouteErrorResponse(error)) console.error(error)
  const content = (
    <>
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t(`common.errors.${key}.title`)}</h1>
      <p className="mt-4 text-muted">{t(`common.errors.${key}.description`)}</p>
      <a href="/" className="mt-8 inline-block font-semibold text-brand-700 underline">
        {t('common.errors.home')}
      </a>
    </>
  )
  return standalone ? (
    <main id="main" className="mx-auto max-w-xl px-6 py-24 text-center">
      {content}
    </main>
  ) : (
    <div className="mx-auto max-w-xl py-16 text-center">{content}</div>
  )
}
