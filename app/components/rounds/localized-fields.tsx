import type { FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { fieldProps } from '~/components/organisations/form-fields'
import { Field, TextareaField } from '~/components/ui/field'
import { localeNames, supportedLocales, type Locale } from '~/modules/i18n/locales'

/**
 * One text in up to four languages (`name.en`, `name.es` ...): a box per language, labelled
 * with the language, and the text's own errors ("a name in at least one language") above them.
 */
export function LocalizedFields(props: {
  field: FieldMetadata<Partial<Record<Locale, string | undefined>> | undefined>
  legend: string
  hint?: string
  maxLength: number
  rows?: number
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const texts = props.field.getFieldset()
  const errors = props.field.errors?.map((error: string) => t(error))
  const errorId = `${props.field.id}-error`
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined} disabled={props.disabled}>
      <legend className="text-sm font-medium text-ink">{props.legend}</legend>
      {props.hint ? <p className="mt-1 text-xs text-muted">{props.hint}</p> : null}
      {errors?.length ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-danger">
          {[...new Set(errors)].join(' ')}
        </p>
      ) : null}
      <div className={`mt-2 grid gap-3 ${props.rows ? '' : 'sm:grid-cols-2'}`}>
        {supportedLocales.map((lang) =>
          props.rows ? (
            <TextareaField key={lang} lang={lang} label={localeNames[lang]} rows={props.rows} maxLength={props.maxLength} {...fieldProps(texts[lang], t)} />
          ) : (
            <Field key={lang} lang={lang} label={localeNames[lang]} maxLength={props.maxLength} {...fieldProps(texts[lang], t)} />
          ),
        )}
      </div>
    </fieldset>
  )
}
