/**
 * Who may open a proposal's documents, through the real resource routes and the data room:
 * anonymous, unverified investor, verified investor before and after the NDA, another startup,
 * the startup itself, an organiser; invisible (draft, closed) proposals; the access log.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { closeProposal } from '~/modules/proposals/lifecycle.server'
import { loader as viewDocument } from '~/routes/documents.$documentId'
import { loader as downloadDocument } from '~/routes/documents.$documentId_.download'
import { action as dataRoomAction, loader as dataRoomLoader } from '~/routes/proposals_.$proposalId.data-room/route'
import { action as documentsAction, loader as documentsLoader } from '~/routes/studio_.$slug.proposals.$proposalId.documents/route'
import { documentAccessLog, ndaAcceptances, organisations, proposalDocuments } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { actorFor, createProposalFor, publishedProposal } from '../setup/proposal-factories'
import { callRoute } from '../setup/routes'
import { createInvestor, dataRoomContext, TINY_PDF, uploadRequest } from './helpers'

const t = useTestDatabase()

let s: Awaited<ReturnType<typeof prepare>>

async function uploadDeck(context: ReturnType<typeof dataRoomContext>['context'], slug: string, proposalId: string, cookie: string, name = 'Pitch deck ñ "2026".pdf') {
  const request = uploadRequest(`/studio/${slug}/proposals/${proposalId}/documents`, { cookie, fields: { intent: 'upload', kind: 'deck' }, file: { field: 'file', name, bytes: TINY_PDF } })
  const reply = await callRoute(documentsAction, request, context, { slug, proposalId })
  expect(reply.status).toBe(302)
  const [document] = await t.db
    .select()
    .from(proposalDocuments)
    .where(and(eq(proposalDocuments.proposalId, proposalId), eq(proposalDocuments.originalName, name)))
  return document!.id
}

async function prepare() {
  const { context } = dataRoomContext(t.db)
  const published = await publishedProposal(t.db)
  const [startup] = await t.db.select().from(organisations).where(eq(organisations.id, published.organisationId))
  const memberCookie = await signIn(context, published.memberId)
  const documentId = await uploadDeck(context, startup!.slug, published.id, memberCookie)

  // A draft proposal of the same startup, with a document.
  const draftId = await createProposalFor(t.db, published.organisationId)
  const draftDocumentId = await uploadDeck(context, startup!.slug, draftId, memberCookie, 'draft.pdf')

  const verified = await createInvestor(t.db, { verified: true, name: 'Vera Verified' })
  const unverified = await createInvestor(t.db, { verified: false, name: 'Uri Unverified' })
  const otherMember = await createUser(t.db)
  await createOrganisation(t.db, 'startup', { members: [{ userId: otherMember.id }] })
  const organiserUser = published.organiser.userId
  return {
    context,
    startup: startup!,
    proposalId: published.id,
    documentId,
    draftId,
    draftDocumentId,
    verified,
    cookies: {
      member: memberCookie,
      verified: await signIn(context, verified.user.id),
      unverified: await signIn(context, unverified.user.id),
      otherStartup: await signIn(context, otherMember.id),
      organiser: await signIn(context, organiserUser),
    },
    memberId: published.memberId,
  }
}

beforeAll(async () => {
  s = await prepare()
})

type Who = keyof Awaited<ReturnType<typeof prepare>>['cookies'] | 'anonymous'

async function open(who: Who, documentId: string, as: 'view' | 'download' = 'view'): Promise<Response> {
  const cookie = who === 'anonymous' ? null : s.cookies[who]
  const request = makeRequest(`/documents/${documentId}${as === 'download' ? '/download' : ''}`, { cookie })
  try {
    return await (as === 'view' ? viewDocument : downloadDocument)({ request, params: { documentId }, context: s.context })
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

const logRows = () => t.db.select().from(documentAccessLog).where(eq(documentAccessLog.documentId, s.documentId))

function dataRoom(who: Who, proposalId = s.proposalId, form?: Record<string, string>) {
  const cookie = who === 'anonymous' ? null : s.cookies[who]
  const request = makeRequest(`/proposals/${proposalId}/data-room`, { cookie, form })
  return callRoute(form ? dataRoomAction : dataRoomLoader, request, s.context, { proposalId })
}

describe('document access by role', () => {
  it('is a 404 for anonymous visitors, unverified investors and other startups', async () => {
    for (const who of ['anonymous', 'unverified', 'otherStartup'] as const) {
      expect((await open(who, s.documentId)).status, who).toBe(404)
      expect((await open(who, s.documentId, 'download')).status, who).toBe(404)
    }
    expect(await logRows()).toEqual([])
  })

  it('is a 404 for a verified investor before the NDA, whose data room shows the terms and no documents', async () => {
    expect((await open('verified', s.documentId)).status).toBe(404)
    const room = await dataRoom('verified')
    expect(room.status).toBe(200)
    expect(room.data.room).toMatchObject({ role: 'investor', ndaAccepted: false, documents: [] })
  })

  it('keeps the data room from unverified investors and other startups, and sends anonymous visitors to log in', async () => {
    expect((await dataRoom('unverified')).status).toBe(404)
    expect((await dataRoom('otherStartup')).status).toBe(404)
    const anonymous = await dataRoom('anonymous')
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/)
    expect((await dataRoom('unverified', s.proposalId, { intent: 'accept-nda', accept: 'on' })).status).toBe(404)
    expect(await t.db.select().from(ndaAcceptances)).toEqual([])
  })

  it('needs the box ticked to accept the NDA', async () => {
    const reply = await dataRoom('verified', s.proposalId, { intent: 'accept-nda' })
    expect(reply.status).toBe(400)
    expect(reply.data.error.accept).toEqual(['dataroom.nda.mustAccept'])
  })

  it('records the NDA once (person, investor organisation, time, address) and then serves the document with safe headers and a log row', async () => {
    const accepted = await dataRoom('verified', s.proposalId, { intent: 'accept-nda', accept: 'on' })
    expect(accepted.status).toBe(302)
    expect((await dataRoom('verified', s.proposalId, { intent: 'accept-nda', accept: 'on' })).status).toBe(302)
    const rows = await t.db.select().from(ndaAcceptances)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ proposalId: s.proposalId, userId: s.verified.user.id, organisationId: s.verified.organisation.id })
    expect(rows[0]!.acceptedAt).toBeInstanceOf(Date)

    const room = await dataRoom('verified')
    expect(room.data.room.ndaAccepted).toBe(true)
    expect(room.data.room.documents.map((d: { id: string }) => d.id)).toContain(s.documentId)

    const view = await open('verified', s.documentId)
    expect(view.status).toBe(200)
    expect(Buffer.from(await view.arrayBuffer())).toEqual(TINY_PDF)
    expect(view.headers.get('Content-Type')).toBe('application/pdf')
    expect(view.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(view.headers.get('Content-Security-Policy')).toBe("sandbox; default-src 'none'")
    expect(view.headers.get('Cache-Control')).toBe('private, no-store')
    const disposition = view.headers.get('Content-Disposition')!
    expect(disposition).toMatch(/^inline; filename="[A-Za-z0-9._ -]+"; filename\*=UTF-8''/)
    expect(disposition).toContain("filename*=UTF-8''Pitch%20deck%20%C3%B1%20%222026%22.pdf")

    const download = await open('verified', s.documentId, 'download')
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment; /)
    await download.arrayBuffer()

    const log = await logRows()
    expect(log.map((row) => row.action).sort()).toEqual(['download', 'view'])
    expect(log.every((row) => row.userId === s.verified.user.id && row.organisationId === s.verified.organisation.id)).toBe(true)
  })

  it("serves the startup's own members (not logged) and organisers (logged) without an NDA", async () => {
    const before = (await logRows()).length
    const member = await open('member', s.documentId)
    expect(member.status).toBe(200)
    await member.arrayBuffer()
    expect(await logRows()).toHaveLength(before)
    const organiser = await open('organiser', s.documentId, 'download')
    expect(organiser.status).toBe(200)
    await organiser.arrayBuffer()
    expect(await logRows()).toHaveLength(before + 1)
    expect((await dataRoom('member')).data.room).toMatchObject({ role: 'member', ndaAccepted: true })
  })

  it('shows the startup who viewed what, with the person and the investor organisation', async () => {
    const page = `/studio/${s.startup.slug}/proposals/${s.proposalId}/documents`
    const reply = await callRoute(documentsLoader, makeRequest(page, { cookie: s.cookies.member }), s.context, { slug: s.startup.slug, proposalId: s.proposalId })
    const entries = reply.data.accessLog as { action: string; personName: string; organisationName: string; documentName: string }[]
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'view', personName: 'Vera Verified', organisationName: s.verified.organisation.name, documentName: 'Pitch deck ñ "2026".pdf' }),
        expect.objectContaining({ action: 'download', personName: 'Vera Verified' }),
      ]),
    )
  })

  it('is a 404 for investors on documents of proposals that are not visible, even with an NDA on record', async () => {
    await t.db.insert(ndaAcceptances).values({ proposalId: s.draftId, userId: s.verified.user.id, organisationId: s.verified.organisation.id })
    expect((await open('verified', s.draftDocumentId)).status).toBe(404)
    expect((await dataRoom('verified', s.draftId)).status).toBe(404)
    expect((await open('member', s.draftDocumentId)).status).toBe(200)

    await closeProposal(t.db, await actorFor(t.db, s.memberId), s.proposalId, 'withdrawn')
    expect((await open('verified', s.documentId)).status).toBe(404)
    expect((await open('verified', s.documentId, 'download')).status).toBe(404)
    expect((await dataRoom('verified')).status).toBe(404)
    expect((await open('member', s.documentId)).status).toBe(200)
    expect((await open('organiser', s.documentId)).status).toBe(200)
  })

  it('is a 404 for deleted documents and ids that are not ids', async () => {
    await t.db.update(proposalDocuments).set({ deletedAt: new Date() }).where(eq(proposalDocuments.id, s.draftDocumentId))
    expect((await open('member', s.draftDocumentId)).status).toBe(404)
    expect((await open('member', 'not-a-uuid')).status).toBe(404)
    expect((await open('member', '../../etc/passwd')).status).toBe(404)
  })
})
