import { Text } from '@react-email/components'
import { EmailAction, EmailHeading, EmailLayout, emailStyles } from './layout'

export interface NotificationEmailProps {
  lang: string
  preview: string
  heading: string
  /** The notification's text, already translated and filled in. */
  body: string
  button: string
  url: string
  footer: string
}

/** The email of an in-app notification: what happened, and a link to it in Ponte. */
export function NotificationEmail(props: NotificationEmailProps) {
  return (
    <EmailLayout lang={props.lang} preview={props.preview} footer={props.footer}>
      <EmailHeading>{props.heading}</EmailHeading>
      {props.body.split('\n\n').map((paragraph, index) => (
        <Text key={index} style={emailStyles.text}>
          {paragraph}
        </Text>
      ))}
      <EmailAction url={props.url} label={props.button} />
    </EmailLayout>
  )
}
