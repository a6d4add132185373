import { Heading, Section, Text } from '@react-email/components'
import { EmailAction, EmailHeading, EmailLayout, emailStyles } from './layout'

export interface RoundOutcomeEmailProps {
  lang: string
  preview: string
  heading: string
  /** What was decided, already translated and filled in. */
  body: string
  feedbackTitle: string
  feedback: string
  commentsTitle: string
  /** The shared juror comments: "Juror 1 · Team" and what they wrote. */
  comments: { label: string; comment: string }[]
  button: string
  url: string
  footer: string
}

/** A funding round's outcome for an applicant: shortlisted or not, the organisers' feedback and the jurors' shared comments. */
export function RoundOutcomeEmail(props: RoundOutcomeEmailProps) {
  return (
    <EmailLayout lang={props.lang} preview={props.preview} footer={props.footer}>
      <EmailHeading>{props.heading}</EmailHeading>
      <Text style={emailStyles.text}>{props.body}</Text>
      <Heading as="h2" style={{ ...emailStyles.text, fontSize: '16px', fontWeight: 600 }}>
        {props.feedbackTitle}
      </Heading>
      {props.feedback.split(/\n{2,}/).map((paragraph, index) => (
        <Text key={index} style={{ ...emailStyles.text, whiteSpace: 'pre-line' }}>
          {paragraph}
        </Text>
      ))}
      {props.comments.length > 0 ? (
        <Section>
          <Heading as="h2" style={{ ...emailStyles.text, fontSize: '16px', fontWeight: 600 }}>
            {props.commentsTitle}
          </Heading>
          {props.comments.map((comment, index) => (
            <Text key={index} style={{ ...emailStyles.text, whiteSpace: 'pre-line' }}>
              <strong>{comment.label}:</strong> {comment.comment}
            </Text>
          ))}
        </Section>
      ) : null}
      <EmailAction url={props.url} label={props.button} />
    </EmailLayout>
  )
}
