import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { ApplicationStatusBadge } from '~/components/rounds/application-status'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Notice, PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { uploadProblemReply, uploadProblemStatus } from '~/modules/dataroom/replies'
import { discardUploads, documentUploadPolicy, receiveMultipartForm, type ReceivedUpload } from '~/modules/files/storage.server'
import { formatDateTime } from '~/modules/i18n/format'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { timeZoneFromCookieHeader } from '~/modules/i18n/time-zone'
import { titleMeta } from '~/modules/i18n/title-meta'
import { answerField, applicationSchema, WithdrawApplicationSchema } from '~/modules/rounds/application-schemas'
import {
  answersFromForm,
  applicationPageFor,
  ApplicationRefused,
  questionsOf,
  refusalMessages,
  requireRoundForStartup,
  saveApplication,
  withdrawApplication,
  type RoundQuestion,
} from '~/modules/rounds/applications.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { useViewerTimeZone } from '~/root'
import { ApplicationForm } from './application-form'
import { SubmittedApplication } from './submitted-application'

export const meta = titleMeta

async function requireStartupRound({ request, params, context }: LoaderFunctionArgs) {
  const { actor, membership } = await requireMembership(request, context, params.slug)
  if (membership.kind !== 'startup') throw notFound()
  const round = await requireRoundForStartup(context.db, params.roundSlug)
  return { actor, membership, round, locale: await detectLocale(request, actor.locale) }
}

/** A round as a startup sees it: the window in the viewer's zone, the pre-checks, and its application (a form while the window is open). */
export async function loader(args: LoaderFunctionArgs) {
  const { membership, round, locale } = await requireStartupRound(args)
  const page = await applicationPageFor(args.context.db, membership.organisationId, round, locale)
  return { startup: { slug: membership.organisationSlug }, ...page, title: `${page.round.name} · Ponte` }
}

/** The form's fields and its files by question (a plain form, such as the withdrawal, has none). */
async function readForm(request: Request, uploadsDir: string, questions: RoundQuestion[]) {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    return { ok: true as const, fields: await request.formData(), files: new Map<string, ReceivedUpload>() }
  }
  const fileQuestions = questions.filter((question) => question.kind === 'file')
  const received = await receiveMultipartForm(request, uploadsDir, Object.fromEntries(fileQuestions.map((q) => [answerField(q.id), documentUploadPolicy])))
  if (!received.ok) return received
  const files = new Map<string, ReceivedUpload>()
  for (const question of fileQuestions) {
    const upload = received.uploads.get(answerField(question.id))
    if (upload) files.set(question.id, upload)
  }
  return { ok: true as const, fields: received.fields, files }
}

/** Apply, edit the application, or withdraw it; the module refuses anything outside the window. */
export async function action(args: ActionFunctionArgs) {
  const { actor, membership, round, locale } = await requireStartupRound(args)
  const { request, context } = args
  const here = `/studio/${membership.organisationSlug}/rounds/${round.slug}`
  const zone = timeZoneFromCookieHeader(request.headers.get('Cookie'), locale)
  const questions = await questionsOf(context.db, round.id)
  const form = await readForm(request, context.config.uploadsDir, questions)
  if (!form.ok) return data({ ...uploadProblemReply('submit', form.field, form.problem), messages: [] }, { status: uploadProblemStatus(form.problem) })

  if (form.fields.get('intent') === 'withdraw') {
    const submission = parseWithZod(form.fields, { schema: WithdrawApplicationSchema })
    try {
      await withdrawApplication(context.db, actor, membership.organisationId, round.id)
      return redirectWithToast(here, 'applying.toast.withdrawn')
    } catch (error) {
      if (!(error instanceof ApplicationRefused)) throw error
      const result = submission.reply({ formErrors: ['applying.errors.refused'] })
      return data({ intent: 'withdraw', result, messages: refusalMessages(error, locale, zone) }, { status: error.status })
    }
  }

  const submission = parseWithZod(form.fields, { schema: applicationSchema(questions) })
  if (submission.status !== 'success') {
    await discardUploads(form.files.values())
    return data({ intent: 'submit', result: submission.reply(), messages: [] as string[] }, { status: 400 })
  }
  const input = { proposalId: submission.value.proposalId, answers: answersFromForm(questions, submission.value), files: form.files }
  try {
    const saved = await saveApplication(context.db, context.config.uploadsDir, actor, membership.organisationId, round.id, input)
    return redirectWithToast(here, saved.created ? 'applying.toast.submitted' : 'applying.toast.updated')
  } catch (error) {
    if (!(error instanceof ApplicationRefused)) throw error
    const formErrors = error.problem === 'fields' ? [] : ['applying.errors.refused']
    const result = submission.reply({ formErrors, fieldErrors: error.details.fieldErrors })
    return data({ intent: 'submit', result, messages: refusalMessages(error, locale, zone) }, { status: error.status })
  }
}

export default function RoundApplicationPage() {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const zone = useViewerTimeZone()
  const page = useLoaderData<typeof loader>()
  const { round, state, application } = page
  const time = (value: Date | string, timeZone = zone) => formatDateTime(new Date(value), locale, timeZone)
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <Link to={`/studio/${page.startup.slug}/rounds`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          ← {t('applying.round.back')}
        </Link>
        <div className="mt-4">
          <PageHeader title={round.name} actions={application ? <ApplicationStatusBadge status={application.status} /> : null} />
        </div>
        {round.description ? (
          <p className="whitespace-pre-line text-ink" lang={round.descriptionLang}>
            {round.description}
          </p>
        ) : null}
        <p className="mt-4 text-sm font-medium text-ink">{t('applying.round.window', { opens: time(round.opensAt), closes: time(round.closesAt) })}</p>
        {round.timeZone !== zone ? (
          <p className="text-sm text-muted">{t('applying.round.organiserTime', { zone: round.timeZone, time: time(round.closesAt, round.timeZone) })}</p>
        ) : null}
      </div>
      {state === 'upcoming' ? <Notice tone="info">{t('applying.round.upcoming', { time: time(round.opensAt) })}</Notice> : null}
      {state === 'closed' ? (
        <Notice tone="info">
          {t('applying.round.closed', { time: time(round.closesAt) })}{' '}
          {application ? null : page.withdrawnAt ? t('applying.round.withdrawnClosed', { time: time(page.withdrawnAt) }) : t('applying.round.closedNoApplication')}
        </Notice>
      ) : null}
      {state === 'open' && page.withdrawnAt ? <Notice tone="info">{t('applying.round.withdrawnBefore', { time: time(page.withdrawnAt) })}</Notice> : null}
      {page.editable ? (
        <ApplicationForm page={page} />
      ) : application ? (
        <SubmittedApplication application={application} questions={page.questions} />
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
