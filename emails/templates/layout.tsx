import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

const styles = {
  body: { backgroundColor: '#f4f6f8', fontFamily: 'Inter, Segoe UI, Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: '12px', margin: '0 auto', maxWidth: '560px', padding: '32px' },
  brand: { color: '#0f5c63', fontSize: '20px', fontWeight: 700, letterSpacing: '0.02em', margin: '0 0 24px' },
  footer: { color: '#6b7280', fontSize: '12px', lineHeight: '18px' },
}

export const emailStyles = {
  text: { color: '#1f2937', fontSize: '15px', lineHeight: '24px' },
  button: {
    backgroundColor: '#0f5c63',
    borderRadius: '8px',
    color: '#ffffff',
    display: 'inline-block',
    fontSize: '15px',
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  muted: { color: '#6b7280', fontSize: '13px', lineHeight: '20px', wordBreak: 'break-all' as const },
}

/** The frame every Ponte email shares: brand, content, footer, in the recipient's language. */
export function EmailLayout(props: { lang: string; preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Ponte</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={styles.footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  )
}

/** The email's title. */
export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={{ ...emailStyles.text, fontSize: '20px', fontWeight: 600 }}>
      {children}
    </Heading>
  )
}

/** The button to Ponte, with the address written out below for mail readers that hide buttons. */
export function EmailAction({ url, label }: { url: string; label: string }) {
  return (
    <>
      <Button href={url} style={emailStyles.button}>
        {label}
      </Button>
      <Text style={emailStyles.muted}>
        <Link href={url}>{url}</Link>
      </Text>
    </>
  )
}
