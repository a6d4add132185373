import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { fieldProps } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import { MAX_TEAM, startupProfileSchema } from '~/modules/dataroom/schemas'
import { localeNames, supportedLocales } from '~/modules/i18n/locales'
import { subsectorLabelKey, subsectors } from '~/modules/startups/subsectors'
import type { getStartupProfileForEditing } from '~/modules/startups/profile-editor.server'

type Profile = NonNullable<Awaited<ReturnType<typeof getStartupProfileForEditing>>>

const translated = (field: FieldMetadata<unknown>, t: TFunction) => field.errors?.map((error) => t(error))

/** The startup profile form: public facts, private VAT number, descriptions, team and logo. */
export function ProfileForm(props: { profile: Profile; regions: { code: string; name: string }[] | null; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { profile } = props
  const [form, fields] = useForm({
    id: 'startup-profile',
    lastResult: props.lastResult,
    defaultValue: {
      name: profile.name,
      legalName: profile.legalName ?? '',
      vatNumber: profile.vatNumber ?? '',
      region: profile.region,
      city: profile.city,
      foundedYear: profile.foundedYear?.toString() ?? '',
      website: profile.website ?? '',
      headcount: profile.headcount?.toString() ?? '',
      subsectors: profile.subsectors,
      description: profile.description,
      team: profile.team,
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: startupProfileSchema(profile.country) }),
  })
  const description = fields.description.getFieldset()
  const team = fields.team.getFieldList()
  const chosen = new Set([fields.subsectors.initialValue ?? []].flat())
  const textareaClass =
    'block w-full rounded-lg border border-line bg-white px-3 py-2.5 text-sm text-ink shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200'

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('dataroom.profile.sections.identity')}</h2>
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          <Field label={t('dataroom.profile.name')} autoComplete="organization" {...fieldProps(fields.name, t)} />
          <Field label={t('dataroom.profile.legalName')} {...fieldProps(fields.legalName, t)} />
          <Field label={t('dataroom.profile.vatNumber')} hint={t('dataroom.profile.vatPrivate')} {...fieldProps(fields.vatNumber, t)} />
          <Field label={t('dataroom.profile.foundedYear')} type="number" inputMode="numeric" min={1900} {...fieldProps(fields.foundedYear, t)} />
          {props.regions ? (
            <SelectField
              label={t('dataroom.profile.region')}
              options={[{ value: '', label: t('dataroom.profile.regionPlaceholder') }, ...props.regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]}
              {...fieldProps(fields.region, t)}
            />
          ) : (
            <Field label={t('dataroom.profile.region')} hint={t('dataroom.profile.regionCodeHint')} {...fieldProps(fields.region, t)} />
          )}
          <Field label={t('dataroom.profile.city')} autoComplete="address-level2" {...fieldProps(fields.city, t)} />
          <Field label={t('dataroom.profile.website')} type="url" placeholder="https://" {...fieldProps(fields.website, t)} />
          <Field label={t('dataroom.profile.headcount')} type="number" inputMode="numeric" min={1} {...fieldProps(fields.headcount, t)} />
        </div>
        <fieldset className="mt-6">
          <legend className="text-sm font-medium text-ink">{t('dataroom.profile.subsectors')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {subsectors.map((code) => (
              <label key={code} className="flex items-center gap-2 text-sm text-ink">
                <input type="checkbox" name={fields.subsectors.name} value={code} defaultChecked={chosen.has(code)} className="h-4 w-4 accent-brand-700" />
                {t(subsectorLabelKey(code))}
              </label>
            ))}
          </div>
          {fields.subsectors.errors ? (
            <p role="alert" className="mt-1 text-sm text-danger">
              {translated(fields.subsectors, t)?.join(' ')}
            </p>
          ) : null}
        </fieldset>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('dataroom.profile.sections.description')}</h2>
        <p className="mt-1 text-sm text-muted">{t('dataroom.profile.descriptionHint')}</p>
        <div className="mt-4 space-y-4">
          {supportedLocales.map((lang) => {
            const field = description[lang]
            const errors = translated(field, t)
            return (
              <div key={lang} className="space-y-1.5">
                <label htmlFor={field.id} className="block text-sm font-medium text-ink">
                  {t('dataroom.profile.descriptionIn', { language: localeNames[lang] })}
                </label>
                <textarea
                  id={field.id}
                  name={field.name}
                  lang={lang}
                  rows={4}
                  maxLength={2000}
                  defaultValue={typeof field.initialValue === 'string' ? field.initialValue : ''}
                  aria-invalid={errors?.length ? true : undefined}
                  aria-describedby={errors?.length ? `${field.id}-error` : undefined}
                  className={textareaClass}
                />
                {errors?.length ? (
                  <p id={`${field.id}-error`} role="alert" className="text-sm text-danger">
                    {errors.join(' ')}
                  </p>
                ) : null}
              </div>
            )
          })}
        </div>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('dataroom.profile.sections.team')}</h2>
        {team.length === 0 ? <p className="mt-2 text-sm text-muted">{t('dataroom.profile.teamEmpty')}</p> : null}
        <ul className="mt-4 space-y-4">
          {team.map((row, index) => {
            const member = row.getFieldset()
            return (
              <li key={row.key} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
                <Field label={t('dataroom.profile.teamName', { number: index + 1 })} {...fieldProps(member.name, t)} />
                <Field label={t('dataroom.profile.teamRole', { number: index + 1 })} {...fieldProps(member.role, t)} />
                <Button variant="secondary" {...form.remove.getButtonProps({ name: fields.team.name, index })}>
                  {t('dataroom.profile.teamRemove')}
                </Button>
              </li>
            )
          })}
        </ul>
        {fields.team.errors ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {translated(fields.team, t)?.join(' ')}
          </p>
        ) : null}
        {team.length < MAX_TEAM ? (
          <Button variant="secondary" className="mt-4" {...form.insert.getButtonProps({ name: fields.team.name })}>
            {t('dataroom.profile.teamAdd')}
          </Button>
        ) : null}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('dataroom.profile.sections.logo')}</h2>
        {profile.logoFile ? (
          <div className="mt-4 flex items-center gap-4">
            <img src={`/logos/${profile.logoFile}`} alt={t('dataroom.profile.currentLogo')} className="h-16 w-16 rounded-lg border border-line object-contain" />
            <label className="flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" name="removeLogo" className="h-4 w-4 accent-brand-700" />
              {t('dataroom.profile.removeLogo')}
            </label>
          </div>
        ) : null}
        <div className="mt-4">
          <Field
            label={t('dataroom.profile.logo')}
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            hint={t('dataroom.profile.logoHint')}
            errors={form.allErrors.logo?.map((error) => t(error))}
          />
        </div>
      </Card>

      <Button type="submit" pending={navigation.state === 'submitting'}>
        {t('dataroom.profile.save')}
      </Button>
    </Form>
  )
}
