import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireVerifiedUser } from '~/modules/accounts/guards.server'
import { requireRoundOrganiser } from '~/modules/rounds/access.server'
import { roundExportOf } from '~/modules/rounds/exports'
import { exportRoundCsv } from '~/modules/rounds/exports.server'

/** A round's applications, scores or commitments as a CSV file (`applications.csv` ...), for its organisers only. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireVerifiedUser(request, context)
  const round = await requireRoundOrganiser(context.db, actor, params.slug ?? '')
  const which = roundExportOf(params.file)
  if (!which) throw notFound()
  const day = new Date().toISOString().slice(0, 10)
  return new Response(await exportRoundCsv(context.db, round, which), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ponte-${round.slug}-${which}-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
