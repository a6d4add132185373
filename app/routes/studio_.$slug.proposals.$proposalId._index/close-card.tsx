import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { fieldProps } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors, TextareaField } from '~/components/ui/field'
import { CloseProposalSchema } from '~/modules/proposals/schemas'

/** Ends a published proposal: the round was funded, or the startup withdraws it. */
export function CloseCard({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'close-proposal',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CloseProposalSchema }),
  })
  const busy = (reason: string) => navigation.state === 'submitting' && navigation.formData?.get('reason') === reason
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('proposals.close.title')}</h2>
      <p className="mt-1 text-sm text-muted">{t('proposals.close.lead')}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormErrors errors={[...(form.errors ?? []), ...(fields.reason.errors ?? [])].map((error) => t(error))} />
        <input type="hidden" name="intent" value="close" />
        <TextareaField label={t('proposals.close.comment')} hint={t('proposals.editor.optional')} rows={2} {...fieldProps(fields.comment, t)} />
        <div className="flex flex-wrap gap-3">
          <Button name="reason" value="funded" pending={busy('funded')}>
            {t('proposals.close.funded')}
          </Button>
          <Button name="reason" value="withdrawn" variant="danger" pending={busy('withdrawn')}>
            {t('proposals.close.withdraw')}
          </Button>
        </div>
      </Form>
    </Card>
  )
}
