import { Heading, Hr, Link, Section, Text } from '@react-email/components'
import { EmailLayout, emailStyles } from './layout'

export interface AlertDigestProposal {
  title: string
  /** "Startup · 250.000 €". */
  facts: string
  url: string
}

export interface AlertDigestGroup {
  name: string
  /** The search in words ("“oncology” · Seed · Galicia"). */
  summary: string
  /** "3 new proposals". */
  count: string
  proposals: AlertDigestProposal[]
  /** "And 12 more" when the email lists only the first ones; null otherwise. */
  more: string | null
  searchUrl: string
  searchLabel: string
  unsubscribeUrl: string
  unsubscribeLabel: string
}

export interface AlertDigestEmailProps {
  lang: string
  preview: string
  heading: string
  intro: string
  groups: AlertDigestGroup[]
  unsubscribeAllUrl: string
  unsubscribeAllLabel: string
  footer: string
}

const styles = {
  group: { margin: '24px 0 0' },
  name: { ...emailStyles.text, fontSize: '17px', fontWeight: 600, margin: '0' },
  summary: { ...emailStyles.muted, margin: '2px 0 8px' },
  item: { borderLeft: '3px solid #0f5c63', margin: '10px 0', padding: '2px 0 2px 12px' },
  title: { color: '#0f5c63', fontSize: '15px', fontWeight: 600, lineHeight: '22px', textDecoration: 'none' },
  facts: { color: '#4b5563', fontSize: '13px', lineHeight: '20px', margin: '0' },
  links: { fontSize: '13px', lineHeight: '20px', margin: '8px 0 0' },
}

/** One person's new matches of one alert frequency, grouped per saved search, each with a way out. */
export function AlertDigestEmail(props: AlertDigestEmailProps) {
  return (
    <EmailLayout lang={props.lang} preview={props.preview} footer={props.footer}>
      <Heading as="h1" style={{ ...emailStyles.text, fontSize: '20px', fontWeight: 600 }}>
        {props.heading}
      </Heading>
      <Text style={emailStyles.text}>{props.intro}</Text>
      {props.groups.map((group) => (
        <Section key={group.searchUrl + group.name} style={styles.group}>
          <Text style={styles.name}>
            {group.name} · {group.count}
          </Text>
          {group.summary ? <Text style={styles.summary}>{group.summary}</Text> : null}
          {group.proposals.map((proposal) => (
            <Section key={proposal.url} style={styles.item}>
              <Link href={proposal.url} style={styles.title}>
                {proposal.title}
              </Link>
              <Text style={styles.facts}>{proposal.facts}</Text>
            </Section>
          ))}
          {group.more ? <Text style={styles.facts}>{group.more}</Text> : null}
          <Text style={styles.links}>
            <Link href={group.searchUrl} style={{ color: '#0f5c63', fontWeight: 600 }}>
              {group.searchLabel}
            </Link>
            {' · '}
            <Link href={group.unsubscribeUrl} style={{ color: '#6b7280' }}>
              {group.unsubscribeLabel}
            </Link>
          </Text>
        </Section>
      ))}
      <Hr />
      <Text style={emailStyles.muted}>
        <Link href={props.unsubscribeAllUrl} style={{ color: '#6b7280' }}>
          {props.unsubscribeAllLabel}
        </Link>
      </Text>
    </EmailLayout>
  )
}
