import type { AppLoadContext } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cookiesFrom } from './context'

/** What a route loader or action answered, however it answered (returned, thrown, data() or Response). */
export interface RouteReply {
  status: number
  headers: Headers
  /** The JSON body or data() payload; null for redirects and empty bodies. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any
  /** The redirect target, when it was one. */
  location: string | null
}

type RouteFunction = (args: { request: Request; params: Record<string, string | undefined>; context: AppLoadContext }) => unknown

async function replyOf(value: unknown): Promise<RouteReply> {
  if (value instanceof Response) {
    const text = await value.text()
    let data: unknown = null
    try {
      data = text ? JSON.parse(text) : null
    } catch {
      data = text
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get('Location') }
  }
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'DataWithResponseInit') {
    const { data, init } = value as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), data, location: null }
  }
  return { status: 200, headers: new Headers(), data: value ?? null, location: null }
}

/** Calls a loader or action as Remix would and normalises the answer (a thrown Response counts as the answer). */
export async function callRoute(
  fn: RouteFunction,
  request: Request,
  context: AppLoadContext,
  params: Record<string, string> = {},
): Promise<RouteReply> {
  try {
    return await replyOf(await fn({ request, params, context }))
  } catch (error) {
    if (error instanceof Response) return replyOf(error)
    throw error
  }
}

/** The jobs waiting in the queue (task name, payload, key), oldest first. */
export async function queuedJobs(db: Db): Promise<{ task: string; payload: Record<string, unknown>; key: string | null }[]> {
  const rows = await db.execute(sql`
    select t.identifier as task, j.payload, j.key
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    order by j.id`)
  return rows as unknown as { task: string; payload: Record<string, unknown>; key: string | null }[]
}

/** The Cookie header a browser would send after this reply (its Set-Cookie applied to `previous`). */
export function cookiesOf(reply: RouteReply, previous = ''): string {
  return cookiesFrom(new Response(null, { headers: reply.headers }), previous)
}

/** The Response a guard or loader throws; fails the test when it does not throw one. */
export async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a thrown Response')
}
