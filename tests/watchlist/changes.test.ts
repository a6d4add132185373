/**
 * 'bookmark.changed' notifications: every member of every organisation that bookmarked a
 * proposal is told, exactly once, when it closes, is republished (with a new amount or closing
 * date), gets a new data-room document, or closes within a week; nobody else is.
 */
import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { taskHandlers } from '~/modules/jobs/tasks.server'
import { updateProposal } from '~/modules/proposals/editor.server'
import { closeProposal, expireDueProposals, publishProposal } from '~/modules/proposals/lifecycle.server'
import { notifyClosingSoon } from '~/modules/watchlist/changes.server'
import { action as documentsAction } from '~/routes/studio_.$slug.proposals.$proposalId.documents/route'
import { memberships, notifications } from '../../db/schema'
import { testJobContext, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createUser } from '../setup/factories'
import { actorFor, daysFromToday, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute, queuedJobs } from '../setup/routes'
import { dataRoomContext, TINY_PDF, uploadRequest } from '../dataroom/helpers'
import { bilingualTexts, bookmark, createWatchers } from './setup'

const t = useTestDatabase()
let w: Awaited<ReturnType<typeof createWatchers>>
const context = () => testLoadContext(t.db)

beforeAll(async () => {
  w = await createWatchers(t.db, context())
})

const input = (overrides: Parameters<typeof validProposalInput>[0] = {}) => validProposalInput({ texts: bilingualTexts, ...overrides })

/** A published proposal of the startup, bookmarked by organisations A (two members) and B. */
async function watchedProposal(overrides: Parameters<typeof validProposalInput>[0] = {}) {
  const { id } = await publishedProposal(t.db, { organisationId: w.startup.id, memberId: w.member.user.id, organiser: w.organiser.actor, overrides: input(overrides) })
  await bookmark(context(), w.alba.cookie, id)
  await bookmark(context(), w.bea.cookie, id)
  return id
}

/** Who was told what about a proposal: [person, context, title], by person. */
async function told(proposalId: string) {
  const rows = await t.db
    .select({ userId: notifications.userId, data: notifications.data, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.kind, 'bookmark.changed'), sql`${notifications.data} ->> 'proposalId' = ${proposalId}`))
  const name = (userId: string) => [w.alba, w.andres, w.bea, w.carla, w.member].find((p) => p.user.id === userId)?.user.name ?? userId
  return rows.map((row) => [name(row.userId), row.data.context, row.data.proposal]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])))
}

const everyWatcher = (context: string) => [
  ['Alba Ferreiro', context, 'Phage therapy against resistant infections'],
  ['Andrés Lago', context, 'Terapia fágica contra infecciones resistentes'],
  ['Bea Sousa', context, 'Phage therapy against resistant infections'],
]

describe('a bookmarked proposal that closes', () => {
  it('tells each member of each bookmarking organisation once, in their language, and queues their emails', async () => {
    const id = await watchedProposal()
    const before = (await queuedJobs(t.db)).filter((job) => job.task === 'email.notification').length
    await closeProposal(t.db, await actorFor(t.db, w.member.user.id), id, 'funded')
    expect(await told(id)).toEqual(everyWatcher('funded'))
    const [row] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.bea.user.id), sql`${notifications.data} ->> 'proposalId' = ${id}`))
    expect(row!.link).toBe('/watchlist?status=closed')
    expect((await queuedJobs(t.db)).filter((job) => job.task === 'email.notification').length - before).toBe(3)
  })

  it('says withdrawn when an organiser withdraws it', async () => {
    const id = await watchedProposal()
    await closeProposal(t.db, w.organiser.actor, id, 'withdrawn')
    expect(await told(id)).toEqual(everyWatcher('withdrawn'))
  })

  it('says expired when its closing date passed', async () => {
    const id = await watchedProposal({ closingDate: daysFromToday(2) })
    expect(await expireDueProposals(t.db, daysFromToday(3))).toEqual([id])
    expect(await told(id)).toEqual(everyWatcher('expired'))
  })

  it('tells nobody when nobody bookmarked it', async () => {
    const { id, memberId } = await publishedProposal(t.db)
    await closeProposal(t.db, await actorFor(t.db, memberId), id, 'funded')
    expect(await told(id)).toEqual([])
  })
})

