import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMessage {
  /** Envelope recipients, lower-cased. */
  to: string[]
  from: string | null
  subject: string
  text: string
  html: string
  parsed: ParsedMail
}

export interface TestSmtpServer {
  port: number
  /** `smtp://127.0.0.1:<port>`, ready for SMTP_URL or createMailer({ smtpUrl }). */
  url: string
  messages: ReceivedMessage[]
  /** Resolves with the first message for `to` (already received or still to come), or rejects after `timeoutMs`. */
  waitForMessage(to: string, timeoutMs?: number): Promise<ReceivedMessage>
  close(): Promise<void>
}

/**
 * A real SMTP server in this process, on a random port: accepts any sender without
 * authentication (no STARTTLS, so no certificate to trust) and keeps every message it receives,
 * parsed with mailparser.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = []
  const waiters: { to: string; resolve: (message: ReceivedMessage) => void }[] = []

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const message: ReceivedMessage = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            parsed,
          }
          messages.push(message)
          for (const waiter of waiters.filter((w) => message.to.includes(w.to))) {
            waiters.splice(waiters.indexOf(waiter), 1)
            waiter.resolve(message)
          }
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessage(to, timeoutMs = 10_000) {
      const address = to.toLowerCase()
      const found = messages.find((m) => m.to.includes(address))
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const waiter = {
          to: address,
          resolve: (message: ReceivedMessage) => {
            clearTimeout(timer)
            resolve(message)
          },
        }
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1)
          reject(new Error(`no email for ${to} within ${timeoutMs} ms (received: ${messages.map((m) => m.to.join(',')).join('; ') || 'none'})`))
        }, timeoutMs)
        waiters.push(waiter)
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
