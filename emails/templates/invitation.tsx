import { Button, Heading, Link, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout, emailStyles } from './layout'

export interface InvitationEmailProps {
  /** Translations of the invitation's language. */
  t: TFunction
  lang: string
  organisationName: string
  inviterName: string
  /** The role, already translated. */
  roleLabel: string
  url: string
  /** The expiry date, already formatted for the reader. */
  expiresOn: string
  email: string
}

/** "Ana invited you to join Bioloxía on Ponte": the link accepts the invitation. */
export function InvitationEmail(props: InvitationEmailProps) {
  const { t } = props
  const values = { organisation: props.organisationName, inviter: props.inviterName, role: props.roleLabel }
  return (
    <EmailLayout
      lang={props.lang}
      preview={t('organisations.email.invitation.preview', values)}
      footer={t('organisations.email.invitation.footer', { email: props.email })}
    >
      <Heading as="h1" style={{ ...emailStyles.text, fontSize: '20px', fontWeight: 600 }}>
        {t('organisations.email.invitation.heading', values)}
      </Heading>
      <Text style={emailStyles.text}>{t('organisations.email.invitation.body', values)}</Text>
      <Text style={emailStyles.text}>{t('organisations.email.invitation.about')}</Text>
      <Button href={props.url} style={emailStyles.button}>
        {t('organisations.email.invitation.button')}
      </Button>
      <Text style={emailStyles.text}>{t('organisations.email.invitation.expires', { date: props.expiresOn })}</Text>
      <Text style={emailStyles.muted}>
        {t('organisations.email.invitation.linkFallback')}{' '}
        <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  )
}
