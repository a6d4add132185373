import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Card, Notice, PageHeader } from '~/components/ui/card'
import { notFound, requireUser, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { acceptNda, getDataRoom } from '~/modules/dataroom/access.server'
import { AcceptNdaSchema } from '~/modules/dataroom/schemas'
import { formatFileSize } from '~/modules/files/size'
import { detectLocale } from '~/modules/i18n/i18n.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { clientAddress } from '~/modules/security/client-address.server'
import { redirectWithToast } from '~/modules/toast/toast.server'
import { NdaCard } from './nda-card'

export const meta = titleMeta

/**
 * A proposal's data room. Signed-out visitors are asked to sign in (whatever the id); signed-in
 * people who may not see it (unverified investors, other startups, invisible proposals) get a
 * 404. Verified investors see the NDA terms until they accept them, then the documents.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context)
  const locale = await detectLocale(request, actor.locale)
  const room = await getDataRoom(context.db, actor, params.proposalId ?? '', locale)
  if (!room) throw notFound()
  return { room, locale, title: await pageTitle(request, context, 'dataroom.room.title') }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const submission = parseWithZod(await request.formData(), { schema: AcceptNdaSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const accepted = await acceptNda(context.db, actor, params.proposalId ?? '', clientAddress(request, context))
  if (!accepted) throw notFound()
  return redirectWithToast(`/proposals/${params.proposalId}/data-room`, 'dataroom.toast.ndaAccepted')
}

export default function DataRoomPage() {
  const { t } = useTranslation()
  const { room, locale } = useLoaderData<typeof loader>()
  return (
    <div className="mx-auto max-w-3xl">
      <Link to={`/proposals/${room.proposalId}`} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        ← {t('dataroom.room.back')}
      </Link>
      <div className="mt-4">
        <PageHeader
          title={t('dataroom.room.title')}
          description={room.title ? <span lang={room.title.lang}>{room.title.text}</span> : undefined}
        />
      </div>
      {room.role !== 'investor' ? (
        <div className="mb-6">
          <Notice tone="info">{t(room.role === 'member' ? 'dataroom.room.memberNote' : 'dataroom.room.organiserNote')}</Notice>
        </div>
      ) : null}
      {room.ndaAccepted ? (
        <Card>
          <h2 className="text-lg font-semibold text-ink">{t('dataroom.room.documents')}</h2>
          {room.documents.length === 0 ? (
            <p className="mt-3 text-sm text-muted">{t('dataroom.room.empty')}</p>
          ) : (
            <ul className="mt-4 divide-y divide-line">
              {room.documents.map((document) => (
                <li key={document.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="wrap-anywhere font-medium text-ink">{document.originalName}</p>
                    <p className="text-xs text-muted">
                      {t(`dataroom.kinds.${document.kind}`)} · {formatFileSize(document.sizeBytes, locale)}
                    </p>
                  </div>
                  <div className="flex gap-4 text-sm">
                    <a href={`/documents/${document.id}`} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 underline">
                      {t('dataroom.documents.view')}
                    </a>
                    <a href={`/documents/${document.id}/download`} className="font-medium text-brand-700 underline">
                      {t('dataroom.documents.download')}
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {room.role === 'investor' ? <p className="mt-4 text-xs text-muted">{t('dataroom.room.logged')}</p> : null}
        </Card>
      ) : (
        <NdaCard />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
