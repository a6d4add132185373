import type { FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

/** A fieldset of checkboxes for one array field (Conform), its errors under it. */
export function CheckboxGroup(props: { legend: string; hint?: string; field: FieldMetadata<unknown>; options: { value: string; label: string }[]; columns?: string; className?: string }) {
  const { t } = useTranslation()
  const chosen = new Set([props.field.initialValue ?? []].flat())
  const errors = props.field.errors?.map((error) => t(error))
  return (
    <fieldset className={props.className ?? 'mt-6'} aria-describedby={errors?.length ? `${props.field.id}-error` : undefined}>
      <legend className="text-sm font-medium text-ink">{props.legend}</legend>
      {props.hint ? <p className="mt-1 text-xs text-muted">{props.hint}</p> : null}
      <div className={`mt-2 grid gap-2 ${props.columns ?? 'sm:grid-cols-3'}`}>
        {props.options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-ink">
            <input
              type="checkbox"
              name={props.field.name}
              value={option.value}
              defaultChecked={chosen.has(option.value)}
              className="h-4 w-4 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${props.field.id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {[...new Set(errors)].join(' ')}
        </p>
      ) : null}
    </fieldset>
  )
}
