import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Localized, RoundStatusBadge, useRoundTime } from '~/components/rounds/round-bits'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState, PageHeader } from '~/components/ui/card'
import { Cell, ColumnHeader, DataTable, RowHeader } from '~/components/ui/table'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'
import { listOrganiserRounds } from '~/modules/rounds/rounds-list.server'

export const meta = titleMeta

/** Organisers: the rounds of their organiser organisations (admins: every round), newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  return { rounds: await listOrganiserRounds(context.db, actor), title: await pageTitle(request, context, 'rounds.organiser.title') }
}

export default function OrganiserRounds() {
  const { t } = useTranslation()
  const { rounds } = useLoaderData<typeof loader>()
  const { inViewerZone } = useRoundTime()
  const newRound = (
    <Link to="/organiser/rounds/new" className={buttonClass('primary')}>
      {t('rounds.organiser.new')}
    </Link>
  )
  return (
    <div className="space-y-8">
      <PageHeader title={t('rounds.organiser.title')} description={t('rounds.organiser.lead')} actions={newRound} />
      {rounds.length ? (
        <Card>
          <DataTable
            caption={t('rounds.organiser.title')}
            head={
              <>
                <ColumnHeader>{t('rounds.organiser.round')}</ColumnHeader>
                <ColumnHeader>{t('rounds.organiser.status')}</ColumnHeader>
                <ColumnHeader>{t('rounds.organiser.window')}</ColumnHeader>
                <ColumnHeader numeric>{t('rounds.organiser.applications')}</ColumnHeader>
              </>
            }
          >
            {rounds.map((round) => (
              <tr key={round.slug}>
                <RowHeader>
                  <Link to={`/organiser/rounds/${round.slug}`} className="text-brand-700 underline-offset-4 hover:underline">
                    <Localized text={round.name} fallback={round.slug} />
                  </Link>
                  <span className="block text-xs font-normal text-muted">{round.organiserName}</span>
                </RowHeader>
                <Cell>
                  <RoundStatusBadge status={round.status} />
                </Cell>
                <Cell>
                  <span className="block text-muted">{t('rounds.organiser.opensOn', { time: inViewerZone(round.opensAt) })}</span>
                  <span className="block text-muted">{t('rounds.organiser.closesOn', { time: inViewerZone(round.closesAt) })}</span>
                </Cell>
                <Cell numeric figure="applications">
                  {round.applications}
                </Cell>
              </tr>
            ))}
          </DataTable>
        </Card>
      ) : (
        <EmptyState title={t('rounds.organiser.emptyTitle')} description={t('rounds.organiser.emptyText')} action={newRound} />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
