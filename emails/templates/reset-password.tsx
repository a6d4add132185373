import { AccountEmail, type AccountEmailProps } from './account-email'

/** Sent from "Forgot your password?": a link to choose a new password. */
export default function ResetPassword(props: AccountEmailProps) {
  return <AccountEmail kind="reset" {...props} />
}
