import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { RoundStatusBadge } from '~/components/rounds/round-bits'
import { EmptyState, PageHeader } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { decideApplication, reviewBoard, sendOutcomes } from '~/modules/rounds/decisions.server'
import { DecisionSchema, SendOutcomesSchema } from '~/modules/rounds/jury-schemas'
import { roundRuleReply } from '~/modules/rounds/round-rule-error'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { DecisionCard } from './decision-card'
import { JurorTable, RankingExplanation, RankingTables } from './rankings'
import { SendOutcomesCard } from './send-outcomes'

export const meta = titleMeta

/** The organiser's review of a round: both rankings explained, every review, and the decisions. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const board = await reviewBoard(context.db, actor, params.slug ?? '', locale)
  return { ...board, title: `${board.round.name} · Ponte` }
}

/** Decide one application (shortlist or decline, feedback, shared comments), or send the outcomes. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const slug = params.slug ?? ''
  const here = `/organiser/rounds/${slug}/review`
  const formData = await request.formData()
  const sending = formData.get('intent') === 'send'
  const submission = sending ? parseWithZod(formData, { schema: SendOutcomesSchema }) : parseWithZod(formData, { schema: DecisionSchema })
  const applicationId = typeof formData.get('applicationId') === 'string' ? String(formData.get('applicationId')) : null
  if (submission.status !== 'success') return data({ applicationId, result: submission.reply() }, { status: 400 })
  try {
    if (submission.value.intent === 'send') {
      await sendOutcomes(context.db, actor, slug)
      return redirectWithToast(here, 'jury.toast.sent')
    }
    await decideApplication(context.db, actor, slug, submission.value)
    return redirectWithToast(`${here}#application-${submission.value.applicationId}`, 'jury.toast.decided')
  } catch (error) {
    const refused = roundRuleReply(submission.value.intent, submission, error)
    if (!refused) throw error
    return data({ applicationId, result: refused.result }, { status: refused.status })
  }
}

export default function RoundReviewPage() {
  const { t } = useTranslation()
  const board = useLoaderData<typeof loader>()
  const { round, applications } = board
  const byNormalisedRank = [...applications].sort((a, b) => (a.normalisedRank ?? Infinity) - (b.normalisedRank ?? Infinity))
  return (
    <div className="space-y-10">
      <div>
        <p className="text-sm">
          <Link to={`/organiser/rounds/${round.slug}`} className="text-brand-700 hover:underline">
            ← {t('jury.board.back', { round: round.name })}
          </Link>
        </p>
        <PageHeader title={t('jury.board.title')} description={t('jury.board.lead', { round: round.name })} actions={<RoundStatusBadge status={round.status} />} />
      </div>
      {applications.length === 0 ? (
        <EmptyState title={t('jury.board.emptyTitle')} description={t('jury.board.emptyText')} />
      ) : (
        <>
          <section aria-labelledby="ranking" className="space-y-6">
            <h2 id="ranking" className="text-xl font-semibold text-ink">
              {t('jury.board.rankingTitle')}
            </h2>
            <RankingExplanation criteria={board.criteria} />
            <RankingTables applications={applications} />
            <JurorTable jurors={board.jurors} />
          </section>
          <section aria-labelledby="decisions" className="space-y-6">
            <div>
              <h2 id="decisions" className="text-xl font-semibold text-ink">
                {t('jury.board.decisionsTitle')}
              </h2>
              <p className="mt-2 max-w-3xl text-sm text-muted">{t('jury.board.decisionsLead')}</p>
            </div>
            {byNormalisedRank.map((application) => (
              <DecisionCard key={application.id} application={application} criteria={board.criteria} canDecide={board.canDecide} />
            ))}
            <SendOutcomesCard status={round.status} undecided={board.undecided} applications={applications.length} />
          </section>
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
