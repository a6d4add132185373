import { getFormProps } from '@conform-to/react'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InvitationResponseButtons } from '~/components/organisations/invitation-response-buttons'
import { allErrors, useSchemaForm } from '~/components/organisations/form-fields'
import { buttonClass } from '~/components/ui/button'
import { Notice } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { RespondToInvitationSchema } from '~/modules/organisations/schemas'
import type { action, loader } from './route'

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

/** What the person holding the link can do: sign in, switch account, verify, or accept/decline. */
export function InvitationState({ invitation, viewer }: { invitation: NonNullable<Loaded['invitation']>; viewer: Loaded['viewer'] }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (invitation.status === 'accepted') {
    return invitation.joinedAs ? (
      <Link to={`/organisations/${invitation.organisationSlug}`} className={buttonClass('primary')}>
        {t('organisations.invitation.open')}
      </Link>
    ) : (
      <Notice tone="info">{t('organisations.invitation.used')}</Notice>
    )
  }
  if (invitation.status !== 'pending') return <Notice tone="info">{t(`organisations.invitation.${invitation.status}`)}</Notice>
  if (viewer === 'anonymous') {
    const back = encodeURIComponent(location.pathname)
    return (
      <div className="space-y-4">
        <p className="text-sm">{t('organisations.invitation.signInFirst', { email: invitation.email })}</p>
        <div className="flex flex-wrap gap-3">
          <Link to={`/login?redirectTo=${back}`} className={buttonClass('primary')}>
            {t('organisations.invitation.login')}
          </Link>
          <Link to={`/signup?redirectTo=${back}`} className={buttonClass('secondary')}>
            {t('organisations.invitation.signup')}
          </Link>
        </div>
      </div>
    )
  }
  if (viewer === 'other-account') return <Notice tone="danger">{t('organisations.invitation.otherAccount', { email: invitation.email })}</Notice>
  if (viewer === 'unverified') {
    return (
      <Notice tone="info">
        {t('organisations.invitation.verifyFirst')}{' '}
        <Link to="/verify-email" className="font-semibold underline">
          {t('organisations.invitation.verifyLink')}
        </Link>
      </Notice>
    )
  }
  return <RespondForm />
}

function RespondForm() {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<typeof action>()
  const [form] = useSchemaForm({ id: 'respond', schema: RespondToInvitationSchema, lastResult: reply?.result })
  const busy = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrors errors={allErrors(form, t)} />
      <InvitationResponseButtons busy={busy} />
    </Form>
  )
}
