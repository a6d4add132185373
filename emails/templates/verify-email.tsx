import { AccountEmail, type AccountEmailProps } from './account-email'

/** Sent after sign-up (and on "send the link again"): confirms the email address. */
export default function VerifyEmail(props: AccountEmailProps) {
  return <AccountEmail kind="verify" {...props} />
}
