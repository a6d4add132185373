import { describe, expect, it } from 'vitest'
import { cleanOriginalName, contentDisposition, downloadName, isStoredName } from './storage.server'

describe('file names', () => {
  it('keeps only the base name of what the client sent, without control characters', () => {
    expect(cleanOriginalName('../../etc/passwd')).toBe('passwd')
    expect(cleanOriginalName('C:\\Users\\ana\\deck.pdf')).toBe('deck.pdf')
    expect(cleanOriginalName('a\u0000b\nc.pdf')).toBe('abc.pdf')
    expect(cleanOriginalName('Plan %22final%22.pdf')).toBe('Plan "final".pdf')
    expect(cleanOriginalName('')).toBe('file')
  })

  it('gives a download the extension of the detected type', () => {
    expect(downloadName('deck.txt', 'pdf')).toBe('deck.pdf')
    expect(downloadName('photo', 'jpeg')).toBe('photo.jpg')
  })

  it('accepts only generated names for reading from disk', () => {
    expect(isStoredName('0f8fad5b-d9cb-469f-a165-70867728950e.pdf')).toBe(true)
    expect(isStoredName('../0f8fad5b-d9cb-469f-a165-70867728950e.pdf')).toBe(false)
    expect(isStoredName('0f8fad5b-d9cb-469f-a165-70867728950e.exe')).toBe(false)
  })

  it('writes Content-Disposition with an ASCII fallback and the exact name in filename*', () => {
    expect(contentDisposition('attachment', 'Plan "ñ" (v2).pdf')).toBe(
      `attachment; filename="Plan ___ _v2_.pdf"; filename*=UTF-8''Plan%20%22%C3%B1%22%20%28v2%29.pdf`,
    )
    expect(contentDisposition('inline', 'a\r\nSet-Cookie: x.pdf')).not.toMatch(/[\r\n]/)
  })
})
