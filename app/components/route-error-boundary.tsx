import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** A route's error page inside the app shell: not found, not allowed, or unexpected. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const key = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : 'unexpected'
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t(`common.errors.${key}.title`)}</h1>
      <p className="mt-4 text-muted">{t(`common.errors.${key}.description`)}</p>
      <Link to="/" className="mt-8 inline-block font-semibold text-brand-700 underline">
        {t('common.errors.home')}
      </Link>
    </div>
  )
}
