import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuthPage } from '~/components/account/auth-page'
import { buttonClass } from '~/components/ui/button'
import { AFTER_LOGIN_PATH } from '~/modules/accounts/navigation'
import { takeReturnPath } from '~/modules/accounts/return-path.server'
import { getActor } from '~/modules/accounts/session.server'
import { verifyEmail } from '~/modules/accounts/verification.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

/** The link in the verification email: confirms the address once, then sends the person on. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const result = await verifyEmail(context.db, params.token ?? '')
  const actor = await getActor(request, context)
  if (result.status === 'verified') {
    if (!actor) return redirectWithToast('/login', 'accounts.verify.done')
    const next = await takeReturnPath(request, AFTER_LOGIN_PATH)
    return redirectWithToast(next.path, 'accounts.verify.done', { headers: { 'Set-Cookie': next.setCookie } })
  }
  const title = await pageTitle(request, context, 'accounts.verify.invalidTitle')
  return data({ title, signedIn: actor !== null, verified: actor?.emailVerified ?? false }, { status: 400 })
}

export default function VerifyEmailTokenPage() {
  const { t } = useTranslation()
  const { signedIn, verified } = useLoaderData<typeof loader>()
  return (
    <AuthPage title={t('accounts.verify.invalidTitle')} description={t('accounts.verify.invalidLead')}>
      {verified ? (
        <Link to={AFTER_LOGIN_PATH} className={buttonClass('primary', 'w-full')}>
          {t('accounts.verify.continue')}
        </Link>
      ) : signedIn ? (
        <Link to="/verify-email" className={buttonClass('primary', 'w-full')}>
          {t('accounts.verify.getNewLink')}
        </Link>
      ) : (
        <Link to="/login?redirectTo=%2Fverify-email" className={buttonClass('primary', 'w-full')}>
          {t('accounts.verify.loginForNewLink')}
        </Link>
      )}
    </AuthPage>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
