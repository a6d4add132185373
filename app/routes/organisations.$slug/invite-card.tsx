import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { fieldProps, useSchemaForm } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FormErrors, SelectField } from '~/components/ui/field'
import type { FormReply } from '~/modules/organisations/replies.server'
import { InviteSchema, membershipRoles } from '~/modules/organisations/schemas'

export function InviteCard({ canInviteOwners }: { canInviteOwners: boolean }) {
  const { t } = useTranslation()
  // A new form after each successful invitation (the page is reloaded with a new location key).
  const location = useLocation()
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('organisations.invite.title')}</h2>
      <p className="mt-1 text-sm text-muted">{t('organisations.invite.lead')}</p>
      <InviteForm key={location.key} canInviteOwners={canInviteOwners} />
    </Card>
  )
}

function InviteForm({ canInviteOwners }: { canInviteOwners: boolean }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<FormReply>()
  const [form, fields] = useSchemaForm({
    id: 'invite',
    schema: InviteSchema,
    lastResult: reply?.intent === 'invite' ? reply.result : undefined,
    defaultValue: { role: 'member' },
  })
  const roles = canInviteOwners ? membershipRoles : membershipRoles.filter((role) => role !== 'owner')
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="mt-4 space-y-4">
      <input type="hidden" name="intent" value="invite" />
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      <Field label={t('organisations.invite.email')} type="email" autoComplete="off" {...fieldProps(fields.email, t)} />
      <SelectField
        label={t('organisations.invite.role')}
        hint={t('organisations.invite.roleHint')}
        options={roles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))}
        {...fieldProps(fields.role, t)}
      />
      <Button type="submit" className="w-full" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'invite'}>
        {t('organisations.invite.submit')}
      </Button>
    </Form>
  )
}