describe('a bookmarked proposal republished after a review', () => {
  async function republish(id: string, overrides: Parameters<typeof validProposalInput>[0]) {
    const member = await actorFor(t.db, w.member.user.id)
    expect(await updateProposal(t.db, member, id, input(overrides))).toBe('back-to-review')
    // Under review it is still the same published version: nobody is told yet.
    expect(await told(id)).toEqual([])
    await publishProposal(t.db, w.organiser.actor, id)
  }

  it('says the new amount sought', async () => {
    const id = await watchedProposal()
    await republish(id, { amountSoughtCents: 40_000_000, useOfFunds: [{ label: 'Phase I', amountCents: 40_000_000 }] })
    expect(await told(id)).toEqual(everyWatcher('amount'))
    const [row] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.alba.user.id), sql`${notifications.data} ->> 'proposalId' = ${id}`))
    expect(row!.data).toMatchObject({ amountSoughtCents: 40_000_000, context: 'amount' })
    expect(row!.link).toBe(`/proposals/${id}`)
  })

  it('says the new closing date, or both', async () => {
    const dateOnly = await watchedProposal()
    await republish(dateOnly, { closingDate: daysFromToday(120) })
    expect(await told(dateOnly)).toEqual(everyWatcher('closingDate'))

    const both = await watchedProposal()
    await republish(both, { closingDate: daysFromToday(150), amountSoughtCents: 30_000_000, useOfFunds: [{ label: 'All', amountCents: 30_000_000 }] })
    expect(await told(both)).toEqual(everyWatcher('amountAndClosingDate'))
  })

  it('says republished when other key facts changed, and stays quiet for a description fix', async () => {
    const id = await watchedProposal()
    await republish(id, { stage: 'series_a' })
    expect(await told(id)).toEqual(everyWatcher('republished'))

    const fixed = await watchedProposal()
    const texts = { ...bilingualTexts, en: { ...bilingualTexts.en, description: 'The problem, and our answer (typo fixed).' } }
    expect(await updateProposal(t.db, await actorFor(t.db, w.member.user.id), fixed, input({ texts }))).toBe('republished')
    expect(await told(fixed)).toEqual([])
  })
})

describe('a new document in the data room', () => {
  it('tells the watchers once, without naming it', async () => {
    const id = await watchedProposal()
    const { context: uploads } = dataRoomContext(t.db)
    const request = uploadRequest(`/studio/${w.startup.slug}/proposals/${id}/documents`, {
      cookie: w.member.cookie,
      fields: { intent: 'upload', kind: 'deck' },
      file: { field: 'file', name: 'Confidential deck.pdf', bytes: TINY_PDF },
    })
    expect((await callRoute(documentsAction, request, uploads, { slug: w.startup.slug, proposalId: id })).status).toBe(302)
    expect(await told(id)).toEqual(everyWatcher('document'))
    const rows = await t.db.select({ data: notifications.data }).from(notifications).where(sql`${notifications.data} ->> 'proposalId' = ${id}`)
    expect(JSON.stringify(rows)).not.toContain('Confidential deck')
  })
})

describe('closing within a week', () => {
  it('tells each watcher once per closing date, through the daily job', async () => {
    const soon = await watchedProposal({ closingDate: daysFromToday(5) })
    const later = await watchedProposal({ closingDate: daysFromToday(30) })
    await taskHandlers['watchlist.closing-soon'](testJobContext(t.db), {})
    expect(await told(soon)).toEqual(everyWatcher('closingSoon'))
    expect(await told(later)).toEqual([])

    // The next day's run tells nobody again.
    await notifyClosingSoon(t.db)
    await notifyClosingSoon(t.db, daysFromToday(1))
    expect(await told(soon)).toEqual(everyWatcher('closingSoon'))

    const [row] = await t.db.select({ data: notifications.data }).from(notifications).where(and(eq(notifications.userId, w.alba.user.id), sql`${notifications.data} ->> 'proposalId' = ${soon}`))
    expect(row!.data).toMatchObject({ context: 'closingSoon', closingDate: daysFromToday(5) })

    // A member who joins organisation A later is told on the next run; the others are not told twice.
    const newcomer = await createUser(t.db, { name: 'Nuno Novo' })
    await t.db.insert(memberships).values({ organisationId: w.alba.organisation.id, userId: newcomer.id, role: 'member' })
    await notifyClosingSoon(t.db)
    const rows = await t.db.select({ userId: notifications.userId }).from(notifications).where(sql`${notifications.data} ->> 'proposalId' = ${soon}`)
    expect(rows.filter((r) => r.userId === newcomer.id)).toHaveLength(1)
    expect(rows).toHaveLength(4)
    await t.db.delete(memberships).where(eq(memberships.userId, newcomer.id))
  })

  it('tells them again when the closing date moves and comes near again', async () => {
    const id = await watchedProposal({ closingDate: daysFromToday(4) })
    await notifyClosingSoon(t.db)
    const member = await actorFor(t.db, w.member.user.id)
    expect(await updateProposal(t.db, member, id, input({ closingDate: daysFromToday(6) }))).toBe('back-to-review')
    await publishProposal(t.db, w.organiser.actor, id)
    await notifyClosingSoon(t.db)
    await notifyClosingSoon(t.db)
    expect((await told(id)).map(([person, context]) => `${person}: ${context}`)).toEqual([
      'Alba Ferreiro: closingDate',
      'Alba Ferreiro: closingSoon',
      'Alba Ferreiro: closingSoon',
      'Andrés Lago: closingDate',
      'Andrés Lago: closingSoon',
      'Andrés Lago: closingSoon',
      'Bea Sousa: closingDate',
      'Bea Sousa: closingSoon',
      'Bea Sousa: closingSoon',
    ])
  })
})
