/**
 * File types Ponte accepts, recognised by their content (magic bytes), never by the name or
 * the type the browser claims. Anything not on the list is refused, executables and scripts
 * with their own reason so the refusal can say what was found.
 */
export const acceptedTypes = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf' },
  png: { mimeType: 'image/png', extension: 'png' },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  webp: { mimeType: 'image/webp', extension: 'webp' },
} as const

export type AcceptedType = keyof typeof acceptedTypes
export type AcceptedMimeType = (typeof acceptedTypes)[AcceptedType]['mimeType']

/** How many leading bytes `sniffFileType` needs to see. */
export const SNIFF_BYTES = 16

export type SniffResult = { ok: true; type: AcceptedType } | { ok: false; reason: 'executable' | 'archive' | 'empty' | 'unknown' }

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((byte, i) => head[offset + i] === byte)

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

const executableSignatures: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF (Linux, BSD)
  ascii('MZ'), // DOS / Windows PE
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32-bit
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64-bit
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32-bit, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
  ascii('#!'), // shell and other scripts
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
]

const archiveSignatures: readonly (readonly number[])[] = [
  ascii('PK\x03\x04'), // zip, docx, xlsx, jar, apk
  ascii('PK\x05\x06'), // empty zip
  [0x1f, 0x8b], // gzip
  ascii('Rar!'),
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
]

/** The type of a file from its first bytes (at least `SNIFF_BYTES` of them when the file is that long). */
export function sniffFileType(head: Uint8Array): SniffResult {
  if (head.length === 0) return { ok: false, reason: 'empty' }
  if (executableSignatures.some((signature) => startsWith(head, signature))) return { ok: false, reason: 'executable' }
  if (archiveSignatures.some((signature) => startsWith(head, signature))) return { ok: false, reason: 'archive' }
  if (startsWith(head, ascii('%PDF-'))) return { ok: true, type: 'pdf' }
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: 'png' }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { ok: true, type: 'jpeg' }
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { ok: true, type: 'webp' }
  return { ok: false, reason: 'unknown' }
}

/** The accepted type with this MIME type (as stored), or null. */
export function typeOfMime(mimeType: string): AcceptedType | null {
  const entry = Object.entries(acceptedTypes).find(([, value]) => value.mimeType === mimeType)
  return entry ? (entry[0] as AcceptedType) : null
}
