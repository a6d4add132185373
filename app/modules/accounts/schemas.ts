import { z } from 'zod'
import { supportedLocales } from '~/modules/i18n/locales'

/**
 * The account forms, shared by the browser (Conform) and the server (parseWithZod).
 * Error messages are translation keys; the page translates them (accounts.errors.*).
 */

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

/** An email address, stored lower-cased and trimmed. */
export const emailField = () =>
  z
    .string({ error: 'accounts.errors.emailRequired' })
    .trim()
    .toLowerCase()
    .max(254, { error: 'accounts.errors.emailInvalid' })
    .pipe(z.email({ error: 'accounts.errors.emailInvalid' }))

const newPassword = () =>
  z
    .string({ error: 'accounts.errors.passwordRequired' })
    .min(PASSWORD_MIN, { error: 'accounts.errors.passwordTooShort' })
    .max(PASSWORD_MAX, { error: 'accounts.errors.passwordTooLong' })

/** A password typed to sign in: checked against the stored hash, so only its size is limited here. */
const existingPassword = () =>
  z.string({ error: 'accounts.errors.passwordRequired' }).max(1024, { error: 'accounts.errors.passwordTooLong' })

const confirmPassword = () => z.string({ error: 'accounts.errors.confirmRequired' })

const nameField = () =>
  z
    .string({ error: 'accounts.errors.nameRequired' })
    .trim()
    .min(1, { error: 'accounts.errors.nameRequired' })
    .max(100, { error: 'accounts.errors.nameTooLong' })

const localeField = () => z.enum(supportedLocales, { error: 'accounts.errors.localeInvalid' })

/** A password that is just the account's email address is refused. */
export function sameAsEmail(password: string, email: string) {
  return password.trim().toLowerCase() === email.trim().toLowerCase()
}

export const SignupSchema = z
  .object({
    name: nameField(),
    email: emailField(),
    password: newPassword(),
    confirmPassword: confirmPassword(),
    locale: localeField(),
  })
  .superRefine((value, ctx) => {
    if (sameAsEmail(value.password, value.email)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'accounts.errors.passwordIsEmail' })
    }
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'accounts.errors.passwordsDiffer' })
    }
  })
export type SignupInput = z.infer<typeof SignupSchema>

export const LoginSchema = z.object({
  email: emailField(),
  password: existingPassword(),
  redirectTo: z.string().max(2000).optional(),
})
export type LoginInput = z.infer<typeof LoginSchema>

export const ForgotPasswordSchema = z.object({ email: emailField() })

export const ResetPasswordSchema = z
  .object({ password: newPassword(), confirmPassword: confirmPassword() })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'accounts.errors.passwordsDiffer',
  })

export const ChangePasswordSchema = z
  .object({
    intent: z.literal('password'),
    currentPassword: existingPassword(),
    password: newPassword(),
    confirmPassword: confirmPassword(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'accounts.errors.passwordsDiffer',
  })

export const ProfileSchema = z.object({
  intent: z.literal('profile'),
  name: nameField(),
  locale: localeField(),
})
