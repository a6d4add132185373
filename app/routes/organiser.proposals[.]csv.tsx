import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { exportCatalogueCsv } from '~/modules/imports/export.server'

/** The whole catalogue as organisers see it, as a CSV file for a spreadsheet. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireOrganiser(request, context)
  const day = new Date().toISOString().slice(0, 10)
  return new Response(await exportCatalogueCsv(context.db, actor), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ponte-proposals-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
