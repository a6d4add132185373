import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NonBindingBanner } from '~/components/interests/non-binding-banner'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MatchingRuleSummary } from '~/components/rounds/matching-rule'
import { Card, EmptyState, Notice, PageHeader } from '~/components/ui/card'
import type { Actor } from '~/modules/accounts/actor'
import { requireUser, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { formatMoney } from '~/modules/i18n/format'
import { detectLocale, getFixedT } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { titleMeta } from '~/modules/i18n/title-meta'
import { commitToApplication, participantPool, requirePoolParticipant, withdrawRoundCommitment } from '~/modules/rounds/commitments.server'
import { PoolFormSchema } from '~/modules/rounds/pool-schemas'
import { roundRuleReply } from '~/modules/rounds/round-rule-error'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { PoolStartupCard } from './startup-card'

export const meta = titleMeta

/** The actor's organisations that take part in the round, as the page offers them. */
function organisationsOf(actor: Actor, organisationIds: string[]) {
  return actor.memberships.filter((m) => organisationIds.includes(m.organisationId)).map((m) => ({ id: m.organisationId, name: m.organisationName, slug: m.organisationSlug }))
}

const poolPath = (slug: string, organisationSlug: string) => `/rounds/${slug}/pool?organisation=${encodeURIComponent(organisationSlug)}`

/**
 * The co-investment pool of a round, for members of its participating investor organisations:
 * the organisation's pledge, the matching rule, the shortlist with each startup's conditions and
 * matched amount, and the organisation's own soft commitments. Anyone else gets a 404.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context)
  const { round, organisationIds } = await requirePoolParticipant(context.db, actor, params.slug)
  const organisations = organisationsOf(actor, organisationIds)
  const asked = new URL(request.url).searchParams.get('organisation')
  const organisation = organisations.find((o) => o.slug === asked) ?? organisations[0]!
  const locale = await detectLocale(request, actor.locale)
  const pool = await participantPool(context.db, round, organisation.id, locale)
  const name = pickLocalizedText(round.name, locale)?.text ?? round.slug
  return {
    round: { slug: round.slug, name, status: round.status },
    organisations,
    organisation,
    ...pool,
    title: `${getFixedT(locale)('pool.page.title')} · ${name} · Ponte`,
  }
}

/** Records or changes the organisation's commitment to a shortlisted application, or withdraws it. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const { round, organisationIds } = await requirePoolParticipant(context.db, actor, params.slug)
  const submission = parseWithZod(await request.formData(), { schema: PoolFormSchema })
  const sentFor = submission.payload.applicationId
  const applicationId = typeof sentFor === 'string' ? sentFor : null
  if (submission.status !== 'success') return data({ applicationId, result: submission.reply() }, { status: 400 })
  const value = submission.value
  const organisation = organisationsOf(actor, organisationIds).find((o) => o.id === value.organisationId)
  if (!organisation) throw new Response('Not found', { status: 404 })
  const here = poolPath(round.slug, organisation.slug)
  try {
    if (value.intent === 'withdraw') {
      await withdrawRoundCommitment(context.db, actor, round, value)
      return redirectWithToast(here, 'pool.toast.withdrawn')
    }
    const outcome = await commitToApplication(context.db, actor, round, value)
    return redirectWithToast(here, `pool.toast.${outcome}`)
  } catch (error) {
    const reply = roundRuleReply(value.intent, submission, error)
    if (!reply) throw error
    return data({ applicationId, result: reply.result }, { status: reply.status })
  }
}

export default function RoundPoolPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { round, organisations, organisation, canCommit, rule, pledge, pool, startups } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const money = (cents: number) => formatMoney(cents, locale)
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <p className="text-sm">
          <Link to={`/rounds/${round.slug}`} className="text-brand-700 hover:underline">
            ← {t('pool.page.back')}
          </Link>
        </p>
        <PageHeader title={t('pool.page.title')} description={t('pool.page.lead', { round: round.name, organisation: organisation.name })} />
        {organisations.length > 1 ? (
          <nav aria-label={t('pool.page.organisations')} className="mb-6 flex flex-wrap gap-2 text-sm">
            {organisations.map((o) => (
              <Link
                key={o.id}
                to={`?organisation=${encodeURIComponent(o.slug)}`}
                aria-current={o.id === organisation.id ? 'page' : undefined}
                className={`rounded-full border px-3 py-1 ${o.id === organisation.id ? 'border-brand-300 bg-brand-50 font-semibold text-brand-800' : 'border-line bg-white text-ink hover:border-brand-300'}`}
              >
                {o.name}
              </Link>
            ))}
          </nav>
        ) : null}
        <NonBindingBanner />
      </div>
      <dl className="grid gap-4 sm:grid-cols-2">
        <Card>
          <dt className="text-sm font-semibold text-ink">{t('pool.page.yourPledge', { organisation: organisation.name })}</dt>
          <dd className="mt-2 grid grid-cols-3 gap-2 text-sm">
            <Figure label={t('pool.figures.pledged')} value={money(pledge.pledgeCents)} name="pledged" />
            <Figure label={t('pool.figures.committed')} value={money(pledge.committedCents)} name="committed" />
            <Figure label={t('pool.figures.left')} value={money(pledge.leftCents)} name="pledge-left" />
          </dd>
        </Card>
        <Card>
          <dt className="text-sm font-semibold text-ink">{t('pool.page.matchingPool')}</dt>
          <dd className="mt-2 grid grid-cols-3 gap-2 text-sm">
            <Figure label={t('pool.figures.pool')} value={money(pool.poolCents)} name="pool" />
            <Figure label={t('pool.figures.used')} value={money(pool.usedCents)} name="pool-used" />
            <Figure label={t('pool.figures.left')} value={money(pool.leftCents)} name="pool-left" />
          </dd>
        </Card>
      </dl>
      <Card>
        <h2 className="mb-3 text-lg font-semibold text-ink">{t('pool.rule.title')}</h2>
        <MatchingRuleSummary rule={rule} />
      </Card>
      <section aria-labelledby="shortlist-title" className="space-y-4">
        <h2 id="shortlist-title" className="text-xl font-semibold text-ink">
          {t('pool.page.shortlist')}
        </h2>
        {canCommit ? null : <Notice tone="info">{t(round.status === 'closed' ? 'pool.page.closed' : 'pool.page.notYet')}</Notice>}
        {startups.length === 0 ? (
          <EmptyState title={t('pool.page.emptyTitle')} description={t('pool.page.emptyText')} />
        ) : (
          startups.map((startup) => (
            <PoolStartupCard
              key={startup.applicationId}
              startup={startup}
              rule={rule}
              organisationId={organisation.id}
              canCommit={canCommit}
              lastResult={reply?.applicationId === startup.applicationId ? reply.result : undefined}
            />
          ))
        )}
      </section>
    </div>
  )
}

function Figure({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <div>
      <p className="text-xs text-muted">{label}</p>
      <p className="font-semibold text-ink" data-figure={name}>
        {value}
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
