import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuthPage } from '~/components/account/auth-page'
import { useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { Button } from '~/components/ui/button'
import { Notice } from '~/components/ui/card'
import { Field, FormErrors } from '~/components/ui/field'
import { requestPasswordReset } from '~/modules/accounts/password-reset.server'
import { ForgotPasswordSchema } from '~/modules/accounts/schemas'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { clientAddress } from '~/modules/security/client-address.server'
import { minutesToWait } from '~/modules/security/rate-limit.server'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { title: await pageTitle(request, context, 'accounts.forgot.title'), devMailbox: context.config.devMailbox }
}

/** Always the same answer ("if an account exists, we sent a link"), whether or not one exists. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return data({ ...submission.reply(), sent: false, retryAfterMinutes: 0 }, { status: 400 })
  const result = await requestPasswordReset(context.db, submission.value.email, clientAddress(request, context))
  if (result.status === 'rate_limited') {
    return data(
      { ...submission.reply({ formErrors: ['accounts.forgot.tooMany'] }), sent: false, retryAfterMinutes: minutesToWait(result.retryAfterSeconds) },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  return data({ ...submission.reply({ resetForm: true }), sent: true, retryAfterMinutes: 0 })
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation()
  const { devMailbox } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(ForgotPasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  })
  return (
    <AuthPage
      title={t('accounts.forgot.title')}
      description={t('accounts.forgot.lead')}
      footer={
        <Link to="/login" className="font-semibold text-brand-700 underline">
          {t('accounts.forgot.backToLogin')}
        </Link>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        {lastResult?.sent ? (
          <Notice>
            {t('accounts.forgot.sent')}
            {devMailbox ? (
              <>
                {' '}
                <Link to="/dev/mailbox" className="font-semibold underline">
                  {t('accounts.verify.devMailboxLink')}
                </Link>
              </>
            ) : null}
          </Notice>
        ) : null}
        <FormErrors errors={formErrors(form.errors, lastResult?.retryAfterMinutes)} />
        <Field key={fields.email.key} label={t('accounts.fields.email')} type="email" autoComplete="email" {...control(fields.email)} />
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting'}>
          {t('accounts.forgot.submit')}
        </Button>
      </Form>
    </AuthPage>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
