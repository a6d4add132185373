import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NotificationSettingsForm } from '~/components/account/notification-settings-form'
import { PasswordForm, ProfileForm } from '~/components/account/settings-forms'
import { Badge, Card, PageHeader } from '~/components/ui/card'
import { requireUser } from '~/modules/accounts/guards.server'
import { ChangePasswordSchema, ProfileSchema } from '~/modules/accounts/schemas'
import { changePassword, updateProfile } from '~/modules/accounts/settings.server'
import { localeCookie } from '~/modules/i18n/i18n.server'
import { getEmailPreferences, saveEmailPreferences } from '~/modules/notifications/preferences.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { minutesToWait } from '~/modules/security/rate-limit.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context)
  return {
    title: await pageTitle(request, context, 'accounts.settings.title'),
    account: { name: actor.name, email: actor.email, locale: actor.locale, emailVerified: actor.emailVerified },
    emailPreferences: await getEmailPreferences(context.db, actor.userId),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context)
  const formData = await request.formData()
  if (formData.get('intent') === 'notifications') {
    await saveEmailPreferences(context.db, actor, formData.getAll('email').filter((value) => typeof value === 'string'))
    return redirectWithToast('/settings', 'notifications.settings.saved')
  }
  if (formData.get('intent') === 'profile') {
    const submission = parseWithZod(formData, { schema: ProfileSchema })
    if (submission.status !== 'success') return data({ intent: 'profile', result: submission.reply(), retryAfterMinutes: 0 }, { status: 400 })
    await updateProfile(context.db, actor, submission.value)
    // The language cookie wins over the account's language, so it follows the new choice.
    const headers = { 'Set-Cookie': await localeCookie.serialize(submission.value.locale) }
    return redirectWithToast('/settings', 'accounts.settings.profileSaved', { headers })
  }
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
  const hideFields = ['currentPassword', 'password', 'confirmPassword']
  if (submission.status !== 'success') {
    return data({ intent: 'password', result: submission.reply({ hideFields }), retryAfterMinutes: 0 }, { status: 400 })
  }
  const result = await changePassword(context.db, actor, submission.value)
  if (result.status === 'rate_limited') {
    const reply = submission.reply({ formErrors: ['accounts.settings.tooMany'], hideFields })
    return data({ intent: 'password', result: reply, retryAfterMinutes: minutesToWait(result.retryAfterSeconds) }, { status: 429 })
  }
  if (result.status !== 'done') {
    const fieldErrors: Record<string, string[]> =
      result.status === 'wrong_current'
        ? { currentPassword: ['accounts.errors.currentPasswordWrong'] }
        : { password: ['accounts.errors.passwordIsEmail'] }
    return data({ intent: 'password', result: submission.reply({ fieldErrors, hideFields }), retryAfterMinutes: 0 }, { status: 400 })
  }
  return redirectWithToast('/settings', 'accounts.settings.passwordChanged')
}

export default function SettingsPage() {
  const { t } = useTranslation()
  const { account, emailPreferences } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // A new location (the redirect after a change) starts the password form afresh, empty.
  const { key: locationKey } = useLocation()
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t('accounts.settings.title')} description={t('accounts.settings.lead')} />
      <div className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('accounts.settings.emailTitle')}</h2>
          <p className="mt-2 flex flex-wrap items-center gap-3 text-sm text-ink">
            <span className="font-medium">{account.email}</span>
            <Badge tone={account.emailVerified ? 'success' : 'warning'}>
              {t(account.emailVerified ? 'accounts.settings.emailVerified' : 'accounts.settings.emailUnverified')}
            </Badge>
          </p>
        </Card>
        <ProfileForm lastResult={actionData?.intent === 'profile' ? actionData.result : undefined} defaults={account} />
        <PasswordForm
          key={locationKey}
          lastResult={actionData?.intent === 'password' ? actionData.result : undefined}
          retryAfterMinutes={actionData?.retryAfterMinutes ?? 0}
        />
        <NotificationSettingsForm preferences={emailPreferences} />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
