import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { formatDate } from '~/modules/i18n/format'
import { countryName } from '~/modules/organisations/countries'
import type { getOrganisationPage } from '~/modules/organisations/organisations.server'
import { regionName } from '~/modules/organisations/regions'
import type { FormReply } from '~/modules/organisations/replies.server'
import { LeaveSchema } from '~/modules/organisations/schemas'

type Organisation = Awaited<ReturnType<typeof getOrganisationPage>>['organisation']

export function OverviewCard({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const rows: [string, string][] = [
    [t('organisations.overview.kind'), t(`common.kinds.${organisation.kind}`)],
    [t('organisations.overview.country'), countryName(organisation.country, locale)],
  ]
  if (organisation.region) rows.push([t('organisations.overview.region'), `${regionName(organisation.region)} (${organisation.region})`])
  if (organisation.city) rows.push([t('organisations.overview.city'), organisation.city])
  if (organisation.investorType) rows.push([t('organisations.overview.investorType'), t(`organisations.investorTypes.${organisation.investorType}`)])
  rows.push([t('organisations.overview.created'), formatDate(new Date(organisation.createdAt), locale)])
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('organisations.overview.title')}</h2>
      <dl className="mt-4 space-y-3 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="flex justify-between gap-4">
            <dt className="text-muted">{term}</dt>
            <dd className="text-right font-medium text-ink">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}

export function LeaveCard() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<FormReply>()
  const [form] = useSchemaForm({ id: 'leave', schema: LeaveSchema, lastResult: reply?.intent === 'leave' ? reply.result : undefined })
  const errors = allErrors(form, t)
  return (
    <Card>
      <details open={errors.length > 0}>
        <summary className="cursor-pointer text-sm font-semibold text-danger">{t('organisations.leave.title')}</summary>
        <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="leave" />
          <p className="text-sm text-muted">{t('organisations.leave.explanation')}</p>
          <FormErrors errors={errors} />
          <Button type="submit" variant="danger" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'leave'}>
            {t('organisations.leave.submit')}
          </Button>
        </Form>
      </details>
    </Card>
  )
}
