/**
 * Startup profile editing: members only, VAT kept private (the public profile never carries
 * it), logo upload checked by content and size and served publicly with safe headers.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as logoLoader } from '~/routes/logos.$file'
import { action, loader } from '~/routes/organisations_.$slug.profile/route'
import { loader as publicProfileLoader } from '~/routes/startups.$slug'
import { startupProfiles } from '../../db/schema'
import { makeRequest } from '../setup/context'
import { useTestDatabase } from '../setup/database'
import { createOrganisation, createUser, signIn } from '../setup/factories'
import { callRoute } from '../setup/routes'
import { createInvestor, dataRoomContext, TINY_PDF, TINY_PNG, uploadRequest } from './helpers'

const t = useTestDatabase()

let s: Awaited<ReturnType<typeof prepare>>

async function prepare() {
  const { context, uploadsDir } = dataRoomContext(t.db)
  const member = await createUser(t.db)
  const startup = await createOrganisation(t.db, 'startup', { members: [{ userId: member.id, role: 'member' }], name: 'Algas Vivas' })
  return { context, uploadsDir, startup, cookie: await signIn(context, member.id), page: `/organisations/${startup.slug}/profile` }
}

beforeAll(async () => {
  s = await prepare()
})

const validFields = {
  name: 'Algas Vivas',
  legalName: 'Algas Vivas Biotecnoloxía S.L.',
  vatNumber: 'ESB-12345678',
  region: 'ES11',
  city: 'Vigo',
  foundedYear: '2021',
  website: 'https://algasvivas.example',
  headcount: '12',
  'description.gl': 'Biotecnoloxía azul a partir de microalgas galegas.',
  'description.en': 'Blue biotech from Galician microalgae.',
  'team[0].name': 'Uxía Pereira',
  'team[0].role': 'CEO',
  'team[1].name': 'João Lima',
  'team[1].role': 'CSO',
}

function save(fields: Record<string, string>, options: { cookie?: string; logo?: { name: string; bytes: Buffer } } = {}) {
  const request = uploadRequest(s.page, { cookie: options.cookie ?? s.cookie, fields, file: options.logo ? { field: 'logo', ...options.logo } : undefined })
  return callRoute(action, request, s.context, { slug: s.startup.slug })
}

describe('editing the startup profile', () => {
  it('is a 404 for people outside the startup and for investor organisations', async () => {
    const outsider = await createUser(t.db)
    const cookie = await signIn(s.context, outsider.id)
    expect((await callRoute(loader, makeRequest(s.page, { cookie }), s.context, { slug: s.startup.slug })).status).toBe(404)
    expect((await save(validFields, { cookie })).status).toBe(404)
    const investor = await createInvestor(t.db, { verified: true })
    const investorCookie = await signIn(s.context, investor.user.id)
    const own = `/organisations/${investor.organisation.slug}/profile`
    expect((await callRoute(loader, makeRequest(own, { cookie: investorCookie }), s.context, { slug: investor.organisation.slug })).status).toBe(404)
  })

  it('saves every field for any member, with a logo checked by content', async () => {
    const form = new FormData()
    for (const [key, value] of Object.entries(validFields)) form.append(key, value)
    form.append('subsectors', 'marine')
    form.append('subsectors', 'agrifood')
    form.append('logo', new File([new Uint8Array(TINY_PNG)], 'logo.gif'))
    const request = new Request(new URL(s.page, 'http://ponte.test'), { method: 'POST', body: form, headers: { Cookie: s.cookie } })
    const reply = await callRoute(action, request, s.context, { slug: s.startup.slug })
    expect(reply.status).toBe(302)
    const [profile] = await t.db.select().from(startupProfiles).where(eq(startupProfiles.organisationId, s.startup.id))
    expect(profile).toMatchObject({
      legalName: 'Algas Vivas Biotecnoloxía S.L.',
      vatNumber: 'ESB12345678',
      region: 'ES11',
      city: 'Vigo',
      foundedYear: 2021,
      website: 'https://algasvivas.example',
      headcount: 12,
      subsectors: ['marine', 'agrifood'],
      description: { gl: 'Biotecnoloxía azul a partir de microalgas galegas.', en: 'Blue biotech from Galician microalgae.' },
      team: [
        { name: 'Uxía Pereira', role: 'CEO' },
        { name: 'João Lima', role: 'CSO' },
      ],
    })
    expect(profile!.logoFile).toMatch(/^[0-9a-f-]{36}\.png$/)
    expect(readdirSync(path.join(s.uploadsDir, 'logos'))).toEqual([profile!.logoFile])

    const logo = await logoLoader({ request: makeRequest(`/logos/${profile!.logoFile}`), params: { file: profile!.logoFile! }, context: s.context })
    expect(logo.status).toBe(200)
    expect(logo.headers.get('Content-Type')).toBe('image/png')
    expect(logo.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(TINY_PNG)
  })

  it('keeps the VAT number off the public profile, which shows the legal name, the logo and the team', async () => {
    const reply = await callRoute(publicProfileLoader, makeRequest(`/startups/${s.startup.slug}`), s.context, { slug: s.startup.slug })
    expect(reply.status).toBe(200)
    expect(reply.data.startup).toMatchObject({ legalName: 'Algas Vivas Biotecnoloxía S.L.', team: [{ name: 'Uxía Pereira', role: 'CEO' }, { name: 'João Lima', role: 'CSO' }] })
    expect(reply.data.startup.logoFile).toMatch(/\.png$/)
    expect(JSON.stringify(reply.data)).not.toContain('12345678')
    expect(reply.data.startup).not.toHaveProperty('vatNumber')
    // The members' own form does show it.
    const own = await callRoute(loader, makeRequest(s.page, { cookie: s.cookie }), s.context, { slug: s.startup.slug })
    expect(own.data.profile.vatNumber).toBe('ESB12345678')
  })

  it('answers bad input with field errors: a javascript: website, a region of another country, a bad year, a half-filled team row', async () => {
    const reply = await save({ ...validFields, website: 'javascript:alert(1)', region: 'PT11', foundedYear: '1492', 'team[2].name': 'Only a name' })
    expect(reply.status).toBe(400)
    const errors = reply.data.result.error
    expect(errors.website).toEqual(['dataroom.profile.errors.websiteInvalid'])
    expect(errors.region).toEqual(['dataroom.profile.errors.regionInvalid'])
    expect(errors.foundedYear).toEqual(['dataroom.profile.errors.yearInvalid'])
    expect(errors['team[2].role']).toEqual(['dataroom.profile.errors.teamRoleRequired'])
    const [profile] = await t.db.select().from(startupProfiles).where(eq(startupProfiles.organisationId, s.startup.id))
    expect(profile!.website).toBe('https://algasvivas.example')
  })

  it('refuses a logo over 2 MB (413), a PDF or a program as a logo, and keeps the old one', async () => {
    const [before] = await t.db.select().from(startupProfiles).where(eq(startupProfiles.organisationId, s.startup.id))
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(2 * 1024 * 1024)])
    const tooLarge = await save(validFields, { logo: { name: 'logo.png', bytes: big } })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.data.result.error.logo).toEqual(['dataroom.upload.errors.tooLarge'])
    const pdf = await save(validFields, { logo: { name: 'logo.png', bytes: TINY_PDF } })
    expect(pdf.data.result.error.logo).toEqual(['dataroom.upload.errors.notAccepted'])
    const program = await save(validFields, { logo: { name: 'logo.png', bytes: Buffer.from('#!/bin/sh\nrm -rf /\n') } })
    expect(program.data.result.error.logo).toEqual(['dataroom.upload.errors.executable'])
    const [after] = await t.db.select().from(startupProfiles).where(eq(startupProfiles.organisationId, s.startup.id))
    expect(after!.logoFile).toBe(before!.logoFile)
    expect(readdirSync(path.join(s.uploadsDir, 'logos'))).toEqual([before!.logoFile])
  })

  it('removes the logo when asked, and no longer serves it', async () => {
    const [before] = await t.db.select().from(startupProfiles).where(eq(startupProfiles.organisationId, s.startup.id))
    expect((await save({ ...validFields, removeLogo: 'on' })).status).toBe(302)
    const [after] = await t.db.select().from(startupProfiles).where(eq(startupProfiles.organisationId, s.startup.id))
    expect(after!.logoFile).toBeNull()
    expect(readdirSync(path.join(s.uploadsDir, 'logos'))).toEqual([])
    const gone = await callRoute(logoLoader, makeRequest(`/logos/${before!.logoFile}`), s.context, { file: before!.logoFile! })
    expect(gone.status).toBe(404)
  })

  it('never serves a document through the public logo address', async () => {
    const reply = await callRoute(logoLoader, makeRequest('/logos/../documents/x.pdf'), s.context, { file: '../documents/x.pdf' })
    expect(reply.status).toBe(404)
  })
})
