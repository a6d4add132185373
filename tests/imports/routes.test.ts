/**
 * The organisers' pages of the import: the upload page, the example file and the catalogue
 * export, called as Remix calls them.
 */
import { parse } from 'csv-parse/sync'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { importFile } from '~/modules/imports/import.server'
import { action, loader } from '~/routes/organiser.import._index/route'
import { loader as exampleLoader } from '~/routes/organiser.import.example[.]csv'
import { loader as exportLoader } from '~/routes/organiser.proposals[.]csv'
import { proposals } from '../../db/schema'
import { makeRequest, testLoadContext, TEST_APP_URL } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'
import { createOrganiser, daysFromToday } from '../setup/proposal-factories'

const t = useTestDatabase()

function upload(cookie: string, file: File | null, fields: Record<string, string> = {}) {
  const form = new FormData()
  if (file) form.set('file', file)
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return new Request(new URL('/organiser/import', TEST_APP_URL), { method: 'POST', body: form, headers: { Cookie: cookie } })
}

async function people() {
  const context = testLoadContext(t.db)
  const { user } = await createOrganiser(t.db)
  const founder = await createUser(t.db)
  await createOrganisation(t.db, 'startup', { members: [{ userId: founder.id }] })
  return { context, organiser: await signIn(context, user.id), founder: await signIn(context, founder.id) }
}

/** The example CSV, with its closing dates moved to the future. */
async function exampleCsv(context: ReturnType<typeof testLoadContext>, cookie: string) {
  const reply = await callRoute(exampleLoader, makeRequest('/organiser/import/example.csv', { cookie }), context)
  expect(reply.status).toBe(200)
  return String(reply.data).replace(/2027-\d\d-\d\d/g, daysFromToday(150))
}

describe('/organiser/import', () => {
  it('is for organisers: others get 403, visitors the login page', async () => {
    const { context, founder } = await people()
    expect((await callRoute(loader, makeRequest('/organiser/import', { cookie: founder }), context)).status).toBe(403)
    expect((await callRoute(action, upload(founder, new File(['x'], 'a.csv')), context)).status).toBe(403)
    const anonymous = await callRoute(loader, makeRequest('/organiser/import'), context)
    expect(anonymous.location).toBe('/login?redirectTo=%2Forganiser%2Fimport')
  })

  it('imports an uploaded file and shows the summary; publishes only when asked', async () => {
    const { context, organiser } = await people()
    const csv = await exampleCsv(context, organiser)
    const reply = await callRoute(action, upload(organiser, new File([csv], 'programme.csv', { type: 'text/csv' }), { publish: 'on' }), context)
    expect(reply.status).toBe(200)
    expect(reply.data.outcome).toMatchObject({ ok: true, summary: { startupsCreated: 1, proposalsImported: 2, status: 'published' } })
  })

  it('checks without saving on a dry run', async () => {
    const { context, organiser } = await people()
    const csv = (await exampleCsv(context, organiser)).replaceAll('ria-biolabs', 'ria-dry-run')
    const [before] = await t.db.select({ n: count() }).from(proposals)
    const reply = await callRoute(action, upload(organiser, new File([csv], 'programme.csv'), { dryRun: 'on' }), context)
    expect(reply.data.outcome).toMatchObject({ ok: true, summary: { dryRun: true, status: 'submitted', proposalsImported: 2 } })
    expect(await t.db.select({ n: count() }).from(proposals)).toEqual([before])
  })

  it('answers garbage with 400 and the problems, never a 500', async () => {
    const { context, organiser } = await people()
    const binary = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0xff, 0xfe, 0x00, 0x01])], 'tool.exe')
    const garbage = await callRoute(action, upload(organiser, binary), context)
    expect(garbage.status).toBe(400)
    expect(garbage.data.outcome).toMatchObject({ ok: false, issues: [{ message: 'imports.errors.notUtf8' }] })

    const noFile = await callRoute(action, upload(organiser, null, { publish: 'on' }), context)
    expect(noFile.status).toBe(400)
    expect(noFile.data.submission.error).toMatchObject({ file: ['imports.errors.fileRequired'] })

    const plainForm = await callRoute(action, makeRequest('/organiser/import', { form: { file: 'not a file' }, cookie: organiser }), context)
    expect(plainForm.status).toBe(400)

    const brokenMultipart = new Request(new URL('/organiser/import', TEST_APP_URL), {
      method: 'POST',
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nunterminated',
      headers: { Cookie: organiser, 'Content-Type': 'multipart/form-data; boundary=xyz' },
    })
    expect((await callRoute(action, brokenMultipart, context)).status).toBe(400)

    const tooLarge = new File([new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61)], 'big.csv')
    const large = await callRoute(action, upload(organiser, tooLarge), context)
    expect(large.status).toBe(400)
  })
})

describe('/organiser/import/example.csv', () => {
  it('is a CSV with every column that imports as it is', async () => {
    const { context, organiser, founder } = await people()
    expect((await callRoute(exampleLoader, makeRequest('/organiser/import/example.csv', { cookie: founder }), context)).status).toBe(403)
    const reply = await callRoute(exampleLoader, makeRequest('/organiser/import/example.csv', { cookie: organiser }), context)
    expect(reply.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(reply.headers.get('Content-Disposition')).toContain('attachment')
    const rows = parse(String(reply.data), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ startup_key: 'ria-biolabs', amount_sought_eur: '750000' })
    const result = await importFile(t.db, null, { name: 'example.csv', bytes: new TextEncoder().encode(String(reply.data).replaceAll('ria-biolabs', 'ria-example')) }, { publish: false, today: '2026-01-01' })
    expect(result.ok).toBe(true)
  })
})

describe('/organiser/proposals.csv', () => {
  it('downloads the catalogue for organisers only', async () => {
    const { context, organiser, founder } = await people()
    expect((await callRoute(exportLoader, makeRequest('/organiser/proposals.csv', { cookie: founder }), context)).status).toBe(403)
    const reply = await callRoute(exportLoader, makeRequest('/organiser/proposals.csv', { cookie: organiser }), context)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('Content-Disposition')).toMatch(/^attachment; filename="ponte-proposals-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(String(reply.data)).toContain('id,status,closed_reason,published,startup_key')
  })
})
