import type { FieldMetadata } from '@conform-to/react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Props for a Field/SelectField from a Conform field: name, form, the value typed last time
 * (kept after a failed submit) and its errors translated (zod messages are translation keys).
 * The Field keeps its own id, so its label and error text stay linked to the control.
 */
export function useFieldControl() {
  const { t } = useTranslation()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return function control(field: FieldMetadata<any, any, string[]>) {
    return {
      name: field.name,
      form: field.formId,
      defaultValue: typeof field.initialValue === 'string' ? field.initialValue : undefined,
      required: field.required,
      errors: field.errors?.map((error) => t(error)),
    }
  }
}

/**
 * Translates form-level errors (translation keys). `retryAfterMinutes` fills the plural
 * "try again in N minutes" of the rate-limit messages.
 */
export function useFormErrors() {
  const { t } = useTranslation()
  return (errors: string[] | undefined, retryAfterMinutes?: number) =>
    errors?.map((error) => (retryAfterMinutes ? t(error, { count: retryAfterMinutes }) : t(error)))
}

/**
 * For forms that may change the interface language (log in, sign up, language setting): the
 * browser loads only one language's messages, so these submit as a full page load
 * (`<Form reloadDocument>`). Conform still validates first; `submitting` drives the pending state.
 */
export function useDocumentSubmit(onSubmit: (event: FormEvent<HTMLFormElement>) => void) {
  const [submitting, setSubmitting] = useState(false)
  return {
    submitting,
    onSubmit(event: FormEvent<HTMLFormElement>) {
      onSubmit(event)
      if (!event.defaultPrevented) setSubmitting(true)
    },
  }
}
