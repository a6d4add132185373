import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { useUiLocale } from '~/components/organisations/form-fields'
import { RoundStatusBadge } from '~/components/rounds/round-bits'
import { PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pickLocalizedText } from '~/modules/i18n/localized-text'
import { utcToZonedLocal } from '~/modules/i18n/time-zone'
import { unknownIntentReply } from '~/modules/organisations/replies.server'
import { requireRoundOrganiser } from '~/modules/rounds/access.server'
import { removeJuror, resendJuryInvitation, inviteJuror, roundJury } from '~/modules/rounds/jurors.server'
import { isEarlyReview, nextStatus, openingGaps, roundTimeline, transitionRound } from '~/modules/rounds/lifecycle.server'
import { removePledge, roundPledges, setPledge, verifiedInvestorOptions } from '~/modules/rounds/pledges.server'
import { roundRuleReply } from '~/modules/rounds/round-rule-error'
import { roundPageSchemas, roundSections, type RoundPageIntent, type RoundSection } from '~/modules/rounds/schemas'
import {
  countApplications,
  extendClosing,
  replaceQuestions,
  roundStructure,
  updateEligibility,
  updateEvaluation,
  updateMatchingRule,
  updateTexts,
  updateWindow,
} from '~/modules/rounds/setup.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { RoundTab } from './tabs'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Ponte' }]

export type Tab = 'overview' | RoundSection
const tabs: readonly Tab[] = ['overview', ...roundSections]

/** The tab each form belongs to: where the page comes back after saving it. */
const tabOfIntent: Record<RoundPageIntent, Tab> = {
  texts: 'texts',
  window: 'window',
  extend: 'window',
  eligibility: 'eligibility',
  questions: 'questions',
  evaluation: 'evaluation',
  matching: 'pool',
  pledge: 'pool',
  'remove-pledge': 'pool',
  'invite-juror': 'jury',
  'resend-juror': 'jury',
  'remove-juror': 'jury',
  transition: 'overview',
}

/** One round's set-up, for the organisers who run it (a 404 for anyone else), a tab at a time. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const round = await requireRoundOrganiser(context.db, actor, params.slug ?? '')
  const { db } = context
  const [structure, pledges, jury, timeline, applications, investors, locale] = await Promise.all([
    roundStructure(db, round.id),
    roundPledges(db, round.id),
    roundJury(db, round.id),
    roundTimeline(db, round.id),
    countApplications(db, round.id),
    verifiedInvestorOptions(db),
    detectLocale(request, actor.locale),
  ])
  const requested = new URL(request.url).searchParams.get('tab') as Tab | null
  const tab = requested && tabs.includes(requested) ? requested : 'overview'
  const { createdBy: _createdBy, organiserOrganisationId: _organiser, ...shown } = round
  return {
    round: shown,
    local: { opensAt: utcToZonedLocal(round.opensAt, round.timeZone), closesAt: utcToZonedLocal(round.closesAt, round.timeZone) },
    ...structure,
    pledges,
    jury,
    timeline,
    applications,
    investors,
    gaps: round.status === 'draft' ? openingGaps(round, structure.criteria.length) : [],
    next: nextStatus[round.status],
    early: round.status === 'open' && isEarlyReview(round),
    tab,
    title: `${pickLocalizedText(round.name, locale)?.text ?? round.slug} · Ponte`,
  }
}
export type RoundPageData = ReturnType<typeof useLoaderData<typeof loader>>

const isIntent = (value: unknown): value is RoundPageIntent => typeof value === 'string' && Object.hasOwn(roundPageSchemas, value)

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const round = await requireRoundOrganiser(context.db, actor, params.slug ?? '')
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (!isIntent(intent)) return data(unknownIntentReply(), { status: 400 })
  const submission = parseWithZod(formData, { schema: roundPageSchemas[intent] })
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: submission.status === 'error' ? 400 : 200 })

  const { db } = context
  const input = submission.value
  try {
    switch (input.intent) {
      case 'texts':
        await updateTexts(db, actor, round.id, input)
        break
      case 'window':
        await updateWindow(db, actor, round.id, input)
        break
      case 'extend':
        await extendClosing(db, actor, round.id, input.closesAt)
        break
      case 'eligibility':
        await updateEligibility(db, actor, round.id, input)
        break
      case 'questions':
        await replaceQuestions(db, actor, round.id, input)
        break
      case 'evaluation':
        await updateEvaluation(db, actor, round.id, input)
        break
      case 'matching':
        await updateMatchingRule(db, actor, round.id, input)
        break
      case 'pledge':
        await setPledge(db, actor, round.id, input)
        break
      case 'remove-pledge':
        await removePledge(db, actor, round.id, input.investorOrganisationId)
        break
      case 'invite-juror':
        await inviteJuror(db, actor, round.id, input)
        break
      case 'resend-juror':
        await resendJuryInvitation(db, actor, round.id, input.jurorId)
        break
      case 'remove-juror':
        await removeJuror(db, actor, round.id, input.jurorId)
        break
      case 'transition':
        await transitionRound(db, actor, round, input.to, new Date(), { early: input.early })
        break
    }
  } catch (error) {
    const reply = roundRuleReply(intent, submission, error)
    if (reply) return data({ intent, result: reply.result }, { status: reply.status })
    throw error
  }
  const tab = tabOfIntent[intent]
  return redirectWithToast(`/organiser/rounds/${round.slug}${tab === 'overview' ? '' : `?tab=${tab}`}`, `rounds.toast.${intent}`)
}

export default function RoundSetupPage() {
  const { t } = useTranslation()
  const page = useLoaderData<typeof loader>()
  const { round, tab } = page
  const locale = useUiLocale()
  return (
    <div className="space-y-6">
      <Link to="/organiser/rounds" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('rounds.organiser.back')}
      </Link>
      <PageHeader
        title={pickLocalizedText(round.name, locale)?.text ?? round.slug}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RoundStatusBadge status={round.status} />
            <span>{t('rounds.setup.applications', { count: page.applications })}</span>
            {round.status !== 'draft' ? (
              <Link to={`/rounds/${round.slug}`} className="font-medium text-brand-700 underline">
                {t('rounds.setup.publicPage')}
              </Link>
            ) : null}
            {round.status !== 'draft' ? (
              <Link to={`/organiser/rounds/${round.slug}/review`} className="font-medium text-brand-700 underline">
                {t('jury.board.title')}
              </Link>
            ) : null}
            <Link to={`/organiser/rounds/${round.slug}/dashboard`} className="font-medium text-brand-700 underline">
              {t('rounds.setup.dashboard')}
            </Link>
          </span>
        }
      />
      <nav aria-label={t('rounds.setup.tabsLabel')} className="flex gap-1 overflow-x-auto border-b border-line">
        {tabs.map((name) => (
          <Link
            key={name}
            to={`/organiser/rounds/${round.slug}${name === 'overview' ? '' : `?tab=${name}`}`}
            aria-current={tab === name ? 'page' : undefined}
            preventScrollReset
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${tab === name ? 'border-brand-700 text-brand-800' : 'border-transparent text-muted hover:text-ink'}`}
          >
            {t(`rounds.tabs.${name}`)}
          </Link>
        ))}
      </nav>
      <RoundTab page={page} />
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
