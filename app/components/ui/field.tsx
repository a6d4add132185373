import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'

const controlClass =
  'block w-full rounded-lg border bg-white px-3 py-2.5 text-sm text-ink shadow-sm placeholder:text-muted/70 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200'

interface FieldShellProps {
  label: string
  errors?: string[] | null
  hint?: ReactNode
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}

function FieldShell({ label, errors, hint, children }: FieldShellProps) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const invalid = Boolean(errors?.length)
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children({ id, describedBy, invalid })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <ul id={errorId} className="text-sm text-danger" role="alert">
          {errors!.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  errors?: string[] | null
  hint?: ReactNode
}

/** A labelled input with its errors next to it (announced to screen readers). */
export function Field({ label, errors, hint, className = '', ...input }: FieldProps) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={`${controlClass} ${invalid ? 'border-danger' : 'border-line'} ${className}`}
          {...input}
        />
      )}
    </FieldShell>
  )
}

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string
  errors?: string[] | null
  hint?: ReactNode
  options: { value: string; label: string }[]
}

export function SelectField({ label, errors, hint, options, className = '', ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={`${controlClass} ${invalid ? 'border-danger' : 'border-line'} ${className}`}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

export interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string
  errors?: string[] | null
  hint?: ReactNode
}

/** A labelled multi-line text box with its errors next to it. */
export function TextareaField({ label, errors, hint, className = '', ...textarea }: TextareaFieldProps) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={`${controlClass} ${invalid ? 'border-danger' : 'border-line'} ${className}`}
          {...textarea}
        />
      )}
    </FieldShell>
  )
}

/** Errors that belong to the whole form rather than one field. */
export function FormErrors({ errors }: { errors?: string[] | null }) {
  if (!errors?.length) return null
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  )
}
