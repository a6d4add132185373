import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuthPage } from '~/components/account/auth-page'
import { useDocumentSubmit, useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { Button } from '~/components/ui/button'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { requireAnonymous } from '~/modules/accounts/guards.server'
import { PASSWORD_MIN, SignupSchema } from '~/modules/accounts/schemas'
import { rememberReturnPath } from '~/modules/accounts/return-path.server'
import { requestMeta } from '~/modules/accounts/session.server'
import { signUp } from '~/modules/accounts/signup.server'
import { detectLocale, localeCookie } from '~/modules/i18n/i18n.server'
import { localeNames, supportedLocales } from '~/modules/i18n/locales'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { clientAddress } from '~/modules/security/client-address.server'
import { minutesToWait } from '~/modules/security/rate-limit.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context)
  return { locale: await detectLocale(request), title: await pageTitle(request, context, 'accounts.signup.title') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context)
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: SignupSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return data({ ...submission.reply({ hideFields }), retryAfterMinutes: 0 }, { status: 400 })
  const result = await signUp(context.db, context, submission.value, { ip: clientAddress(request, context), meta: requestMeta(request) })
  if (result.status === 'rate_limited') {
    return data(
      { ...submission.reply({ formErrors: ['accounts.signup.tooMany'], hideFields }), retryAfterMinutes: minutesToWait(result.retryAfterSeconds) },
      { status: 429 },
    )
  }
  // The same answer whether or not the address already had an account (see signUp); the
  // interface switches to the language chosen in the form either way.
  const headers = new Headers()
  headers.append('Set-Cookie', await localeCookie.serialize(submission.value.locale))
  if (result.cookie) headers.append('Set-Cookie', result.cookie)
  const returnPath = await rememberReturnPath(formData.get('redirectTo'))
  if (returnPath) headers.append('Set-Cookie', returnPath)
  return redirectWithToast('/verify-email', 'accounts.signup.checkInbox', { headers })
}

export default function SignupPage() {
  const { t } = useTranslation()
  const { locale } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(SignupSchema),
    defaultValue: { locale },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  })
  const formProps = getFormProps(form)
  const submit = useDocumentSubmit(formProps.onSubmit)
  return (
    <AuthPage
      title={t('accounts.signup.title')}
      description={t('accounts.signup.lead')}
      footer={
        <>
          {t('accounts.signup.haveAccount')}{' '}
          <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login'} className="font-semibold text-brand-700 underline">
            {t('accounts.signup.loginLink')}
          </Link>
        </>
      }
    >
      <Form method="post" reloadDocument {...formProps} onSubmit={submit.onSubmit} className="space-y-5">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormErrors errors={formErrors(form.errors, lastResult?.retryAfterMinutes)} />
        <Field label={t('accounts.fields.name')} type="text" autoComplete="name" {...control(fields.name)} />
        <Field label={t('accounts.fields.email')} type="email" autoComplete="email" {...control(fields.email)} />
        <Field
          label={t('accounts.fields.password')}
          type="password"
          autoComplete="new-password"
          hint={t('accounts.fields.passwordHint', { min: PASSWORD_MIN })}
          {...control(fields.password)}
        />
        <Field label={t('accounts.fields.confirmPassword')} type="password" autoComplete="new-password" {...control(fields.confirmPassword)} />
        <SelectField
          label={t('accounts.fields.locale')}
          hint={t('accounts.fields.localeHint')}
          options={supportedLocales.map((code) => ({ value: code, label: localeNames[code] }))}
          {...control(fields.locale)}
        />
        <Button type="submit" className="w-full" pending={submit.submitting}>
          {t('accounts.signup.submit')}
        </Button>
      </Form>
    </AuthPage>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
