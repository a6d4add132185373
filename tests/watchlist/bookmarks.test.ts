/**
 * Bookmarks, tags and notes through the real routes: who may bookmark, what each organisation
 * sees, who may touch a note, the filters, and removal taking the notes with it.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { closeProposal } from '~/modules/proposals/lifecycle.server'
import { action as proposalPageAction, loader as proposalPage } from '~/routes/proposals.$proposalId._index/route'
import { loader as catalogue } from '~/routes/proposals._index/route'
import { loader as watchlistLoader } from '~/routes/watchlist/route'
import { bookmarkNotes, bookmarks, organisations } from '../../db/schema'
import { makeRequest, testLoadContext } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { syncSearch } from '../setup/search'
import { actorFor, createProposalFor, publishedProposal, validProposalInput } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { bookmark, createWatchers, postWatchlist } from './setup'

const t = useTestDatabase()
let w: Awaited<ReturnType<typeof createWatchers>>
const context = () => testLoadContext(t.db)

function watchlist(cookie: string | null, search = '') {
  return callRoute(watchlistLoader, makeRequest(`/watchlist${search}`, { cookie }), context())
}

function page(cookie: string | null, proposalId = w.proposal.id) {
  return callRoute(proposalPage, makeRequest(`/proposals/${proposalId}`, { cookie }), context(), { proposalId })
}

async function bookmarkIdOf(organisationId: string, proposalId = w.proposal.id) {
  const [row] = await t.db
    .select()
    .from(bookmarks)
    .where(and(eq(bookmarks.organisationId, organisationId), eq(bookmarks.proposalId, proposalId)))
  return row!.id
}

beforeAll(async () => {
  w = await createWatchers(t.db, context())
})

describe('bookmarking', () => {
  it('puts a visible proposal on the organisation’s watchlist, once, for every member', async () => {
    expect((await page(w.alba.cookie)).data.watchlist).toEqual({ bookmark: null })
    await bookmark(context(), w.alba.cookie, w.proposal.id)
    await bookmark(context(), w.andres.cookie, w.proposal.id)
    expect(await t.db.select().from(bookmarks).where(eq(bookmarks.organisationId, w.alba.organisation.id))).toHaveLength(1)

    const seenByColleague = await watchlist(w.andres.cookie)
    expect(seenByColleague.status).toBe(200)
    expect(seenByColleague.data.items.map((item: { proposalId: string; title: string }) => [item.proposalId, item.title])).toEqual([
      [w.proposal.id, 'Terapia fágica contra infecciones resistentes'],
    ])
    expect((await page(w.alba.cookie)).data.watchlist.bookmark).toMatchObject({ tags: [], notes: [] })
  })

  it('marks the search results the organisation bookmarked, for its members only', async () => {
    await syncSearch(t.db)
    const results = async (cookie: string | null) => (await callRoute(catalogue, makeRequest('/proposals', { cookie }), context())).data.bookmarked
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    expect(await results(w.andres.cookie)).toEqual({ [w.proposal.id]: bookmarkId })
    expect(await results(w.bea.cookie)).toEqual({})
    expect(await results(w.member.cookie)).toBeNull()
    expect(await results(null)).toBeNull()
  })

  it('is refused for a proposal not in the catalogue (404), and not offered to startups or organisers', async () => {
    const draft = await createProposalFor(t.db, w.startup.id)
    expect((await postWatchlist(context(), w.alba.cookie, { intent: 'bookmark', proposalId: draft })).status).toBe(404)
    expect((await page(w.member.cookie)).data.watchlist).toBeNull()
    expect((await page(w.organiserCookie)).data.watchlist).toBeNull()
    expect((await page(null)).data.watchlist).toBeNull()
  })

  it('is for investor organisations only: startups get a 403, visitors the login page', async () => {
    expect((await watchlist(w.member.cookie)).status).toBe(403)
    expect((await postWatchlist(context(), w.member.cookie, { intent: 'bookmark', proposalId: w.proposal.id })).status).toBe(403)
    expect((await watchlist(null)).location).toMatch(/^\/login\?redirectTo=/)
  })
})

describe('tags and notes', () => {
  it('keeps tags normalised and refuses too many, keeping what was typed', async () => {
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    const saved = await postWatchlist(context(), w.alba.cookie, { intent: 'tags', bookmarkId, tags: '  Oncology, SERIES   A ,oncology', redirectTo: '/watchlist' })
    expect(saved.status).toBe(302)
    expect((await watchlist(w.andres.cookie)).data.items[0].tags).toEqual(['oncology', 'series a'])

    const tooMany = await postWatchlist(context(), w.alba.cookie, { intent: 'tags', bookmarkId, tags: 'a,b,c,d,e,f,g,h,i,j,k' })
    expect(tooMany.status).toBe(400)
    expect(tooMany.data).toMatchObject({ intent: 'tags', target: bookmarkId, errors: { tags: ['watchlist.errors.tagsTooMany'] }, values: { tags: 'a,b,c,d,e,f,g,h,i,j,k' } })
    expect((await watchlist(w.alba.cookie)).data.items[0].tags).toEqual(['oncology', 'series a'])
  })

  it('shows notes with author and date to the organisation; only the author edits or deletes them', async () => {
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    expect((await postWatchlist(context(), w.alba.cookie, { intent: 'add-note', bookmarkId, body: 'Strong team; ask about the GMP partner.' })).status).toBe(302)
    expect((await postWatchlist(context(), w.andres.cookie, { intent: 'add-note', bookmarkId, body: 'Comité del jueves.' })).status).toBe(302)
    expect((await postWatchlist(context(), w.andres.cookie, { intent: 'add-note', bookmarkId, body: '   ' })).data.errors).toEqual({ body: ['watchlist.errors.noteRequired'] })

    const notes = (await watchlist(w.andres.cookie)).data.items[0].notes
    expect(notes.map((n: { body: string; authorName: string; mine: boolean }) => [n.body, n.authorName, n.mine])).toEqual([
      ['Strong team; ask about the GMP partner.', 'Alba Ferreiro', false],
      ['Comité del jueves.', 'Andrés Lago', true],
    ])
    const albasNote = notes[0].id

    expect((await postWatchlist(context(), w.andres.cookie, { intent: 'edit-note', noteId: albasNote, body: 'Hijacked' })).status).toBe(403)
    expect((await postWatchlist(context(), w.andres.cookie, { intent: 'delete-note', noteId: albasNote })).status).toBe(403)
    expect((await postWatchlist(context(), w.alba.cookie, { intent: 'edit-note', noteId: albasNote, body: 'Strong team; GMP partner confirmed.' })).status).toBe(302)
    const edited = (await watchlist(w.alba.cookie)).data.items[0].notes[0]
    expect(edited).toMatchObject({ body: 'Strong team; GMP partner confirmed.', mine: true })
    expect(edited.updatedAt).not.toBeNull()
  })
})

describe('another organisation', () => {
  it('never sees the bookmark, its tags or its notes, and every id of it is a 404', async () => {
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    const [note] = await t.db.select().from(bookmarkNotes).where(eq(bookmarkNotes.bookmarkId, bookmarkId))

    const theirs = await watchlist(w.bea.cookie)
    expect(theirs.data.items).toEqual([])
    expect(theirs.data.tags).toEqual([])
    expect((await page(w.bea.cookie)).data.watchlist).toEqual({ bookmark: null })

    const forms: Record<string, string>[] = [
      { intent: 'tags', bookmarkId, tags: 'mine now' },
      { intent: 'add-note', bookmarkId, body: 'Hello' },
      { intent: 'remove', bookmarkId },
      { intent: 'edit-note', noteId: note!.id, body: 'Changed' },
      { intent: 'delete-note', noteId: note!.id },
    ]
    for (const form of forms) {
      expect((await postWatchlist(context(), w.bea.cookie, form)).status, form.intent).toBe(404)
    }
    expect((await watchlist(w.alba.cookie)).data.items[0].notes).toHaveLength(2)
  })

  it('startup members see nothing of investors’ notes on their own proposal page', async () => {
    const reply = await page(w.member.cookie)
    expect(reply.status).toBe(200)
    expect(JSON.stringify(reply.data)).not.toMatch(/GMP partner|Comité|oncology/)
  })
})

describe('filters', () => {
  it('narrow the watchlist by tag and by status (open, closed, no longer visible)', async () => {
    const other = await publishedProposal(t.db, { overrides: validProposalInput() })
    const hidden = await publishedProposal(t.db)
    await bookmark(context(), w.alba.cookie, other.id)
    await bookmark(context(), w.alba.cookie, hidden.id)
    await closeProposal(t.db, await actorFor(t.db, other.memberId), other.id, 'funded')
    await t.db.update(organisations).set({ suspendedAt: new Date() }).where(eq(organisations.id, hidden.organisationId))

    const ids = async (search: string) => (await watchlist(w.alba.cookie, search)).data.items.map((item: { proposalId: string }) => item.proposalId)
    expect(await ids('')).toHaveLength(3)
    expect(await ids('?status=open')).toEqual([w.proposal.id])
    expect(await ids('?status=closed')).toEqual([other.id])
    expect(await ids('?status=hidden')).toEqual([hidden.id])
    expect(await ids('?tag=Oncology')).toEqual([w.proposal.id])
    expect(await ids('?tag=oncology&status=closed')).toEqual([])
    const closed = (await watchlist(w.alba.cookie, '?status=closed')).data.items[0]
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'funded' })
  })
})

describe('removing a bookmark', () => {
  it('takes its notes with it and leaves other organisations’ bookmarks alone', async () => {
    await bookmark(context(), w.bea.cookie, w.proposal.id)
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    const reply = await postWatchlist(context(), w.andres.cookie, { intent: 'remove', bookmarkId, redirectTo: '/watchlist?status=open' })
    expect(reply.location).toBe('/watchlist?status=open')
    expect(await t.db.select().from(bookmarkNotes).where(eq(bookmarkNotes.bookmarkId, bookmarkId))).toEqual([])
    expect((await watchlist(w.alba.cookie, '?status=open')).data.items).toEqual([])
    expect((await watchlist(w.bea.cookie)).data.items.map((item: { proposalId: string }) => item.proposalId)).toEqual([w.proposal.id])
  })
})

describe('from the proposal page', () => {
  const here = () => `/proposals/${w.proposal.id}`
  const postPage = (cookie: string | null, form: Record<string, string>) =>
    callRoute(proposalPageAction, makeRequest(`${here()}?index`, { cookie, form: { redirectTo: here(), ...form } }), context(), { proposalId: w.proposal.id })

  it('bookmarks, tags and keeps notes without leaving the page, each member seeing the organisation’s notes', async () => {
    const added = await postPage(w.alba.cookie, { intent: 'bookmark', proposalId: w.proposal.id })
    expect(added.status).toBe(302)
    expect(added.location).toBe(here())
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    expect((await postPage(w.alba.cookie, { intent: 'tags', bookmarkId, tags: 'Burns, Q3 committee' })).location).toBe(here())
    expect((await postPage(w.alba.cookie, { intent: 'add-note', bookmarkId, body: 'Ask about the porcine data.' })).location).toBe(here())

    const seen = (await page(w.andres.cookie)).data.watchlist.bookmark
    expect(seen.tags).toEqual(['burns', 'q3 committee'])
    expect(seen.notes.map((n: { body: string; authorName: string; mine: boolean }) => [n.body, n.authorName, n.mine])).toEqual([['Ask about the porcine data.', 'Alba Ferreiro', false]])
    const [note] = (await page(w.alba.cookie)).data.watchlist.bookmark.notes
    expect(note.mine).toBe(true)

    expect((await postPage(w.alba.cookie, { intent: 'edit-note', noteId: note.id, body: 'Ask about the porcine and ovine data.' })).status).toBe(302)
    expect((await postPage(w.andres.cookie, { intent: 'delete-note', noteId: note.id })).status).toBe(403)
    expect((await page(w.alba.cookie)).data.watchlist.bookmark.notes[0].body).toBe('Ask about the porcine and ovine data.')
    // The same notes are on the watchlist.
    expect((await watchlist(w.andres.cookie, '?tag=burns')).data.items[0].notes[0].body).toBe('Ask about the porcine and ovine data.')
  })

  it('answers a refused form on the page itself, with the field’s error and what was typed', async () => {
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    const long = 'x'.repeat(5001)
    const refused = await postPage(w.alba.cookie, { intent: 'add-note', bookmarkId, body: long })
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({ ok: false, intent: 'add-note', target: bookmarkId, errors: { body: ['watchlist.errors.noteTooLong'] }, values: { body: long } })
    const tags = await postPage(w.alba.cookie, { intent: 'tags', bookmarkId, tags: 'one two three four' })
    expect(tags.data.errors).toEqual({ tags: ['watchlist.errors.tagTooLong'] })
    expect((await page(w.alba.cookie)).data.watchlist.bookmark.notes).toHaveLength(1)
  })

  it('gives another organisation nothing, startups a 403 and visitors the login page', async () => {
    const bookmarkId = await bookmarkIdOf(w.alba.organisation.id)
    const [note] = await t.db.select().from(bookmarkNotes).where(eq(bookmarkNotes.bookmarkId, bookmarkId))
    const forms: Record<string, string>[] = [
      { intent: 'tags', bookmarkId, tags: 'ours' },
      { intent: 'add-note', bookmarkId, body: 'Hello' },
      { intent: 'edit-note', noteId: note!.id, body: 'Changed' },
      { intent: 'remove', bookmarkId },
    ]
    for (const form of forms) {
      expect((await postPage(w.carla.cookie, form)).status, form.intent).toBe(404)
    }
    expect((await page(w.carla.cookie)).data.watchlist).toEqual({ bookmark: null })
    expect((await postPage(w.member.cookie, { intent: 'add-note', bookmarkId, body: 'Hello' })).status).toBe(403)
    expect((await postPage(null, { intent: 'add-note', bookmarkId, body: 'Hello' })).location).toMatch(/^\/login\?redirectTo=/)
    expect(JSON.stringify((await page(w.member.cookie)).data)).not.toMatch(/porcine|burns/)
    expect((await page(w.alba.cookie)).data.watchlist.bookmark.notes.map((n: { body: string }) => n.body)).toEqual(['Ask about the porcine and ovine data.'])
  })
})
