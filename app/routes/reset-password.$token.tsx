import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuthPage } from '~/components/account/auth-page'
import { useFieldControl } from '~/components/account/form-controls'
import { Button, buttonClass } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { isResetTokenUsable, resetPassword } from '~/modules/accounts/password-reset.server'
import { PASSWORD_MIN, ResetPasswordSchema } from '~/modules/accounts/schemas'
import { clearSessionCookie } from '~/modules/accounts/session.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const usable = await isResetTokenUsable(context.db, params.token ?? '')
  const title = await pageTitle(request, context, usable ? 'accounts.reset.title' : 'accounts.reset.invalidTitle')
  return data({ title, usable }, { status: usable ? 200 : 400 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return data({ ...submission.reply({ hideFields }), invalid: false }, { status: 400 })
  const result = await resetPassword(context.db, params.token ?? '', submission.value.password)
  if (result.status === 'invalid') return data({ ...submission.reply({ hideFields }), invalid: true }, { status: 400 })
  if (result.status === 'password_is_email') {
    return data({ ...submission.reply({ fieldErrors: { password: ['accounts.errors.passwordIsEmail'] }, hideFields }), invalid: false }, { status: 400 })
  }
  // Every session of the account has ended, this browser's included: sign in with the new password.
  return redirectWithToast('/login', 'accounts.reset.done', { headers: { 'Set-Cookie': await clearSessionCookie(context) } })
}

export default function ResetPasswordPage() {
  const { t } = useTranslation()
  const { usable } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const control = useFieldControl()
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(ResetPasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  })
  if (!usable || lastResult?.invalid) {
    return (
      <AuthPage title={t('accounts.reset.invalidTitle')} description={t('accounts.reset.invalidLead')}>
        <Link to="/forgot-password" className={buttonClass('primary', 'w-full')}>
          {t('accounts.reset.requestNew')}
        </Link>
      </AuthPage>
    )
  }
  return (
    <AuthPage title={t('accounts.reset.title')} description={t('accounts.reset.lead')}>
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <Field
          label={t('accounts.fields.newPassword')}
          type="password"
          autoComplete="new-password"
          hint={t('accounts.fields.passwordHint', { min: PASSWORD_MIN })}
          {...control(fields.password)}
        />
        <Field label={t('accounts.fields.confirmPassword')} type="password" autoComplete="new-password" {...control(fields.confirmPassword)} />
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting'}>
          {t('accounts.reset.submit')}
        </Button>
      </Form>
    </AuthPage>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
