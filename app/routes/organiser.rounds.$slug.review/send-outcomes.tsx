import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Card, Notice } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import type { RoundStatus } from '~/modules/rounds/taxonomy'
import type { action } from './route'

/** Sending the outcomes: once every application is decided, while the round is under review. */
export function SendOutcomesCard({ status, undecided, applications }: { status: RoundStatus; undecided: number; applications: number }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const reply = useActionData<typeof action>()
  const error = reply && reply.applicationId === null ? reply.result.error?.['']?.map((key) => t(key)) : undefined
  return (
    <Card className="space-y-3">
      <h3 className="text-lg font-semibold text-ink">{t('jury.board.sendTitle')}</h3>
      {status === 'under_review' ? (
        <>
          <p className="text-sm text-muted">{t('jury.board.sendLead')}</p>
          <FormErrors errors={error} />
          {undecided ? <Notice tone="info">{t('jury.board.sendUndecided', { count: undecided })}</Notice> : null}
          <Form method="post">
            <Button type="submit" name="intent" value="send" disabled={undecided > 0} pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'send'}>
              {t('jury.board.send', { count: applications })}
            </Button>
          </Form>
        </>
      ) : (
        <p className="text-sm text-muted">{status === 'shortlisted' || status === 'closed' ? t('jury.board.sent') : t('jury.board.notUnderReview')}</p>
      )}
    </Card>
  )
}
