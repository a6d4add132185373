import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { ChangePasswordSchema, PASSWORD_MIN, ProfileSchema } from '~/modules/accounts/schemas'
import { localeNames, supportedLocales, type Locale } from '~/modules/i18n/locales'
import { useDocumentSubmit, useFieldControl, useFormErrors } from './form-controls'

type Result = SubmissionResult<string[]> | undefined

function useSubmitting(intent: string) {
  const navigation = useNavigation()
  return navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
}

/** Name and preferred language (pages and emails). */
export function ProfileForm({ lastResult, defaults }: { lastResult: Result; defaults: { name: string; locale: Locale } }) {
  const { t } = useTranslation()
  const control = useFieldControl()
  const [form, fields] = useForm({
    id: 'profile',
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(ProfileSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  })
  const formProps = getFormProps(form)
  const submit = useDocumentSubmit(formProps.onSubmit)
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('accounts.settings.profileTitle')}</h2>
      {/* A full page load, so the page comes back in the language just chosen. */}
      <Form method="post" reloadDocument {...formProps} onSubmit={submit.onSubmit} className="mt-4 space-y-5">
        <input type="hidden" name="intent" value="profile" />
        <Field label={t('accounts.fields.name')} type="text" autoComplete="name" {...control(fields.name)} />
        <SelectField
          label={t('accounts.fields.locale')}
          hint={t('accounts.fields.localeHint')}
          options={supportedLocales.map((code) => ({ value: code, label: localeNames[code] }))}
          {...control(fields.locale)}
        />
        <Button type="submit" pending={submit.submitting}>
          {t('accounts.settings.saveProfile')}
        </Button>
      </Form>
    </Card>
  )
}

/** Change the password; other sessions end. */
export function PasswordForm({ lastResult, retryAfterMinutes }: { lastResult: Result; retryAfterMinutes: number }) {
  const { t } = useTranslation()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const [form, fields] = useForm({
    id: 'password',
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  })
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('accounts.settings.passwordTitle')}</h2>
      <p className="mt-1 text-sm text-muted">{t('accounts.settings.passwordLead')}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
        <input type="hidden" name="intent" value="password" />
        <FormErrors errors={formErrors(form.errors, retryAfterMinutes)} />
        <Field
          key={fields.currentPassword.key}
          label={t('accounts.fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          {...control(fields.currentPassword)}
        />
        <Field
          key={fields.password.key}
          label={t('accounts.fields.newPassword')}
          type="password"
          autoComplete="new-password"
          hint={t('accounts.fields.passwordHint', { min: PASSWORD_MIN })}
          {...control(fields.password)}
        />
        <Field
          key={fields.confirmPassword.key}
          label={t('accounts.fields.confirmPassword')}
          type="password"
          autoComplete="new-password"
          {...control(fields.confirmPassword)}
        />
        <Button type="submit" pending={useSubmitting('password')}>
          {t('accounts.settings.changePassword')}
        </Button>
      </Form>
    </Card>
  )
}
