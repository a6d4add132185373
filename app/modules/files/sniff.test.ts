import { describe, expect, it } from 'vitest'
import { sniffFileType } from './sniff'

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)))

describe('sniffFileType', () => {
  it('recognises PDF, PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffFileType(bytes('%PDF-1.7\n'))).toEqual({ ok: true, type: 'pdf' })
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ ok: true, type: 'png' })
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, type: 'jpeg' })
    expect(sniffFileType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toEqual({ ok: true, type: 'webp' })
  })

  it('calls programs and scripts executables, whatever their name', () => {
    for (const head of [bytes([0x7f], 'ELF', [2, 1]), bytes('MZ', [0x90, 0]), bytes([0xcf, 0xfa, 0xed, 0xfe]), bytes('#!/bin/sh\n'), bytes([0, 0x61, 0x73, 0x6d])]) {
      expect(sniffFileType(head)).toEqual({ ok: false, reason: 'executable' })
    }
  })

  it('refuses archives, other files, a RIFF that is not WebP, and empty files', () => {
    expect(sniffFileType(bytes('PK', [3, 4]))).toEqual({ ok: false, reason: 'archive' })
    expect(sniffFileType(bytes([0x1f, 0x8b, 8]))).toEqual({ ok: false, reason: 'archive' })
    expect(sniffFileType(bytes('<html><script>'))).toEqual({ ok: false, reason: 'unknown' })
    expect(sniffFileType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toEqual({ ok: false, reason: 'unknown' })
    expect(sniffFileType(bytes(' %PDF-1.4'))).toEqual({ ok: false, reason: 'unknown' })
    expect(sniffFileType(new Uint8Array())).toEqual({ ok: false, reason: 'empty' })
  })
})
