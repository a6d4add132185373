import { Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailAction, EmailHeading, EmailLayout, emailStyles } from './layout'

export interface JuryInvitationEmailProps {
  /** Translations of the recipient's language. */
  t: TFunction
  lang: string
  name: string
  inviterName: string
  organiserName: string
  /** The round's name in the recipient's language. */
  roundName: string
  /** "as an independent expert" / "for Douro Health Capital", already translated. */
  seat: string
  /** The closing time of applications, formatted in the round's zone with the zone named. */
  closes: string
  url: string
  email: string
}

/** "Ana invited you to the jury of the Cross-border biotech round": the link accepts the seat. */
export function JuryInvitationEmail(props: JuryInvitationEmailProps) {
  const { t } = props
  const values = { name: props.name, inviter: props.inviterName, organiser: props.organiserName, round: props.roundName, seat: props.seat, closes: props.closes }
  return (
    <EmailLayout lang={props.lang} preview={t('rounds.email.jury.preview', values)} footer={t('rounds.email.jury.footer', { email: props.email })}>
      <EmailHeading>{t('rounds.email.jury.heading', values)}</EmailHeading>
      <Text style={emailStyles.text}>{t('rounds.email.jury.greeting', values)}</Text>
      <Text style={emailStyles.text}>{t('rounds.email.jury.body', values)}</Text>
      <Text style={emailStyles.text}>{t('rounds.email.jury.about', values)}</Text>
      <EmailAction url={props.url} label={t('rounds.email.jury.button')} />
    </EmailLayout>
  )
}
