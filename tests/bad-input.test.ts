/**
 * Posts garbage to every action of every page, as every kind of visitor, and checks that
 * Ponte answers with a 4xx (or a redirect), never an unexpected error (a 500).
 * New routes are picked up automatically from app/routes.
 */
import { randomUUID } from 'node:crypto'
import type { ActionFunction, AppLoadContext } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { makeRequest, testLoadContext } from './setup/context'
import { useTestDatabase } from './setup/database'
import { createOrganisation, createUser, signIn } from './setup/factories'

const modules = import.meta.glob<{ action?: ActionFunction }>('../app/routes/**/*.tsx', { eager: true })

const routes = Object.entries(modules)
  .filter(([, module]) => typeof module.action === 'function')
  .map(([file, module]) => {
    const name = file.replace('../app/routes/', '').replace(/(\/route)?\.tsx$/, '')
    const params = [...name.matchAll(/\$(\w+)/g)].map((m) => m[1]!)
    return { file, name, params, action: module.action! }
  })

const long = 'x'.repeat(20_000)
const intents = ['', 'nonsense', 'create', 'update', 'delete', 'invite', 'resend', 'revoke', 'remove', 'change-role', 'changeRole', 'leave', 'accept', 'decline', 'password', 'profile']
const garbageForms: Record<string, string | string[]>[] = [
  {},
  { email: 'not-an-email', password: 'x', confirmPassword: 'y', name: '', role: 'emperor', kind: 'spaceship', locale: 'xx', country: 'ZZ', region: '??', redirectTo: 'https://evil.example' },
  { email: long, password: long, name: long, city: long, slug: long, token: long, intent: long },
  { email: ['a@b.c', 'd@e.f'], role: ['owner', 'admin'], userId: 'not-a-uuid', invitationId: 'not-a-uuid', memberId: randomUUID() },
  ...intents.map((intent) => ({ intent, userId: 'not-a-uuid', invitationId: randomUUID(), email: '%%%', role: 'nope' })),
]

const t = useTestDatabase()

async function statusOf(action: ActionFunction, request: Request, params: Record<string, string>, context: AppLoadContext) {
  try {
    const result = await action({ request, params, context })
    if (result instanceof Response) return result.status
    const init = (result as { init?: { status?: number } } | null)?.init
    return init?.status ?? 200
  } catch (error) {
    if (error instanceof Response) return error.status
    throw new Error(`unexpected error: ${error instanceof Error ? error.stack : String(error)}`)
  }
}

describe('bad input never causes a server error', () => {
  it('finds the actions to check', () => {
    expect(routes.length).toBeGreaterThan(0)
  })

  it.each(routes.map((route) => [route.name, route] as const))('%s', async (_name, route) => {
    const context = testLoadContext(t.db)
    const founder = await createUser(t.db)
    const admin = await createUser(t.db, { isAdmin: true })
    const unverified = await createUser(t.db, { verified: false })
    const organisation = await createOrganisation(t.db, 'startup', { members: [{ userId: founder.id }, { userId: admin.id }] })
    const paramSets: Record<string, string>[] = [
      Object.fromEntries(route.params.map((p) => [p, p === 'slug' ? organisation.slug : p.toLowerCase().endsWith('id') ? randomUUID() : 'garbage'])),
      Object.fromEntries(route.params.map((p) => [p, 'not-a-uuid%00'])),
    ]
    const visitors = [null, founder.id, admin.id, unverified.id]
    for (const userId of visitors) {
      for (const params of paramSets) {
        for (const form of garbageForms) {
          const cookie = userId ? await signIn(context, userId) : null
          const request = makeRequest(`/${route.name}`, { form, cookie })
          const status = await statusOf(route.action, request, params, context)
          expect(status, `${route.name} as ${userId ?? 'anonymous'} with ${JSON.stringify(form).slice(0, 120)}`).toBeLessThan(500)
        }
      }
    }
  })
})
