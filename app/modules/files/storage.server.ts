import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { createReadableStreamFromReadable, unstable_parseMultipartFormData } from '@remix-run/node'
import { acceptedTypes, SNIFF_BYTES, sniffFileType, type AcceptedType } from './sniff'

/**
 * Uploaded files on disk. An upload is streamed to a temporary file while its bytes are
 * counted and hashed, and stopped as soon as it passes its size limit; its type is read from
 * its first bytes. Only then is it moved under a generated name (random id + the extension of
 * the DETECTED type) into its area's folder. The client's file name never reaches a path.
 */

export const MB = 1024 * 1024

/** Folders under the uploads directory: documents are private, logos are public. */
export type UploadArea = 'documents' | 'logos'

export interface UploadPolicy {
  area: UploadArea
  maxBytes: number
  accept: readonly AcceptedType[]
}

export const documentUploadPolicy: UploadPolicy = { area: 'documents', maxBytes: 20 * MB, accept: ['pdf', 'png', 'jpeg', 'webp'] }
export const logoUploadPolicy: UploadPolicy = { area: 'logos', maxBytes: 2 * MB, accept: ['png', 'jpeg', 'webp'] }

/** Why an upload was refused; each has a translation `dataroom.upload.errors.<problem>`. */
export type UploadProblem = 'missing' | 'tooLarge' | 'executable' | 'notAccepted' | 'malformed'

/** A received file, checked, waiting in the temporary folder until `keepUpload` or `discardUpload`. */
export interface ReceivedUpload {
  field: string
  originalName: string
  type: AcceptedType
  mimeType: string
  sizeBytes: number
  sha256: string
  storedName: string
  area: UploadArea
  tempPath: string
}

export type ReceivedForm =
  | { ok: true; fields: FormData; uploads: Map<string, ReceivedUpload> }
  | { ok: false; field: string | null; problem: UploadProblem }

class UploadRefused extends Error {
  constructor(
    readonly field: string | null,
    readonly problem: UploadProblem,
  ) {
    super(`upload refused: ${problem}`)
  }
}

/** Text fields of an upload form are small; a bigger one is refused rather than buffered. */
const MAX_FIELD_BYTES = 64 * 1024
const MAX_PARTS = 200
/** Room for the multipart envelope and the form's text fields around the file. */
const ENVELOPE_BYTES = 256 * 1024

const storedNamePattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(pdf|png|jpg|webp)$/

/** True for a name this module generated (the only names ever joined to a path when reading). */
export function isStoredName(name: string): boolean {
  return storedNamePattern.test(name)
}

function areaDir(uploadsDir: string, area: UploadArea) {
  return path.join(uploadsDir, area)
}

/**
 * A display name for the uploader's file: no folders, no control characters, bounded length.
 * Browsers send a `"` in a file name as %22 (and CR/LF as %0D/%0A, dropped here).
 */
export function cleanOriginalName(name: string | undefined): string {
  const base = (name ?? '').replace(/%22/g, '"').replace(/%0[ad]/gi, '').split(/[/\\]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200)
  return cleaned || 'file'
}

