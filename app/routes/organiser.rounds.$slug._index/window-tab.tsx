import { getFormProps } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { fieldProps, useSchemaForm } from '~/components/organisations/form-fields'
import { WindowTimes } from '~/components/rounds/round-bits'
import { WindowFields } from '~/components/rounds/window-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors } from '~/components/ui/field'
import { canEditSection, canExtendClosing, ExtendSchema, WindowSchema } from '~/modules/rounds/schemas'
import type { RoundPageData } from './route'
import { LockNotice, useFormReply } from './tabs'

/** The application window: written in a zone in draft; once open, only a later closing time. Always shown back in the viewer's zone and the round's. */
export function WindowTab({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const { round } = page
  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-ink">{t('rounds.window.asSaved')}</h2>
        <WindowTimes opensAt={round.opensAt} closesAt={round.closesAt} timeZone={round.timeZone} />
      </Card>
      <Card className="space-y-4">
        <LockNotice section="window" status={round.status} />
        {canEditSection('window', round.status) ? <WindowForm page={page} /> : canExtendClosing(round.status) ? <ExtendForm page={page} /> : null}
      </Card>
    </div>
  )
}

function WindowForm({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'window',
    schema: WindowSchema,
    lastResult: useFormReply('window'),
    defaultValue: { ...page.local, timeZone: page.round.timeZone },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="window" />
      <p className="text-sm text-muted">{t('rounds.window.lead')}</p>
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      <WindowFields opensAt={fields.opensAt} closesAt={fields.closesAt} timeZone={fields.timeZone} />
      <Button type="submit" pending={navigation.state === 'submitting'}>
        {t('rounds.setup.save')}
      </Button>
    </Form>
  )
}

function ExtendForm({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({ id: 'extend', schema: ExtendSchema, lastResult: useFormReply('extend'), defaultValue: { closesAt: page.local.closesAt } })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="extend" />
      <h2 className="text-lg font-semibold text-ink">{t('rounds.window.extendTitle')}</h2>
      <p className="text-sm text-muted">{t('rounds.window.extendLead', { zone: page.round.timeZone })}</p>
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      <div className="max-w-xs">
        <Field label={t('rounds.window.closesAtIn', { zone: page.round.timeZone })} type="datetime-local" {...fieldProps(fields.closesAt, t)} />
      </div>
      <Button type="submit" pending={navigation.state === 'submitting'}>
        {t('rounds.window.extend')}
      </Button>
    </Form>
  )
}
