import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireUser } from '~/modules/accounts/guards.server'
import { openNotification } from '~/modules/notifications/centre.server'

/** Nothing to show at this address: the notification centre lists them. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return redirect('/notifications')
}

/** Opens one of the person's notifications: marks it read and goes where it leads. Another person's: 404. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context)
  const link = await openNotification(context.db, actor, params.notificationId)
  if (!link) throw notFound()
  return redirect(link)
}
