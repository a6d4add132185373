import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Badge, PageHeader } from '~/components/ui/card'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import type { Locale } from '~/modules/i18n/locales'
import { titleMeta } from '~/modules/i18n/title-meta'
import { labelKey } from '~/modules/proposals/labels'
import { publishProposal, requestChanges } from '~/modules/proposals/lifecycle.server'
import { getProposalForReview, type ReviewText } from '~/modules/proposals/moderation.server'
import { pickProposalText } from '~/modules/proposals/proposal-text'
import { isReviewIntent, reviewSchemas } from '~/modules/proposals/review-schemas'
import { ProposalRuleError } from '~/modules/proposals/rule-error'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { DecisionForms, type ReviewReply } from './decision-forms'
import { DiffView } from './diff-view'
import { History, WorkingCopy } from './working-copy'

export const meta = titleMeta

/** Organisers review a proposal: its working copy, what changed since it was last published, its history. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const review = await getProposalForReview(context.db, actor, params.proposalId)
  const texts: Partial<Record<Locale, ReviewText>> = Object.fromEntries(review.texts.map((text) => [text.locale, text]))
  const heading = pickProposalText(texts, locale, review.facts.originalLocale)
  return { review, locale, heading: heading?.title ?? review.startup.name, title: `${heading?.title ?? review.startup.name} · Ponte` }
}

/** Publish (comment optional) or send back with changes requested (comment required). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (!isReviewIntent(intent)) {
    const reply: ReviewReply = { intent: null, result: { status: 'error', error: { '': ['catalogue.review.errors.unknownAction'] } } }
    return data(reply, { status: 400 })
  }
  const submission = parseWithZod(formData, { schema: reviewSchemas[intent] })
  if (submission.status !== 'success') return data({ intent, result: submission.reply() } satisfies ReviewReply, { status: 400 })
  const id = params.proposalId ?? ''
  const input = submission.value
  try {
    if (input.intent === 'publish') {
      await publishProposal(context.db, actor, id, input.comment ?? null)
      return redirectWithToast('/organiser/proposals', 'catalogue.toast.published')
    }
    await requestChanges(context.db, actor, id, input.comment)
    return redirectWithToast('/organiser/proposals', 'catalogue.toast.changesRequested')
  } catch (error) {
    if (!(error instanceof ProposalRuleError)) throw error
    const result = error.field === 'comment' ? submission.reply({ fieldErrors: { comment: [error.messageKey] } }) : submission.reply({ formErrors: [error.messageKey] })
    return data({ intent, result } satisfies ReviewReply, { status: 400 })
  }
}

export default function ReviewProposal() {
  const { t } = useTranslation()
  const { review, heading, locale } = useLoaderData<typeof loader>()
  return (
    <div>
      <Link to="/organiser/proposals" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('catalogue.review.back')}
      </Link>
      <div className="mt-4">
        <PageHeader
          title={heading}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={review.status === 'submitted' ? 'warning' : 'neutral'}>{t(labelKey.status(review.status))}</Badge>
              <span>{review.startup.name}</span>
            </span>
          }
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-6">
          <DiffView diff={review.diff} publishedAt={review.publishedAt} locale={locale} />
          <WorkingCopy review={review} locale={locale} />
        </div>
        <div className="space-y-6">
          {review.canDecide ? <DecisionForms /> : <p className="rounded-2xl border border-line bg-white p-6 text-sm text-muted">{t('catalogue.review.notWaiting')}</p>}
          {review.hasPublishedVersion ? (
            <Link to={`/proposals/${review.id}`} className="block text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
              {t('catalogue.review.openPublic')}
            </Link>
          ) : null}
          <History history={review.history} locale={locale} />
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
