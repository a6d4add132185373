import type { SerializeFrom } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Card } from '~/components/ui/card'
import { formatDateTime, formatNumber } from '~/modules/i18n/format'
import { answerFilePath } from '~/modules/rounds/application-schemas'
import type { applicationPageFor } from '~/modules/rounds/applications.server'
import { useViewerTimeZone } from '~/root'

type Page = SerializeFrom<Awaited<ReturnType<typeof applicationPageFor>>>

/** The application as submitted, read-only once the deadline has passed, with the outcome when it was sent. */
export function SubmittedApplication({ application, questions }: { application: NonNullable<Page['application']>; questions: Page['questions'] }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const zone = useViewerTimeZone()
  const answerText = (questionId: string, kind: string) => {
    const answer = application.answers.find((a) => a.questionId === questionId)
    if (!answer) return null
    if (kind === 'number' && answer.number !== null) return formatNumber(answer.number, locale)
    if (kind === 'choice') return questions.find((q) => q.id === questionId)?.choices.find((c) => c.value === answer.text)?.label ?? answer.text
    return answer.text
  }
  return (
    <div className="space-y-6">
      {application.outcome ? (
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('applying.outcome.title')}</h2>
          <p className="mt-2 text-ink">{t(application.status === 'shortlisted' ? 'applying.outcome.shortlisted' : 'applying.outcome.declined')}</p>
          {application.outcome.feedback ? (
            <>
              <h3 className="mt-4 text-sm font-semibold text-ink">{t('applying.outcome.feedback')}</h3>
              <p className="mt-1 whitespace-pre-line text-sm text-ink">{application.outcome.feedback}</p>
            </>
          ) : null}
          {application.outcome.sharedComments.length > 0 ? (
            <>
              <h3 className="mt-4 text-sm font-semibold text-ink">{t('applying.outcome.comments')}</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-ink">
                {application.outcome.sharedComments.map((shared, index) => (
                  <li key={index} className="whitespace-pre-line">
                    <span className="font-medium">
                      {t('jury.jurorLabel', { number: shared.juror })} · {shared.criterion}:
                    </span>{' '}
                    {shared.comment}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold text-ink">{t('applying.answers.title')}</h2>
        <p className="mt-1 text-sm text-muted">
          {t('applying.answers.submittedOn', { time: formatDateTime(new Date(application.submittedAt), locale, zone), updated: formatDateTime(new Date(application.updatedAt), locale, zone) })}
        </p>
        <dl className="mt-4 space-y-4">
          <div>
            <dt className="text-sm font-medium text-muted">{t('applying.answers.proposal')}</dt>
            <dd className="text-ink" lang={application.proposal.titleLang}>
              {application.proposal.title}
            </dd>
          </div>
          {questions.map((question) => {
            const file = question.kind === 'file' ? application.answers.find((a) => a.questionId === question.id)?.fileName : null
            const text = question.kind === 'file' ? null : answerText(question.id, question.kind)
            return (
              <div key={question.id}>
                <dt className="text-sm font-medium text-muted">{question.label}</dt>
                <dd className="whitespace-pre-line text-ink">
                  {file ? (
                    <a href={answerFilePath(application.id, question.id)} className="text-brand-700 underline">
                      {t('applying.answers.download', { name: file })}
                    </a>
                  ) : (
                    (text ?? <span className="text-muted">{t('applying.answers.none')}</span>)
                  )}
                </dd>
              </div>
            )
          })}
        </dl>
      </Card>
    </div>
  )
}
