/**
 * The kinds of notification Ponte sends, and whether each is emailed unless the person chose
 * otherwise (settings). Texts live in app/locales/<lng>/notifications.json under
 * `notifications.kinds.<kind>` (`title`, and `subject`/`body` for the email), interpolated with
 * the notification's `data`.
 */
export const notificationKinds = {
  /** A bookmarked proposal changed: status, amount, closing date near, a new document. */
  'bookmark.changed': { email: true },
  /** An investor verification request was approved, declined, or a verification revoked or about to lapse. */
  'verification.decided': { email: true },
  /** A startup received an investor's interest. */
  'interest.received': { email: true },
  /** An investor's interest was accepted (the introduction) or declined. */
  'interest.answered': { email: true },
  /** A message arrived in a conversation. */
  'message.received': { email: true },
  /** A soft commitment was recorded or withdrawn on a proposal. */
  'commitment.changed': { email: true },
} as const satisfies Record<string, { email: boolean }>

export type NotificationKind = keyof typeof notificationKinds

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value)
}
