import { Button, Heading, Link, Text } from '@react-email/components'
import { EmailLayout, emailStyles } from './layout'

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
      <Heading as="h1" style={{ ...emailStyles.text, fontSize: '20px', fontWeight: 600 }}>
        {props.heading}
      </Heading>
      {props.body.split('\n\n').map((paragraph, index) => (
        <Text key={index} style={emailStyles.text}>
          {paragraph}
        </Text>
      ))}
      <Button href={props.url} style={emailStyles.button}>
        {props.button}
      </Button>
      <Text style={emailStyles.muted}>
        <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  )
}
