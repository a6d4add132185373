import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Button } from '~/components/ui/button'
import { Card, PageHeader } from '~/components/ui/card'
import { Field, FormErrors } from '~/components/ui/field'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { importLimits } from '~/modules/imports/columns'
import { importFile, type ImportResult } from '~/modules/imports/import.server'
import { ImportUploadSchema, maxUploadMegabytes } from '~/modules/imports/upload-schema'
import { ImportReport } from './import-report'

export const meta = titleMeta

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireOrganiser(request, context)
  return { title: await pageTitle(request, context, 'imports.page.title') }
}

/** The posted form; a file over the limit or a broken multipart body is a form error, not a crash. */
async function readForm(request: Request): Promise<FormData | string> {
  const multipart = (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')
  try {
    if (!multipart) return await request.formData()
    const uploadHandler = unstable_createMemoryUploadHandler({ maxPartSize: importLimits.maxFileBytes })
    return await unstable_parseMultipartFormData(request, uploadHandler)
  } catch (error) {
    return error instanceof Error && error.name === 'MaxPartSizeExceededError' ? 'imports.errors.fileTooLarge' : 'imports.errors.uploadUnreadable'
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const formData = await readForm(request)
  if (typeof formData === 'string') {
    return data({ submission: { status: 'error' as const, error: { '': [formData] } }, outcome: null }, { status: 400 })
  }
  const submission = parseWithZod(formData, { schema: ImportUploadSchema })
  if (submission.status !== 'success') return data({ submission: submission.reply(), outcome: null }, { status: 400 })
  const { file, publish, dryRun } = submission.value
  const bytes = new Uint8Array(await file.arrayBuffer())
  const outcome: ImportResult = await importFile(context.db, actor, { name: file.name, bytes }, { publish, dryRun })
  return data({ submission: submission.reply({ resetForm: outcome.ok && !dryRun }), outcome }, { status: outcome.ok ? 200 : 400 })
}

export default function OrganiserImportPage() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'import-upload',
    lastResult: navigation.state === 'idle' ? actionData?.submission : null,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ImportUploadSchema }),
  })
  const translate = (key: string) => t(key, { max: maxUploadMegabytes })
  return (
    <div className="space-y-8">
      <PageHeader
        title={t('imports.page.title')}
        description={t('imports.page.lead')}
        actions={
          <a href="/organiser/import/example.csv" download className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
            {t('imports.page.example')}
          </a>
        }
      />
      <Card>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
          <FormErrors errors={form.errors?.map(translate)} />
          <Field
            label={t('imports.page.file')}
            hint={t('imports.page.fileHint', { max: maxUploadMegabytes })}
            errors={fields.file.errors?.map(translate)}
            type="file"
            name={fields.file.name}
            accept=".csv,.json,text/csv,application/json"
            className="file:mr-4 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-brand-700"
          />
          <p className="text-sm text-muted">{t('imports.page.rules')}</p>
          <fieldset className="space-y-3">
            <Checkbox name={fields.publish.name} label={t('imports.page.publish')} hint={t('imports.page.publishHint')} />
            <Checkbox name={fields.dryRun.name} label={t('imports.page.dryRun')} hint={t('imports.page.dryRunHint')} />
          </fieldset>
          <Button type="submit" pending={navigation.state === 'submitting'}>
            {t('imports.page.submit')}
          </Button>
        </Form>
      </Card>
      {actionData?.outcome && navigation.state === 'idle' ? <ImportReport result={actionData.outcome} /> : null}
      <p className="text-sm">
        <Link to="/organiser/proposals.csv" reloadDocument className="font-semibold text-brand-700 underline-offset-4 hover:underline">
          {t('imports.page.export')}
        </Link>
      </p>
    </div>
  )
}

function Checkbox({ name, label, hint }: { name: string; label: string; hint: string }) {
  return (
    <label className="flex cursor-pointer items-start gap-3">
      <input type="checkbox" name={name} className="mt-1 h-4 w-4 accent-brand-700 focus:ring-2 focus:ring-brand-200" />
      <span>
        <span className="block text-sm font-medium text-ink">{label}</span>
        <span className="block text-sm text-muted">{hint}</span>
      </span>
    </label>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
