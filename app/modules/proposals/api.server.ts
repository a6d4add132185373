/**
 * The read-only JSON of a proposal for GET /api/v1/proposals/:id: the published version in the
 * requester's tier. Money as integer cents with the currency; codes as in the import format;
 * texts per language (the description as the startup's Markdown, verified tier only).
 */
import type { ProposalView, TieredProposal } from './disclosure.server'

interface Money {
  cents: number
  currency: string
}

const money = (cents: number, currency: string): Money => ({ cents, currency })

/** A proposal in the viewer's tier, as the API writes it. */
export function tierJson(proposal: TieredProposal) {
  const common = {
    id: proposal.id,
    tier: proposal.tier,
    startup: { name: proposal.startup.name, slug: proposal.startup.slug, country: proposal.startup.country, region: proposal.startup.region, city: proposal.startup.city },
    originalLocale: proposal.originalLocale,
    texts: proposal.texts,
    amountSought: money(proposal.amountSoughtCents, proposal.currency),
    instrument: proposal.instrument,
    stage: proposal.stage,
    subsector: proposal.subsector,
    trl: proposal.trl,
    developmentPhase: proposal.developmentPhase,
    closingDate: proposal.closingDate,
    publishedAt: proposal.publishedAt.toISOString(),
  }
  if (proposal.tier === 'public') return common
  return {
    ...common,
    minimumTicket: money(proposal.minimumTicketCents, proposal.currency),
    preMoneyValuation: proposal.preMoneyValuationCents === null ? null : money(proposal.preMoneyValuationCents, proposal.currency),
    useOfFunds: proposal.useOfFunds.map((item) => ({ label: item.label, amount: money(item.amountCents, proposal.currency) })),
    modality: proposal.modality,
    therapeuticAreas: proposal.therapeuticAreas,
    regulatoryPathway: proposal.regulatoryPathway,
    deviceClass: proposal.deviceClass,
    ipStatus: proposal.ipStatus,
    team: proposal.team,
  }
}

export type ProposalJson = ReturnType<typeof tierJson>

/** The API's body for a proposal the viewer may see, or null when there is no published version to show. */
export function proposalJson(view: ProposalView): ProposalJson | null {
  return view.published ? tierJson(view.published) : null
}
