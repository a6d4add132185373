import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { ProposalHeader, PublicFacts } from '~/components/proposals/public-sections'
import { VerifiedSections } from '~/components/proposals/verified-sections'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ConflictReasons, JurorStateBadge } from '~/components/rounds/jury-bits'
import { useRoundTime } from '~/components/rounds/round-bits'
import { Card } from '~/components/ui/card'
import { requireVerifiedUser } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { requireJurorSeat } from '~/modules/rounds/access.server'
import { declareConflict } from '~/modules/rounds/conflicts.server'
import { DeclarationSchema, reviewSchema } from '~/modules/rounds/jury-schemas'
import { roundRuleReply } from '~/modules/rounds/round-rule-error'
import { juryApplication, saveReview } from '~/modules/rounds/reviews.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { Answers } from './answers'
import { DeclarationCard } from './declaration-card'
import { OtherReviews, ReviewCard } from './review-card'

export const meta = titleMeta

/** One application for a juror: what they may read of it, their declaration and their scores. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const page = await juryApplication(context.db, actor, params.roundSlug ?? '', params.applicationId, locale)
  return { ...page, title: `${page.application.startup} · ${page.round.name} · Ponte` }
}

/** Declare a conflict (or none), save a draft review, or submit the review. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const { round } = await requireJurorSeat(context.db, actor, params.roundSlug ?? '')
  const formData = await request.formData()
  const here = `/jury/${round.slug}/${params.applicationId}`
  if (formData.get('intent') === 'declare') {
    const submission = parseWithZod(formData, { schema: DeclarationSchema })
    if (submission.status !== 'success') return data({ form: 'declaration' as const, result: submission.reply() }, { status: 400 })
    try {
      await declareConflict(context.db, actor, round.slug, params.applicationId, submission.value.conflicted === 'yes' ? { conflicted: true, reason: submission.value.reason } : { conflicted: false })
    } catch (error) {
      const refused = roundRuleReply('declare', submission, error)
      if (!refused) throw error
      return data({ form: 'declaration' as const, result: refused.result }, { status: refused.status })
    }
    return redirectWithToast(here, 'jury.toast.declared')
  }
  const submission = parseWithZod(formData, { schema: reviewSchema(round.scoreScale) })
  if (submission.status !== 'success') return data({ form: 'review' as const, result: submission.reply() }, { status: 400 })
  try {
    await saveReview(context.db, actor, round.slug, params.applicationId, submission.value)
  } catch (error) {
    const refused = roundRuleReply(submission.value.intent, submission, error)
    if (!refused) throw error
    return data({ form: 'review' as const, result: refused.result }, { status: refused.status })
  }
  return redirectWithToast(here, submission.value.intent === 'submit' ? 'jury.toast.submitted' : 'jury.toast.draftSaved')
}

export default function JuryApplicationPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { inViewerZone } = useRoundTime()
  const page = useLoaderData<typeof loader>()
  const { round, application, conflict, details } = page
  const proposal = details?.proposal ?? null
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to={`/jury/${round.slug}`} className="text-brand-700 hover:underline">
          ← {t('jury.application.back', { round: round.name })}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3 text-sm text-muted">
        <JurorStateBadge state={page.state} />
        <span>{t('jury.application.appliedOn', { date: inViewerZone(application.submittedAt) })}</span>
      </div>
      {details === null ? (
        <>
          <header>
            <p className="text-sm font-medium text-muted">{application.startup}</p>
            <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{application.proposal}</h1>
          </header>
          <Card>
            <h2 className="text-lg font-semibold text-ink">{t('jury.conflicts.excludedTitle')}</h2>
            <p className="mt-2 text-sm text-muted">{t('jury.conflicts.excludedText')}</p>
            <div className="mt-4">
              <ConflictReasons automatic={conflict.automatic} declared={conflict.declaration?.conflicted ? (conflict.declaration.reason ?? '') : null} perspective="juror" />
            </div>
          </Card>
          {conflict.automatic.length === 0 && page.canDeclare ? <DeclarationCard declaration={conflict.declaration} /> : null}
        </>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-6">
            {proposal ? (
              <>
                <ProposalHeader proposal={proposal} locale={locale} />
                <PublicFacts proposal={proposal} locale={locale} />
                <VerifiedSections proposal={proposal} locale={locale} />
              </>
            ) : (
              <header>
                <p className="text-sm font-medium text-muted">{application.startup}</p>
                <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">{application.proposal}</h1>
                <p className="mt-3 text-sm text-muted">{t('jury.application.noProposal')}</p>
              </header>
            )}
            <Answers applicationId={application.id} answers={details.answers} />
          </div>
          <div className="space-y-6">
            {page.canDeclare || conflict.declaration ? <DeclarationCard declaration={conflict.declaration} readOnly={!page.canDeclare} /> : null}
            <ReviewCard
              roundStatus={round.status}
              scale={round.scoreScale}
              criteria={details.criteria}
              review={details.review}
              declared={conflict.declaration !== null}
              canScore={page.canScore}
            />
            <OtherReviews criteria={details.criteria} others={details.others} />
          </div>
        </div>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
