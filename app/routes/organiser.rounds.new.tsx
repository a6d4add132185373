import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { fieldProps, useSchemaForm } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { LocalizedFields } from '~/components/rounds/localized-fields'
import { WindowFields } from '~/components/rounds/window-fields'
import { Button } from '~/components/ui/button'
import { Card, PageHeader } from '~/components/ui/card'
import { FormErrors, SelectField } from '~/components/ui/field'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { roundRuleReply } from '~/modules/rounds/round-rule-error'
import { DESCRIPTION_MAX, NAME_MAX, NewRoundSchema } from '~/modules/rounds/schemas'
import { createRound, organiserOrganisationsFor } from '~/modules/rounds/setup.server'
import { redirectWithToast } from '~/modules/toast/toast.server'

export const meta = titleMeta

/** A wall-clock time `days` from today at `time`, as a datetime-local field holds it. */
function dayAt(days: number, time: string): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  return {
    organisers: await organiserOrganisationsFor(context.db, actor),
    defaults: { opensAt: dayAt(7, '09:00'), closesAt: dayAt(37, '14:00'), timeZone: 'Europe/Madrid' },
    title: await pageTitle(request, context, 'rounds.new.title'),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: NewRoundSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: submission.status === 'error' ? 400 : 200 })
  try {
    const round = await createRound(context.db, actor, submission.value)
    return redirectWithToast(`/organiser/rounds/${round.slug}`, 'rounds.toast.created')
  } catch (error) {
    const reply = roundRuleReply('new', submission, error)
    if (reply) return data(reply.result, { status: reply.status })
    throw error
  }
}

export default function NewRound() {
  const { t } = useTranslation()
  const { organisers, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<SubmissionResult<string[]>>()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({ id: 'new-round', schema: NewRoundSchema, lastResult, defaultValue: { ...defaults, organiserOrganisationId: organisers.length === 1 ? organisers[0]!.id : '' } })
  return (
    <div className="mx-auto max-w-3xl">
      <Link to="/organiser/rounds" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('rounds.organiser.back')}
      </Link>
      <div className="mt-4">
        <PageHeader title={t('rounds.new.title')} description={t('rounds.new.lead')} />
      </div>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormErrors errors={form.errors?.map((error) => t(error))} />
        <Card className="space-y-6">
          {organisers.length > 1 ? (
            <SelectField
              label={t('rounds.new.organiser')}
              options={[{ value: '', label: t('rounds.new.organiserPlaceholder') }, ...organisers.map((o) => ({ value: o.id, label: o.name }))]}
              {...fieldProps(fields.organiserOrganisationId, t)}
            />
          ) : (
            <input type="hidden" name={fields.organiserOrganisationId.name} value={organisers[0]?.id ?? ''} />
          )}
          <LocalizedFields field={fields.name} legend={t('rounds.texts.name')} hint={t('rounds.texts.nameHint')} maxLength={NAME_MAX} />
          <LocalizedFields field={fields.description} legend={t('rounds.texts.description')} hint={t('rounds.texts.descriptionHint')} maxLength={DESCRIPTION_MAX} rows={4} />
        </Card>
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold text-ink">{t('rounds.tabs.window')}</h2>
          <p className="text-sm text-muted">{t('rounds.window.lead')}</p>
          <WindowFields opensAt={fields.opensAt} closesAt={fields.closesAt} timeZone={fields.timeZone} />
        </Card>
        <Button type="submit" pending={navigation.state === 'submitting'}>
          {t('rounds.new.submit')}
        </Button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
