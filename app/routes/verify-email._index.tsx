import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuthPage } from '~/components/account/auth-page'
import { Button, buttonClass } from '~/components/ui/button'
import { FormErrors } from '~/components/ui/field'
import { Notice } from '~/components/ui/card'
import { requireUser } from '~/modules/accounts/guards.server'
import { AFTER_LOGIN_PATH } from '~/modules/accounts/navigation'
import { getActor } from '~/modules/accounts/session.server'
import { resendVerificationEmail } from '~/modules/accounts/verification.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { minutesToWait } from '~/modules/security/rate-limit.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

/**
 * "Check your inbox". Signed in and unverified: where the link went, and "send it again".
 * Signed out (e.g. right after signing up with an address that already had an account):
 * the same advice, without saying anything about any account.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context)
  const state = !actor ? 'anonymous' : actor.emailVerified ? 'verified' : 'pending'
  return {
    title: await pageTitle(request, context, state === 'verified' ? 'accounts.verify.verifiedTitle' : 'accounts.verify.title'),
    state,
    email: state === 'pending' ? actor!.email : null,
    mailbox: context.config.devMailbox ? `/dev/mailbox${state === 'pending' ? `?to=${encodeURIComponent(actor!.email)}` : ''}` : null,
  } as const
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context)
  const result = await resendVerificationEmail(context.db, actor)
  if (result.status === 'already_verified') return redirect('/verify-email')
  if (result.status === 'rate_limited') {
    return data({ error: 'accounts.verify.tooMany', minutes: minutesToWait(result.retryAfterSeconds) }, { status: 429 })
  }
  return redirectWithToast('/verify-email', 'accounts.verify.resent')
}

export default function VerifyEmailPage() {
  const { t } = useTranslation()
  const { state, email, mailbox } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  if (state === 'verified') {
    return (
      <AuthPage title={t('accounts.verify.verifiedTitle')} description={t('accounts.verify.verifiedLead')}>
        <Link to={AFTER_LOGIN_PATH} className={buttonClass('primary', 'w-full')}>
          {t('accounts.verify.continue')}
        </Link>
      </AuthPage>
    )
  }
  return (
    <AuthPage
      title={t('accounts.verify.title')}
      description={state === 'pending' ? t('accounts.verify.leadPending', { email }) : t('accounts.verify.leadAnonymous')}
    >
      <div className="space-y-5">
        <p className="text-sm text-muted">{t('accounts.verify.help')}</p>
        {mailbox ? (
          <Notice tone="info">
            {t('accounts.verify.devMailbox')}{' '}
            <Link to={mailbox} className="font-semibold underline">
              {t('accounts.verify.devMailboxLink')}
            </Link>
          </Notice>
        ) : null}
        {state === 'pending' ? (
          <Form method="post" className="space-y-4">
            <FormErrors errors={actionData ? [t(actionData.error, { count: actionData.minutes })] : null} />
            <Button type="submit" variant="secondary" className="w-full" pending={navigation.state === 'submitting'}>
              {t('accounts.verify.resend')}
            </Button>
          </Form>
        ) : (
          <Link to="/login" className={buttonClass('primary', 'w-full')}>
            {t('accounts.verify.toLogin')}
          </Link>
        )}
      </div>
    </AuthPage>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
