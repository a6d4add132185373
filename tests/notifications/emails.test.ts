/**
 * The email of a notification (the 'email.notification' job): in the recipient's language,
 * not when they turned that kind off, not when they read it in the app before the job ran.
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { notify } from '~/modules/notifications/notify.server'
import { notificationPreferences, notifications } from '../../db/schema'
import { runJobs } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser } from '../setup/factories'
import { mailTo } from '../setup/mailbox'

const t = useTestDatabase()

async function tell(userId: string) {
  await t.db.transaction((tx) =>
    notify(tx, {
      userIds: [userId],
      kind: 'bookmark.changed',
      data: { proposalId: 'p1', proposal: 'Fagos', context: 'amountAndClosingDate', amountSoughtCents: 40_000_000, closingDate: '2027-03-01' },
      link: '/proposals/p1',
    }),
  )
}

describe('notification emails', () => {
  it('are written in the recipient’s language, with the values formatted their way and a link', async () => {
    const galician = await createUser(t.db, { locale: 'gl' })
    const english = await createUser(t.db, { locale: 'en' })
    await tell(galician.id)
    await tell(english.id)
    await runJobs(t.db, t.url)

    const [gl] = await mailTo(t.db, galician.email)
    expect(gl!.subject).toBe('A túa lista de seguimento: cambiou «Fagos»')
    expect(gl!.text).toContain('agora procura 400.000\u00a0€ e pecha o 1 de mar. de 2027')
    expect(gl!.text).toContain('http://ponte.test/proposals/p1')
    const [en] = await mailTo(t.db, english.email)
    expect(en!.subject).toBe('Your watchlist: “Fagos” changed')
    expect(en!.text).toContain('it now seeks €400,000 and closes on 1 Mar 2027')
  })

  it('are not sent when the person turned that kind off', async () => {
    const person = await createUser(t.db)
    await t.db.insert(notificationPreferences).values({ userId: person.id, kind: 'bookmark.changed', email: false })
    await tell(person.id)
    await runJobs(t.db, t.url)
    expect(await mailTo(t.db, person.email)).toEqual([])
    // It is still in the app.
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, person.id))).toHaveLength(1)
  })

  it('are not sent when the notification was read before the job ran', async () => {
    const person = await createUser(t.db)
    await tell(person.id)
    await t.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.userId, person.id))
    await runJobs(t.db, t.url)
    expect(await mailTo(t.db, person.email)).toEqual([])
  })
})
