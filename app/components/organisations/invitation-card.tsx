import { getFormProps } from '@conform-to/react'
import { useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InvitationResponseButtons } from './invitation-response-buttons'
import { Badge, Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { formatDate } from '~/modules/i18n/format'
import type { listInvitationsForActor } from '~/modules/organisations/invitations.server'
import type { FormReply } from '~/modules/organisations/replies.server'
import { RespondToInvitationByIdSchema } from '~/modules/organisations/schemas'
import { allErrors, useSchemaForm, useUiLocale } from './form-fields'

type Invitation = Awaited<ReturnType<typeof listInvitationsForActor>>[number]

/** An invitation waiting for the signed-in person, with Accept and Decline (posted to the current page). */
export function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const fetcher = useFetcher<FormReply>()
  const [form] = useSchemaForm({ id: `respond-${invitation.id}`, schema: RespondToInvitationByIdSchema, lastResult: fetcher.data?.result })
  const busy = (intent: string) => fetcher.state !== 'idle' && fetcher.formData?.get('intent') === intent
  return (
    <Card className="h-full space-y-3">
      <div className="flex flex-wrap gap-2">
        <Badge tone="brand">{t(`common.kinds.${invitation.organisationKind}`)}</Badge>
        <Badge>{t(`common.roles.${invitation.role}`)}</Badge>
      </div>
      <h3 className="text-base font-semibold">{invitation.organisationName}</h3>
      <p className="flex flex-wrap gap-x-3 text-sm text-muted">
        {invitation.invitedBy ? <span>{t('organisations.invitations.invitedBy', { name: invitation.invitedBy })}</span> : null}
        <span>{t('organisations.invitations.expires', { date: formatDate(new Date(invitation.expiresAt), locale) })}</span>
      </p>
      <fetcher.Form method="post" {...getFormProps(form)} className="space-y-2">
        <input type="hidden" name="invitationId" value={invitation.id} />
        <FormErrors errors={allErrors(form, t)} />
        <InvitationResponseButtons busy={busy} />
      </fetcher.Form>
    </Card>
  )
}
