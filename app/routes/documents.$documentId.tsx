import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveDocument } from '~/modules/dataroom/serve.server'

/** A data-room document shown in the browser (sandboxed); access rules in app/modules/dataroom/access.server.ts. */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return serveDocument(request, context, params.documentId, 'view')
}
