import { Button, Link, Text } from '@react-email/components'
import type { TFunction } from 'i18next'
import { EmailLayout, emailStyles } from './layout'

export interface AccountEmailProps {
  /** The recipient's language: `t` is fixed to it. */
  lang: string
  t: TFunction
  name: string
  /** The link the button opens. */
  url: string
}

/**
 * The shape of the account emails (verify, reset): greeting, one sentence, one button, the
 * link spelt out for mail clients without buttons, how long it works, what to do if unexpected.
 * `kind` picks the texts under accounts.email.<kind>.*
 */
export function AccountEmail({ kind, lang, t, name, url }: AccountEmailProps & { kind: 'verify' | 'reset' }) {
  return (
    <EmailLayout lang={lang} preview={t(`accounts.email.${kind}.preview`)} footer={t('accounts.email.footer')}>
      <Text style={emailStyles.text}>{t('accounts.email.greeting', { name })}</Text>
      <Text style={emailStyles.text}>{t(`accounts.email.${kind}.intro`)}</Text>
      <Button href={url} style={emailStyles.button}>
        {t(`accounts.email.${kind}.button`)}
      </Button>
      <Text style={emailStyles.muted}>
        {t('accounts.email.linkFallback')} <Link href={url}>{url}</Link>
      </Text>
      <Text style={emailStyles.muted}>{t(`accounts.email.${kind}.expiry`)}</Text>
      <Text style={emailStyles.muted}>{t(`accounts.email.${kind}.ignore`)}</Text>
    </EmailLayout>
  )
}
