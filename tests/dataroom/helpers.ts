import { mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { investorProfiles } from '../../db/schema'
import { TEST_APP_URL, testLoadContext } from '../setup/context'
import { createOrganisation, createUser } from '../setup/factories'

/** A tiny but valid one-page PDF. */
export const TINY_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
)

/** The first bytes of a Linux program and of a Windows one. */
export const ELF_BYTES = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(256, 0)])
export const MZ_BYTES = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(256, 0)])
/** A 1x1 PNG. */
export const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4a40000000049454e44ae426082', 'hex')

/** A load context whose uploads go to a fresh folder of this test file. */
export function dataRoomContext(db: Db) {
  const uploadsDir = mkdtempSync(path.join(os.tmpdir(), 'ponte-dataroom-'))
  return { context: testLoadContext(db, { UPLOADS_DIR: uploadsDir }), uploadsDir }
}

/** Every file under the uploads folder (relative paths). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
}

/** A multipart POST as a browser sends a form with a file input. */
export function uploadRequest(
  pathname: string,
  options: { cookie: string; fields?: Record<string, string>; file?: { field: string; name: string; bytes: Buffer; type?: string } },
): Request {
  const form = new FormData()
  for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value)
  if (options.file) form.append(options.file.field, new File([new Uint8Array(options.file.bytes)], options.file.name, { type: options.file.type ?? 'application/octet-stream' }))
  return new Request(new URL(pathname, TEST_APP_URL), { method: 'POST', body: form, headers: { Cookie: options.cookie } })
}

/**
 * A multipart POST whose file is produced chunk by chunk, endlessly large, without a
 * Content-Length: `pulled()` says how many file bytes the server actually read.
 */
export function endlessUploadRequest(pathname: string, options: { cookie: string; fields: Record<string, string>; field: string; name: string }) {
  const boundary = '----ponte-test-boundary'
  const encoder = new TextEncoder()
  let head = ''
  for (const [key, value] of Object.entries(options.fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${options.field}"; filename="${options.name}"\r\nContent-Type: application/pdf\r\n\r\n`
  const chunk = new Uint8Array(64 * 1024).fill(0x41)
  let pulled = 0
  let sentHead = false
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) {
        sentHead = true
        controller.enqueue(encoder.encode(`${head}%PDF-1.4\n`))
        return
      }
      pulled += chunk.byteLength
      // Stops at 200 MB in case the server never gives up, so the test fails instead of hanging.
      if (pulled > 200 * 1024 * 1024) controller.close()
      else controller.enqueue(chunk)
    },
  })
  const request = new Request(new URL(pathname, TEST_APP_URL), {
    method: 'POST',
    body,
    headers: { Cookie: options.cookie, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    duplex: 'half',
  } as RequestInit)
  return { request, pulled: () => pulled }
}

/** A person in an investor organisation, verified by an organiser or not. */
export async function createInvestor(db: Db, options: { verified: boolean; name?: string }) {
  const user = await createUser(db, { name: options.name ?? 'Ines Investor' })
  const organisation = await createOrganisation(db, 'investor', { members: [{ userId: user.id }], name: `Fund of ${options.name ?? 'Ines'}` })
  await db.insert(investorProfiles).values({ organisationId: organisation.id, type: 'vc_fund', verifiedAt: options.verified ? new Date() : null })
  return { user, organisation }
}

export async function setVerified(db: Db, organisationId: string, verified: boolean) {
  await db.update(investorProfiles).set({ verifiedAt: verified ? new Date() : null }).where(eq(investorProfiles.organisationId, organisationId))
}
