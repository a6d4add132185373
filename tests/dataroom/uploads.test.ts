/**
 * Upload checks of the proposal documents page: type by content (not by name), generated
 * stored names, size limit enforced while streaming, field errors instead of server errors.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { action, loader } from '~/routes/studio_.$slug.proposals.$proposalId.documents/route'
import { organisations, proposalDocuments } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { signIn } from '../setup/factories'
import { createProposalFor } from '../setup/proposal-factories'
import { createOrganisation, createUser } from '../setup/factories'
import { callRoute } from '../setup/routes'
import { dataRoomContext, ELF_BYTES, endlessUploadRequest, filesUnder, MZ_BYTES, TINY_PDF, TINY_PNG, uploadRequest } from './helpers'

const t = useTestDatabase()

let setup: Awaited<ReturnType<typeof prepare>>

async function prepare() {
  const { context, uploadsDir } = dataRoomContext(t.db)
  const member = await createUser(t.db, { name: 'Sara Startup' })
  const startup = await createOrganisation(t.db, 'startup', { members: [{ userId: member.id }] })
  const proposalId = await createProposalFor(t.db, startup.id)
  const cookie = await signIn(context, member.id)
  const page = `/studio/${startup.slug}/proposals/${proposalId}/documents`
  const params = { slug: startup.slug, proposalId }
  return { context, uploadsDir, member, startup, proposalId, cookie, page, params }
}

beforeAll(async () => {
  setup = await prepare()
})

function upload(file: { name: string; bytes: Buffer }, kind = 'deck') {
  const request = uploadRequest(setup.page, { cookie: setup.cookie, fields: { intent: 'upload', kind }, file: { field: 'file', ...file } })
  return callRoute(action, request, setup.context, setup.params)
}

const documentsOf = (proposalId: string) => t.db.select().from(proposalDocuments).where(eq(proposalDocuments.proposalId, proposalId))

describe('uploading proposal documents', () => {
  it('refuses a renamed Linux program (deck.pdf) and a renamed Windows program, storing nothing', async () => {
    for (const bytes of [ELF_BYTES, MZ_BYTES]) {
      const reply = await upload({ name: 'deck.pdf', bytes })
      expect(reply.status).toBe(400)
      expect(reply.data.result.error.file).toEqual(['dataroom.upload.errors.executable'])
    }
    expect(await documentsOf(setup.proposalId)).toEqual([])
    expect(filesUnder(setup.uploadsDir)).toEqual([])
  })

  it('refuses an oversized file while it streams, without reading it to the end or keeping any of it', async () => {
    const { request, pulled } = endlessUploadRequest(setup.page, { cookie: setup.cookie, fields: { intent: 'upload', kind: 'deck' }, field: 'file', name: 'huge.pdf' })
    const reply = await callRoute(action, request, setup.context, setup.params)
    expect(reply.status).toBe(413)
    expect(reply.data.result.error.file).toEqual(['dataroom.upload.errors.tooLarge'])
    // It stopped just past the 20 MB limit, long before the 200 MB the client would send.
    expect(pulled()).toBeLessThan(21 * 1024 * 1024)
    expect(await documentsOf(setup.proposalId)).toEqual([])
    expect(filesUnder(setup.uploadsDir)).toEqual([])
  })

  it('refuses a body announced as too large before reading it', async () => {
    const request = uploadRequest(setup.page, { cookie: setup.cookie, fields: { intent: 'upload', kind: 'deck' }, file: { field: 'file', name: 'deck.pdf', bytes: TINY_PDF } })
    const announced = new Request(request, { headers: { Cookie: setup.cookie, 'Content-Type': request.headers.get('Content-Type')!, 'Content-Length': String(30 * 1024 * 1024) } })
    const reply = await callRoute(action, announced, setup.context, setup.params)
    expect(reply.status).toBe(413)
  })

  it('accepts a real PDF named deck.txt as a PDF, stored under a generated .pdf name with its sha256', async () => {
    const reply = await upload({ name: 'deck.txt', bytes: TINY_PDF })
    expect(reply.status).toBe(302)
    const [document] = await documentsOf(setup.proposalId)
    expect(document).toMatchObject({ kind: 'deck', originalName: 'deck.txt', mimeType: 'application/pdf', sizeBytes: TINY_PDF.length, uploadedBy: setup.member.id })
    expect(document!.storedName).toMatch(/^[0-9a-f-]{36}\.pdf$/)
    expect(document!.storedName).not.toContain('deck')
    expect(document!.sha256).toBe(createHash('sha256').update(TINY_PDF).digest('hex'))
    expect(filesUnder(setup.uploadsDir)).toEqual([path.join('documents', document!.storedName)])
    expect(readFileSync(path.join(setup.uploadsDir, 'documents', document!.storedName))).toEqual(TINY_PDF)
  })

  it('keeps the client name out of the path even when it tries to climb out of the folder', async () => {
    const reply = await upload({ name: '../../etc/passwd.pdf', bytes: TINY_PDF }, 'other')
    expect(reply.status).toBe(302)
    const names = (await documentsOf(setup.proposalId)).map((d) => d.originalName)
    expect(names).toContain('passwd.pdf')
    expect(filesUnder(setup.uploadsDir).every((file) => /^documents\/[0-9a-f-]{36}\.pdf$/.test(file))).toBe(true)
  })

  it('takes images as other documents but not as a pitch deck, and refuses unknown types', async () => {
    expect((await upload({ name: 'chart.png', bytes: TINY_PNG }, 'deck')).data.result.error.file).toEqual(['dataroom.upload.errors.deckNotPdf'])
    expect((await upload({ name: 'chart.png', bytes: TINY_PNG }, 'other')).status).toBe(302)
    const text = await upload({ name: 'notes.pdf', bytes: Buffer.from('just some text, no PDF header') }, 'other')
    expect(text.data.result.error.file).toEqual(['dataroom.upload.errors.notAccepted'])
    const zip = await upload({ name: 'deck.pdf', bytes: Buffer.from('PK\x03\x04rest-of-a-zip', 'latin1') }, 'other')
    expect(zip.status).toBe(400)
  })

  it('asks for a file when none was chosen, and refuses a form that is not multipart', async () => {
    const request = uploadRequest(setup.page, { cookie: setup.cookie, fields: { intent: 'upload', kind: 'deck' }, file: { field: 'file', name: '', bytes: Buffer.alloc(0) } })
    const reply = await callRoute(action, request, setup.context, setup.params)
    expect(reply.status).toBe(400)
    expect(reply.data.result.error.file).toEqual(['dataroom.upload.errors.missing'])
    const plain = await callRoute(action, makeRequest(setup.page, { cookie: setup.cookie, form: { intent: 'upload', kind: 'deck' } }), setup.context, setup.params)
    expect(plain.status).toBe(400)
  })

  it('lists the documents with who uploaded them, and soft-deletes one', async () => {
    const before = await callRoute(loader, makeRequest(setup.page, { cookie: setup.cookie }), setup.context, setup.params)
    const documents = before.data.documents as { id: string; originalName: string; uploadedBy: string }[]
    expect(documents.map((d) => d.originalName)).toContain('deck.txt')
    expect(documents[0]!.uploadedBy).toBe('Sara Startup')
    const target = documents.find((d) => d.originalName === 'deck.txt')!
    const reply = await callRoute(action, makeRequest(setup.page, { cookie: setup.cookie, form: { intent: 'delete', documentId: target.id } }), setup.context, setup.params)
    expect(reply.status).toBe(302)
    const [row] = await t.db.select().from(proposalDocuments).where(eq(proposalDocuments.id, target.id))
    expect(row!.deletedAt).not.toBeNull()
    const after = await callRoute(loader, makeRequest(setup.page, { cookie: setup.cookie }), setup.context, setup.params)
    expect((after.data.documents as { id: string }[]).map((d) => d.id)).not.toContain(target.id)
    // Deleting it again, or a document of nobody, is a field error, not a server error.
    const again = await callRoute(action, makeRequest(setup.page, { cookie: setup.cookie, form: { intent: 'delete', documentId: target.id } }), setup.context, setup.params)
    expect(again.status).toBe(400)
  })

  it("is a 404 for another startup's member and for a proposal of another startup", async () => {
    const outsider = await createUser(t.db)
    const other = await createOrganisation(t.db, 'startup', { members: [{ userId: outsider.id }] })
    const cookie = await signIn(setup.context, outsider.id)
    const asOutsider = await callRoute(loader, makeRequest(setup.page, { cookie }), setup.context, setup.params)
    expect(asOutsider.status).toBe(404)
    // Their own slug with our proposal id: still a 404.
    const [otherOrg] = await t.db.select().from(organisations).where(eq(organisations.id, other.id))
    const mixed = await callRoute(loader, makeRequest(setup.page, { cookie }), setup.context, { slug: otherOrg!.slug, proposalId: setup.proposalId })
    expect(mixed.status).toBe(404)
    const upload = uploadRequest(setup.page, { cookie, fields: { intent: 'upload', kind: 'deck' }, file: { field: 'file', name: 'deck.pdf', bytes: TINY_PDF } })
    expect((await callRoute(action, upload, setup.context, { slug: otherOrg!.slug, proposalId: setup.proposalId })).status).toBe(404)
  })
})
