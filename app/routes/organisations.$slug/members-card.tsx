import { getFormProps } from '@conform-to/react'
import { useFetcher } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { allErrors, useRowReply, useSchemaForm } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import type { getOrganisationPage } from '~/modules/organisations/organisations.server'
import type { FormReply } from '~/modules/organisations/replies.server'
import { ChangeRoleSchema, RemoveMemberSchema, membershipRoles, type Role } from '~/modules/organisations/schemas'

type Member = Awaited<ReturnType<typeof getOrganisationPage>>['members'][number]
export interface Viewer {
  userId: string
  role: Role
  canManage: boolean
}

export function MembersCard({ members, viewer }: { members: Member[]; viewer: Viewer }) {
  const { t } = useTranslation()
  return (
    <Card>
      <h2 className="text-lg font-semibold">
        {t('organisations.members.title')} <span className="text-muted">({members.length})</span>
      </h2>
      <ul className="mt-2 divide-y divide-line">
        {members.map((member) => (
          <MemberRow key={member.userId} member={member} viewer={viewer} />
        ))}
      </ul>
    </Card>
  )
}

function MemberRow({ member, viewer }: { member: Member; viewer: Viewer }) {
  const { t } = useTranslation()
  const isSelf = member.userId === viewer.userId
  // Owners and admins manage members; only owners manage owners. One's own membership is left via "Leave".
  const canManageThis = viewer.canManage && !isSelf && (member.role !== 'owner' || viewer.role === 'owner')
  return (
    <li className="flex flex-wrap items-start gap-4 py-4">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">
          {member.name}
          {isSelf ? <span className="ml-2 text-sm font-normal text-muted">({t('organisations.members.you')})</span> : null}
        </p>
        <p className="truncate text-sm text-muted">{member.email}</p>
      </div>
      {canManageThis ? (
        <div className="flex flex-wrap items-start gap-2">
          <ChangeRoleForm member={member} roles={viewer.role === 'owner' ? [...membershipRoles] : ['admin', 'member']} />
          <RemoveMemberForm member={member} />
        </div>
      ) : (
        <Badge tone={member.role === 'member' ? 'neutral' : 'brand'}>{t(`common.roles.${member.role}`)}</Badge>
      )}
    </li>
  )
}

function ChangeRoleForm({ member, roles }: { member: Member; roles: Role[] }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<FormReply>()
  const selectId = useId()
  const lastResult = useRowReply(fetcher, 'change-role', 'userId', member.userId)
  const [form] = useSchemaForm({ id: `change-role-${member.userId}`, schema: ChangeRoleSchema, lastResult })
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="change-role" />
      <input type="hidden" name="userId" value={member.userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          {t('organisations.members.roleOf', { name: member.name })}
        </label>
        <select
          id={selectId}
          key={member.role}
          name="role"
          defaultValue={member.role}
          className="rounded-lg border border-line bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`common.roles.${role}`)}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" pending={fetcher.state !== 'idle'}>
          {t('organisations.members.saveRole')}
        </Button>
      </div>
      <FormErrors errors={allErrors(form, t)} />
    </fetcher.Form>
  )
}

function RemoveMemberForm({ member }: { member: Member }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<FormReply>()
  const lastResult = useRowReply(fetcher, 'remove-member', 'userId', member.userId)
  const [form] = useSchemaForm({ id: `remove-member-${member.userId}`, schema: RemoveMemberSchema, lastResult })
  return (
    <details className="group">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-semibold text-danger hover:bg-danger-soft">
        {t('organisations.members.remove')}
      </summary>
      <fetcher.Form method="post" {...getFormProps(form)} className="mt-2 max-w-xs space-y-2 rounded-lg border border-line bg-canvas p-3">
        <input type="hidden" name="intent" value="remove-member" />
        <input type="hidden" name="userId" value={member.userId} />
        <p className="text-sm">{t('organisations.members.removeConfirm', { name: member.name })}</p>
        <Button type="submit" variant="danger" pending={fetcher.state !== 'idle'}>
          {t('organisations.members.removeButton')}
        </Button>
        <FormErrors errors={allErrors(form, t)} />
      </fetcher.Form>
    </details>
  )
}
