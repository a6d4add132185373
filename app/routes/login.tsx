import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuthPage } from '~/components/account/auth-page'
import { useDocumentSubmit, useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { Button } from '~/components/ui/button'
import { Field, FormErrors } from '~/components/ui/field'
import { requireAnonymous, safeRedirectPath } from '~/modules/accounts/guards.server'
import { logIn } from '~/modules/accounts/login.server'
import { AFTER_LOGIN_PATH } from '~/modules/accounts/navigation'
import { LoginSchema } from '~/modules/accounts/schemas'
import { requestMeta } from '~/modules/accounts/session.server'
import { localeCookie } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { clientAddress } from '~/modules/security/client-address.server'
import { minutesToWait } from '~/modules/security/rate-limit.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context)
  return { title: await pageTitle(request, context, 'accounts.login.title') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  const hideFields = ['password']
  if (submission.status !== 'success') return data({ ...submission.reply({ hideFields }), retryAfterMinutes: 0 }, { status: 400 })
  const { email, password, redirectTo } = submission.value
  const result = await logIn(context.db, context, { email, password }, { ip: clientAddress(request, context), meta: requestMeta(request) })
  if (result.status === 'rate_limited') {
    const retryAfterMinutes = minutesToWait(result.retryAfterSeconds)
    return data(
      { ...submission.reply({ formErrors: ['accounts.login.tooMany'], hideFields }), retryAfterMinutes },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  if (result.status === 'invalid') {
    // One message for an unknown email, a wrong password and a disabled account.
    return data({ ...submission.reply({ formErrors: ['accounts.login.invalid'], hideFields }), retryAfterMinutes: 0 }, { status: 400 })
  }
  const headers = new Headers()
  headers.append('Set-Cookie', result.cookie)
  headers.append('Set-Cookie', await localeCookie.serialize(result.locale))
  return redirect(safeRedirectPath(redirectTo, AFTER_LOGIN_PATH), { headers })
}

export default function LoginPage() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  })
  const formProps = getFormProps(form)
  const submit = useDocumentSubmit(formProps.onSubmit)
  return (
    <AuthPage
      title={t('accounts.login.title')}
      description={t('accounts.login.lead')}
      footer={
        <>
          {t('accounts.login.noAccount')}{' '}
          <Link to={searchParams.get('redirectTo') ? `/signup?redirectTo=${encodeURIComponent(searchParams.get('redirectTo')!)}` : '/signup'} className="font-semibold text-brand-700 underline">
            {t('accounts.login.signupLink')}
          </Link>
        </>
      }
    >
      <Form method="post" reloadDocument {...formProps} onSubmit={submit.onSubmit} className="space-y-5">
        <FormErrors errors={formErrors(form.errors, lastResult?.retryAfterMinutes)} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field label={t('accounts.fields.email')} type="email" autoComplete="email" {...control(fields.email)} />
        <Field label={t('accounts.fields.password')} type="password" autoComplete="current-password" {...control(fields.password)} />
        <div className="flex justify-end text-sm">
          <Link to="/forgot-password" className="font-medium text-brand-700 underline">
            {t('accounts.login.forgotLink')}
          </Link>
        </div>
        <Button type="submit" className="w-full" pending={submit.submitting}>
          {t('accounts.login.submit')}
        </Button>
      </Form>
    </AuthPage>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
