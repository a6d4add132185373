import { useTranslation } from 'react-i18next'
import { Card } from '~/components/ui/card'
import { answerFilePath } from '~/modules/rounds/application-schemas'
import type { AnswerView } from '~/modules/rounds/reviews.server'

/** The applicant's answers to the round's questions, files as downloads. */
export function Answers({ applicationId, answers }: { applicationId: string; answers: AnswerView[] }) {
  const { t } = useTranslation()
  if (answers.length === 0) return null
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('jury.application.answers')}</h2>
      <dl className="mt-4 space-y-5">
        {answers.map((answer) => (
          <div key={answer.questionId}>
            <dt className="text-sm font-medium text-muted">{answer.label}</dt>
            <dd className="mt-1 whitespace-pre-line text-sm text-ink">
              {answer.kind === 'file' ? (
                answer.file ? (
                  <a href={answerFilePath(applicationId, answer.questionId)} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                    {t('jury.application.download', { name: answer.file.name })}
                  </a>
                ) : (
                  <span className="text-muted">{t('jury.application.noAnswer')}</span>
                )
              ) : answer.value ? (
                answer.value
              ) : (
                <span className="text-muted">{t('jury.application.noAnswer')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}
