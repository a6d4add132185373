import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Button } from '~/components/ui/button'
import { Card, Notice } from '~/components/ui/card'
import { describeUnsubscribe, readUnsubscribeToken, unsubscribe } from '~/modules/alerts/unsubscribe.server'
import { pageTitle } from '~/modules/i18n/page-title.server'
import { titleMeta } from '~/modules/i18n/title-meta'

export const meta = titleMeta

/**
 * Unsubscribing from a digest's link, without signing in: the page names what stops and a
 * button turns it off (a POST, so mail scanners that open links change nothing; mail programs'
 * one-click unsubscribe posts here too). A changed or foreign token gets a clear page, never an error.
 */
async function subjectOf(params: LoaderFunctionArgs['params'], context: LoaderFunctionArgs['context']) {
  const target = readUnsubscribeToken(context.config.sessionSecret, params.token)
  const subject = target ? await describeUnsubscribe(context.db, target) : null
  return target && subject ? { target, subject } : null
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const title = await pageTitle(request, context, 'alerts.unsubscribe.title')
  const found = await subjectOf(params, context)
  if (!found) return data({ title, state: 'invalid' as const, name: null }, { status: 400 })
  return { title, state: found.subject.alreadyOff ? ('already' as const) : ('confirm' as const), name: found.subject.name }
}

export async function action({ params, context }: ActionFunctionArgs) {
  const found = await subjectOf(params, context)
  if (!found) return data({ done: false as const, name: null }, { status: 400 })
  await unsubscribe(context.db, found.target)
  return { done: true as const, name: found.subject.name }
}

export default function UnsubscribePage() {
  const { t } = useTranslation()
  const { state, name } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const invalid = state === 'invalid' || result?.done === false
  return (
    <div className="mx-auto max-w-xl py-8">
      <Card className="space-y-4">
        <p className="text-sm font-semibold text-brand-700">{t('alerts.unsubscribe.title')}</p>
        {invalid ? (
          <>
            <h1 className="text-xl font-semibold text-ink">{t('alerts.unsubscribe.invalid.title')}</h1>
            <p className="text-muted">{t('alerts.unsubscribe.invalid.description')}</p>
          </>
        ) : result?.done || state === 'already' ? (
          <Notice tone="success">
            {result?.done ? (name ? t('alerts.unsubscribe.doneOne', { name }) : t('alerts.unsubscribe.doneAll')) : t('alerts.unsubscribe.already')}
          </Notice>
        ) : (
          <>
            <h1 className="text-xl font-semibold text-ink">{name ? t('alerts.unsubscribe.confirmOne', { name }) : t('alerts.unsubscribe.confirmAll')}</h1>
            <p className="text-muted">{t('alerts.unsubscribe.lead')}</p>
            <Form method="post">
              <Button type="submit" pending={submitting}>
                {t('alerts.unsubscribe.button')}
              </Button>
            </Form>
          </>
        )}
        <Link to="/saved-searches" className="inline-block text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          {t('alerts.unsubscribe.manage')}
        </Link>
      </Card>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
