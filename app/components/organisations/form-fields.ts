import { useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useActionData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isLocale, type Locale } from '~/modules/i18n/locales'
import type { FormReply } from '~/modules/organisations/replies.server'

/**
 * The props our Field/SelectField take from a Conform field: its name, the value to show
 * (what the person typed, after a server round trip) and its errors translated.
 */
export function fieldProps(field: FieldMetadata<unknown>, t: TFunction) {
  return {
    name: field.name,
    defaultValue: field.defaultValue ?? '',
    errors: field.errors?.map((error) => t(error)),
  }
}

/** Every error of a form (its own and its fields'), translated: for small forms of hidden fields. */
export function allErrors(form: Pick<FormMetadata, 'allErrors'>, t: TFunction): string[] {
  return [...new Set(Object.values(form.allErrors).flat())].map((error) => t(error))
}

/** A Conform form validated in the browser by the same zod schema the server uses. */
export function useSchemaForm<Schema extends z.ZodType<Record<string, unknown>>>(options: {
  id: string
  schema: Schema
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Partial<Record<keyof z.input<Schema>, string>>
}) {
  return useForm<z.input<Schema> & Record<string, unknown>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: options.schema }),
  })
}

/** The language the page is shown in. */
export function useUiLocale(): Locale {
  const { i18n } = useTranslation()
  return isLocale(i18n.language) ? i18n.language : 'en'
}

/**
 * The last reply to one row's form (a member, an invitation): its fetcher's, or, after a plain
 * page post without JavaScript, the page's reply when it names this row.
 */
export function useRowReply(fetcher: { data?: FormReply }, intent: string, field: string, id: string) {
  const page = useActionData<FormReply>()
  if (fetcher.data) return fetcher.data.result
  const sent = page?.result.initialValue as Record<string, unknown> | null | undefined
  return page?.intent === intent && sent?.[field] === id ? page.result : undefined
}
