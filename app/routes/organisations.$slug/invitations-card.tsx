import { getFormProps } from '@conform-to/react'
import { useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useRowReply, useSchemaForm, useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { formatDate } from '~/modules/i18n/format'
import type { getOrganisationPage } from '~/modules/organisations/organisations.server'
import type { FormReply } from '~/modules/organisations/replies.server'
import { ResendInvitationSchema, RevokeInvitationSchema } from '~/modules/organisations/schemas'
import type { Viewer } from './members-card'

type Invitation = Awaited<ReturnType<typeof getOrganisationPage>>['invitations'][number]

export function InvitationsCard({ invitations, viewer }: { invitations: Invitation[]; viewer: Viewer }) {
  const { t } = useTranslation()
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('organisations.invitations.title')}</h2>
      {invitations.length === 0 ? (
        <p className="mt-2 text-sm text-muted">
          {t(viewer.canManage ? 'organisations.invitations.emptyManager' : 'organisations.invitations.empty')}
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-line">
          {invitations.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} viewer={viewer} />
          ))}
        </ul>
      )}
    </Card>
  )
}

function InvitationRow({ invitation, viewer }: { invitation: Invitation; viewer: Viewer }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const canResend = viewer.canManage && (invitation.role !== 'owner' || viewer.role === 'owner')
  return (
    <li className="flex flex-wrap items-start gap-4 py-4">
      <div className="min-w-0 flex-1 space-y-1">
        <p className="truncate font-medium text-ink">{invitation.email}</p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <Badge>{t(`common.roles.${invitation.role}`)}</Badge>
          {invitation.expired ? (
            <Badge tone="warning">{t('organisations.invitations.expired')}</Badge>
          ) : (
            <span>{t('organisations.invitations.expires', { date: formatDate(new Date(invitation.expiresAt), locale) })}</span>
          )}
          {invitation.invitedBy ? <span>{t('organisations.invitations.invitedBy', { name: invitation.invitedBy })}</span> : null}
        </p>
      </div>
      {viewer.canManage ? (
        <div className="flex flex-wrap gap-2">
          {canResend ? <InvitationButton invitation={invitation} intent="resend-invitation" /> : null}
          <InvitationButton invitation={invitation} intent="revoke-invitation" />
        </div>
      ) : null}
    </li>
  )
}

const schemas = { 'resend-invitation': ResendInvitationSchema, 'revoke-invitation': RevokeInvitationSchema }
const labels = { 'resend-invitation': 'organisations.invitations.resend', 'revoke-invitation': 'organisations.invitations.revoke' }

function InvitationButton({ invitation, intent }: { invitation: Invitation; intent: keyof typeof schemas }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<FormReply>()
  const lastResult = useRowReply(fetcher, intent, 'invitationId', invitation.id)
  const [form] = useSchemaForm({ id: `${intent}-${invitation.id}`, schema: schemas[intent], lastResult })
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="invitationId" value={invitation.id} />
      <Button
        type="submit"
        variant={intent === 'revoke-invitation' ? 'ghost' : 'secondary'}
        pending={fetcher.state !== 'idle'}
        aria-label={`${t(labels[intent])}: ${invitation.email}`}
      >
        {t(labels[intent])}
      </Button>
      <FormErrors errors={allErrors(form, t)} />
    </fetcher.Form>
  )
}
