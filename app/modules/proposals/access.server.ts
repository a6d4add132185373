import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../../../db/client'
import { proposals } from '../../../db/schema'
import { isOrganiser, type Actor } from '../accounts/actor'
import { forbidden, notFound } from '../accounts/guards.server'

export type WorkingCopy = typeof proposals.$inferSelect
export type ProposalRole = 'member' | 'organiser'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value)
}

/** Visible in the catalogue: a published version exists and it is not closed. */
export function isVisible(proposal: Pick<WorkingCopy, 'publishedVersionId' | 'status'>): boolean {
  return proposal.publishedVersionId !== null && proposal.status !== 'closed'
}

export function isMemberOf(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some((m) => m.organisationId === organisationId && m.kind === 'startup')
}

/**
 * The working copy (locked for update when asked) and the actor's role on it. Someone who is
 * neither a member of the owning startup nor an organiser gets a 403 for a visible proposal
 * and a 404 for any other, so hidden proposals are not revealed.
 */
export async function loadProposalFor(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  options: { lock?: boolean; allow: readonly ProposalRole[] },
): Promise<{ proposal: WorkingCopy; role: ProposalRole }> {
  if (!isUuid(id)) throw notFound()
  const query = tx.select().from(proposals).where(eq(proposals.id, id))
  const [proposal] = options.lock ? await query.for('update') : await query
  if (!proposal) throw notFound()
  const role: ProposalRole | null = isMemberOf(actor, proposal.organisationId) ? 'member' : isOrganiser(actor) ? 'organiser' : null
  if (role === null) throw isVisible(proposal) ? forbidden() : notFound()
  if (!options.allow.includes(role)) throw forbidden()
  return { proposal, role }
}
