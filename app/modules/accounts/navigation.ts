import { isOrganiser, type Actor } from './actor'

/** Where people land after signing in (or confirming their email) when no page asked for another. */
export const AFTER_LOGIN_PATH = '/dashboard'

export interface NavItem {
  to: string
  /** Translation key of the label. */
  label: string
}

/** The main navigation a person sees, following from their organisations and role (and a seat on a round's jury). */
export function navigationFor(actor: Actor, seats: { juror?: boolean } = {}): NavItem[] {
  const items: NavItem[] = [{ to: '/dashboard', label: 'common.nav.dashboard' }]
  items.push({ to: '/proposals', label: 'common.nav.proposals' })
  // Searches saved from the search page, with their email alerts (a confirmed email saves them).
  if (actor.emailVerified) items.push({ to: '/saved-searches', label: 'alerts.nav.savedSearches' })
  items.push({ to: '/startups', label: 'common.nav.startups' })
  // Cross-border funding rounds: open and upcoming calls, for everyone.
  items.push({ to: '/rounds', label: 'rounds.nav' })
  // The investor directory is for startups looking for investors, and for organisers.
  if (actor.emailVerified && (isOrganiser(actor) || actor.memberships.some((m) => m.kind === 'startup'))) items.push({ to: '/investors', label: 'investors.nav' })
  for (const membership of actor.memberships) {
    const label =
      membership.kind === 'startup'
        ? 'common.nav.myStartup'
        : membership.kind === 'investor'
          ? 'common.nav.myInvestorFirm'
          : 'common.nav.myOrganiser'
    items.push({ to: `/organisations/${membership.organisationSlug}`, label })
  }
  // An investor organisation's bookmarked proposals, tags and notes,
  // and the interests it expressed, with the startups' answers.
  if (actor.memberships.some((m) => m.kind === 'investor')) {
    items.push({ to: '/watchlist', label: 'watchlist.nav' })
    items.push({ to: '/interests', label: 'interests.nav.interests' })
  }
  // Where startup members write their financing proposals.
  if (actor.memberships.some((m) => m.kind === 'startup')) items.push({ to: '/studio', label: 'common.nav.studio' })
  // Introductions between investors and startups, once a startup accepts an interest.
  if (actor.memberships.some((m) => m.kind === 'startup' || m.kind === 'investor')) items.push({ to: '/conversations', label: 'interests.nav.conversations' })
  // The rounds whose jury the person accepted a seat on.
  if (seats.juror) items.push({ to: '/jury', label: 'jury.nav' })
  if (isOrganiser(actor)) items.push({ to: '/organiser', label: 'common.nav.organiser' })
  if (actor.isAdmin) items.push({ to: '/admin', label: 'common.nav.admin' })
  // The account's own page (name, language, password): nothing else links to it.
  items.push({ to: '/settings', label: 'common.nav.settings' })
  return items
}

export const publicNavigation: NavItem[] = [
  { to: '/proposals', label: 'common.nav.proposals' },
  { to: '/startups', label: 'common.nav.startups' },
  { to: '/rounds', label: 'rounds.nav' },
]
