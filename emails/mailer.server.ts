import nodemailer from 'nodemailer'
import type { Db } from '../db/client'
import { mailboxMessages } from '../db/schema'

export interface OutgoingEmail {
  to: string
  subject: string
  html: string
  text: string
  /** Extra headers (List-Unsubscribe); SMTP only, the development mailbox keeps none. */
  headers?: Record<string, string>
}

export interface Mailer {
  /** 'smtp' sends through SMTP_URL; 'mailbox' keeps messages in the development mailbox. */
  kind: 'smtp' | 'mailbox'
  send(email: OutgoingEmail): Promise<void>
  close(): void
}

export function createMailer(options: { smtpUrl?: string; from: string }, db: Db): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl)
    return {
      kind: 'smtp',
      async send(email) {
        await transport.sendMail({ from: options.from, ...email })
      },
      close: () => transport.close(),
    }
  }
  return {
    kind: 'mailbox',
    async send({ headers: _headers, ...email }) {
      await db.insert(mailboxMessages).values({ from: options.from, ...email })
    },
    close: () => {},
  }
}
