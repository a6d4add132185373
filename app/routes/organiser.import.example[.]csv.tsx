import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireOrganiser } from '~/modules/accounts/guards.server'
import { exampleImportCsv } from '~/modules/imports/export.server'

/** The example import file, built from the same column list the import checks. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireOrganiser(request, context)
  return new Response(exampleImportCsv(), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="ponte-import-example.csv"',
      'Cache-Control': 'no-store',
    },
  })
}