async function writeLimited(data: AsyncIterable<Uint8Array>, out: WriteStream, maxBytes: number, field: string) {
  const hash = createHash('sha256')
  const head: number[] = []
  let size = 0
  for await (const chunk of data) {
    size += chunk.byteLength
    if (size > maxBytes) throw new UploadRefused(field, 'tooLarge')
    if (head.length < SNIFF_BYTES) head.push(...chunk.subarray(0, SNIFF_BYTES - head.length))
    hash.update(chunk)
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  return { size, sha256: hash.digest('hex'), head: Uint8Array.from(head) }
}

async function readText(data: AsyncIterable<Uint8Array>, field: string): Promise<string> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of data) {
    size += chunk.byteLength
    if (size > MAX_FIELD_BYTES) throw new UploadRefused(field, 'malformed')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Reads a multipart form whose file fields are named in `policies`. Text fields come back as
 * FormData; each file as a checked ReceivedUpload (still temporary). The first refused file
 * ends the reading (a too-large one is not read to its end) and its temporary file is removed.
 */
export async function receiveMultipartForm(request: Request, uploadsDir: string, policies: Record<string, UploadPolicy>): Promise<ReceivedForm> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'multipart/form-data') return { ok: false, field: null, problem: 'malformed' }
  const largest = Math.max(...Object.values(policies).map((policy) => policy.maxBytes))
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > largest * Object.keys(policies).length + ENVELOPE_BYTES) {
    return { ok: false, field: Object.keys(policies)[0] ?? null, problem: 'tooLarge' }
  }

  const incoming = path.join(uploadsDir, 'incoming')
  await mkdir(incoming, { recursive: true })
  const uploads = new Map<string, ReceivedUpload>()
  const temporary: string[] = []
  let parts = 0
  try {
    const fields = await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
      if (++parts > MAX_PARTS) throw new UploadRefused(null, 'malformed')
      if (filename === undefined) return readText(data, name)
      const policy = Object.hasOwn(policies, name) ? policies[name] : undefined
      if (!policy || uploads.has(name)) throw new UploadRefused(name, 'malformed')
      const tempPath = path.join(incoming, randomBytes(16).toString('hex'))
      temporary.push(tempPath)
      const out = createWriteStream(tempPath, { flags: 'wx' })
      let written
      try {
        written = await writeLimited(data, out, policy.maxBytes, name)
      } finally {
        out.end()
        await finished(out).catch(() => undefined)
      }
      // A file input left empty arrives as a part with no name and no bytes.
      if (written.size === 0 && !filename) return undefined
      const sniffed = sniffFileType(written.head)
      if (!sniffed.ok) throw new UploadRefused(name, sniffed.reason === 'executable' ? 'executable' : 'notAccepted')
      if (!policy.accept.includes(sniffed.type)) throw new UploadRefused(name, 'notAccepted')
      const { mimeType, extension } = acceptedTypes[sniffed.type]
      uploads.set(name, {
        field: name,
        originalName: cleanOriginalName(filename),
        type: sniffed.type,
        mimeType,
        sizeBytes: written.size,
        sha256: written.sha256,
        storedName: `${randomUUID()}.${extension}`,
        area: policy.area,
        tempPath,
      })
      return undefined
    })
    for (const tempPath of temporary) {
      if (![...uploads.values()].some((upload) => upload.tempPath === tempPath)) await rm(tempPath, { force: true })
    }
    return { ok: true, fields, uploads }
  } catch (error) {
    await Promise.all(temporary.map((file) => rm(file, { force: true })))
    if (error instanceof UploadRefused) return { ok: false, field: error.field, problem: error.problem }
    // A system error (disk full, permissions) is ours, not the client's.
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E')) throw error
    return { ok: false, field: null, problem: 'malformed' }
  }
}

/** Moves a received upload to its stored name (call it once its database row is written). */
export async function keepUpload(uploadsDir: string, upload: ReceivedUpload): Promise<void> {
  const dir = areaDir(uploadsDir, upload.area)
  await mkdir(dir, { recursive: true })
  await rename(upload.tempPath, path.join(dir, upload.storedName))
}

/** Removes received uploads that will not be kept. */
export async function discardUploads(uploads: Iterable<ReceivedUpload>): Promise<void> {
  await Promise.all([...uploads].map((upload) => rm(upload.tempPath, { force: true })))
}

/** Removes a stored file (a replaced logo). */
export async function removeStoredFile(uploadsDir: string, area: UploadArea, storedName: string): Promise<void> {
  if (!isStoredName(storedName)) return
  await rm(path.join(areaDir(uploadsDir, area), storedName), { force: true })
}

/** A stored file as a web stream with its size, or null when there is no such file. */
export async function openStoredFile(uploadsDir: string, area: UploadArea, storedName: string) {
  if (!isStoredName(storedName)) return null
  const file = path.join(areaDir(uploadsDir, area), storedName)
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return null
  return { size: info.size, body: createReadableStreamFromReadable(createReadStream(file)) }
}

/** The download name: the uploader's name with the extension of the detected type. */
export function downloadName(originalName: string, type: AcceptedType): string {
  const { extension } = acceptedTypes[type]
  const base = originalName.replace(/\.[^.]*$/, '') || 'file'
  return `${base}.${extension}`
}

/**
 * A Content-Disposition header: an ASCII fallback `filename` with anything unusual replaced,
 * plus the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^[.\s]+/, '') || 'file'
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/** Headers every served upload carries. */
export function fileHeaders(mimeType: string, size: number, extra: Record<string, string>): Headers {
  return new Headers({
    'Content-Type': mimeType,
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  })
}

/** Headers of a private upload served to someone allowed to read it: never cached, never run, never embedded elsewhere. */
export function privateFileHeaders(mimeType: string, size: number, disposition: 'inline' | 'attachment', filename: string): Headers {
  return fileHeaders(mimeType, size, {
    'Content-Disposition': contentDisposition(disposition, filename),
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  })
}
