import type { Locale } from '~/modules/i18n/locales'
import type { ProposalView, PublicTierProposal, VerifiedTierProposal } from './disclosure.server'
import { renderMarkdown } from './markdown.server'
import { pickProposalText } from './proposal-text'

interface PageText {
  title: string
  summary: string
  lang: Locale
}

export type PublicPageProposal = Omit<PublicTierProposal, 'texts'> & { text: PageText }
/** The description arrives as HTML rendered safely on the server (see markdown.server.ts). */
export type VerifiedPageProposal = Omit<VerifiedTierProposal, 'texts'> & { text: PageText & { descriptionHtml: string } }
export type PageProposal = PublicPageProposal | VerifiedPageProposal

export type ProposalPageData = Omit<ProposalView, 'published'> & { published: PageProposal | null }

/**
 * What the proposal page receives: the viewer's tier of the published version with one language
 * picked (theirs, else the original) and, in the verified tier only, the description as HTML.
 */
export function proposalPageData(view: ProposalView, locale: Locale): ProposalPageData {
  const { published, ...rest } = view
  if (!published) return { ...rest, published: null }
  if (published.tier === 'public') {
    const { texts, ...facts } = published
    const text = pickProposalText(texts, locale, facts.originalLocale)
    return { ...rest, published: text ? { ...facts, text: { title: text.title, summary: text.summary, lang: text.lang } } : null }
  }
  return { ...rest, published: verifiedPageProposal(published, locale) }
}

/** The verified tier with one language picked for a reader of `locale` and the description as HTML. */
export function verifiedPageProposal(published: VerifiedTierProposal, locale: Locale): VerifiedPageProposal | null {
  const { texts, ...facts } = published
  const text = pickProposalText(texts, locale, facts.originalLocale)
  return text ? { ...facts, text: { title: text.title, summary: text.summary, lang: text.lang, descriptionHtml: renderMarkdown(text.description) } } : null
}
