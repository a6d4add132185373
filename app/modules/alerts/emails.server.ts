import { and, eq, inArray, isNull, ne } from 'drizzle-orm'
import { createElement } from 'react'
import { formatMoney } from '~/modules/i18n/format'
import { getFixedT } from '~/modules/i18n/i18n.server'
import { isLocale } from '~/modules/i18n/locales'
import { visiblePublishedSources } from '~/modules/proposals/disclosure.server'
import { pickProposalText } from '~/modules/proposals/proposal-text'
import { savedSearches, users } from '../../../db/schema'
import { renderEmail } from '../../../emails/render.server'
import { AlertDigestEmail, type AlertDigestGroup } from '../../../emails/templates/alert-digest'
import type { JobHandler } from '../jobs/worker.server'
import { savedSearchOf } from './saved-searches.server'
import { describeSearch } from './search-summary'
import { createUnsubscribeToken } from './unsubscribe.server'

/** Proposals listed per saved search in one email; the search's link shows the rest. */
export const PROPOSALS_PER_GROUP = 10

/**
 * Emails one digest: the proposals the digest run found, read again now (a proposal withdrawn
 * meanwhile is left out; a saved search deleted or turned off meanwhile too), titles in the
 * recipient's language, with an unsubscribe link per saved search and one for all alerts.
 */
export const sendAlertDigestEmail: JobHandler<'email.alert-digest'> = async (ctx, { userId, frequency, groups }) => {
  const [user] = await ctx.db.select().from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)))
  if (!user) return
  const locale = isLocale(user.locale) ? user.locale : 'en'
  const t = getFixedT(locale)
  const searches = await ctx.db
    .select({ id: savedSearches.id, name: savedSearches.name, query: savedSearches.query })
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, userId), ne(savedSearches.frequency, 'off'), inArray(savedSearches.id, groups.map((group) => group.savedSearchId))))
  const sources = new Map((await visiblePublishedSources(ctx.db, { ids: [...new Set(groups.flatMap((group) => group.proposalIds))] })).map((source) => [source.id, source]))
  const appUrl = ctx.config.appUrl
  const unsubscribeUrl = (savedSearchId: string | null) => `${appUrl}/alerts/unsubscribe/${createUnsubscribeToken(ctx.config.sessionSecret, { userId, savedSearchId })}`

  const shown: AlertDigestGroup[] = []
  const listed = new Set<string>()
  for (const group of groups) {
    const search = searches.find((row) => row.id === group.savedSearchId)
    if (!search) continue
    const proposals = group.proposalIds.flatMap((id) => {
      const source = sources.get(id)
      const text = source && pickProposalText(source.snapshot.texts, locale, source.snapshot.originalLocale)
      if (!source || !text) return []
      const facts = `${source.startup.name} · ${formatMoney(source.snapshot.amountSoughtCents, locale)}`
      return [{ title: text.title, facts, url: `${appUrl}/proposals/${id}` }]
    })
    if (proposals.length === 0) continue
    for (const proposal of proposals) listed.add(proposal.url)
    const more = proposals.length - PROPOSALS_PER_GROUP
    shown.push({
      name: search.name,
      summary: describeSearch(t, savedSearchOf(search.query), locale).join(' · '),
      count: t('alerts.email.count', { count: proposals.length }),
      proposals: proposals.slice(0, PROPOSALS_PER_GROUP),
      more: more > 0 ? t('alerts.email.more', { count: more }) : null,
      searchUrl: search.query ? `${appUrl}/proposals?${search.query}` : `${appUrl}/proposals`,
      searchLabel: t('alerts.email.openSearch'),
      unsubscribeUrl: unsubscribeUrl(search.id),
      unsubscribeLabel: t('alerts.email.unsubscribeOne'),
    })
  }
  if (shown.length === 0) return
  // A proposal that matches two saved searches is one new proposal.
  const total = listed.size

  const unsubscribeAllUrl = unsubscribeUrl(null)
  const subject = t(`alerts.email.subject.${frequency}`, { count: total })
  const { html, text } = await renderEmail(
    createElement(AlertDigestEmail, {
      lang: locale,
      preview: subject,
      heading: t(`alerts.email.heading.${frequency}`),
      intro: t('alerts.email.intro', { count: total }),
      groups: shown,
      unsubscribeAllUrl,
      unsubscribeAllLabel: t('alerts.email.unsubscribeAll'),
      footer: t('alerts.email.footer', { url: `${appUrl}/saved-searches` }),
    }),
  )
  await ctx.mailer.send({
    to: user.email,
    subject,
    html,
    text,
    // One-click unsubscribe (RFC 8058): mail programs POST to the same page.
    headers: { 'List-Unsubscribe': `<${unsubscribeAllUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  })
}
