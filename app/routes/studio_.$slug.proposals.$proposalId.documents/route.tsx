import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { PageHeader } from '~/components/ui/card'
import { notFound, requireMembership } from '~/modules/accounts/guards.server'
import { addProposalDocument, deleteProposalDocument, getOwnProposal, listAccessLog, listDocumentsForStartup } from '~/modules/dataroom/documents.server'
import { uploadProblemReply, uploadProblemStatus, type DataRoomReply } from '~/modules/dataroom/replies'
import { DeleteDocumentSchema, UploadDocumentSchema } from '~/modules/dataroom/schemas'
import { documentUploadPolicy, discardUploads, receiveMultipartForm } from '~/modules/files/storage.server'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { AccessLogCard } from './access-log-card'
import { DocumentsCard } from './documents-card'
import { UploadCard } from './upload-card'

export const meta = titleMeta

async function requireOwnProposal(request: Request, context: LoaderFunctionArgs['context'], params: LoaderFunctionArgs['params']) {
  const { actor, membership } = await requireMembership(request, context, params.slug)
  if (membership.kind !== 'startup') throw notFound()
  const locale = await detectLocale(request, actor.locale)
  const proposal = await getOwnProposal(context.db, membership.organisationId, params.proposalId, locale)
  if (!proposal) throw notFound()
  return { actor, membership, proposal, locale }
}

/** A startup's documents of one proposal, and who outside the startup opened them. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { membership, proposal, locale } = await requireOwnProposal(request, context, params)
  const [documents, accessLog] = await Promise.all([listDocumentsForStartup(context.db, proposal.id), listAccessLog(context.db, proposal.id)])
  const title = await pageTitle(request, context, 'dataroom.documents.title')
  return { slug: membership.organisationSlug, proposal, documents, accessLog, locale, title }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, membership, proposal } = await requireOwnProposal(request, context, params)
  const here = `/studio/${membership.organisationSlug}/proposals/${proposal.id}/documents`
  const isMultipart = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
  if (isMultipart) {
    const received = await receiveMultipartForm(request, context.config.uploadsDir, { file: documentUploadPolicy })
    if (!received.ok) return data(uploadProblemReply('upload', received.field, received.problem), { status: uploadProblemStatus(received.problem) })
    const submission = parseWithZod(received.fields, { schema: UploadDocumentSchema })
    const upload = received.uploads.get('file')
    if (submission.status !== 'success' || !upload) {
      await discardUploads(received.uploads.values())
      const fieldErrors = upload ? undefined : { file: ['dataroom.upload.errors.missing'] }
      return data({ intent: 'upload', result: submission.reply({ fieldErrors }) } satisfies DataRoomReply, { status: 400 })
    }
    const added = await addProposalDocument(context.db, context.config.uploadsDir, actor, proposal.id, submission.value.kind, upload)
    if (!added.ok) return data(uploadProblemReply('upload', 'file', added.problem), { status: uploadProblemStatus(added.problem) })
    return redirectWithToast(here, 'dataroom.toast.uploaded')
  }
  const submission = parseWithZod(await request.formData(), { schema: DeleteDocumentSchema })
  if (submission.status !== 'success') return data({ intent: 'delete', result: submission.reply() } satisfies DataRoomReply, { status: 400 })
  if (!(await deleteProposalDocument(context.db, proposal.id, submission.value.documentId))) {
    return data({ intent: 'delete', result: submission.reply({ formErrors: ['dataroom.errors.documentNotFound'] }) } satisfies DataRoomReply, { status: 400 })
  }
  return redirectWithToast(here, 'dataroom.toast.deleted')
}

export default function ProposalDocumentsPage() {
  const { t } = useTranslation()
  const { slug, proposal, documents, accessLog, locale } = useLoaderData<typeof loader>()
  return (
    <div>
      <Link to={`/studio/${slug}/proposals/${proposal.id}`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('dataroom.documents.back')}
      </Link>
      <div className="mt-4">
        <PageHeader
          title={t('dataroom.documents.title')}
          description={proposal.title ? <span lang={proposal.title.lang}>{proposal.title.text}</span> : undefined}
          actions={
            <Link to={`/proposals/${proposal.id}/data-room`} className="text-sm font-medium text-brand-700 underline">
              {t('dataroom.documents.openDataRoom')}
            </Link>
          }
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <DocumentsCard documents={documents} locale={locale} />
          <AccessLogCard entries={accessLog} locale={locale} />
        </div>
        <UploadCard />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
