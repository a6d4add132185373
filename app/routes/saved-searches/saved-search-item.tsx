import type { SubmissionResult } from '@conform-to/react'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, buttonClass } from '~/components/ui/button'
import { Badge, Card } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { alertFrequencies, SAVED_SEARCH_NAME_MAX, type AlertFrequency } from '~/modules/alerts/schemas'

export interface SavedSearchView {
  id: string
  name: string
  frequency: AlertFrequency
  url: string
  summary: string[]
  lastAlert: string | null
}

interface Failed {
  intent: string | null
  result: SubmissionResult<string[]> | null
}

/** One saved search: what it looks for, its alerts, and the forms that change it (no JavaScript needed). */
export function SavedSearchItem({ search, failed }: { search: SavedSearchView; failed: Failed | null }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const busy = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('id') === search.id && navigation.formData?.get('intent') === intent
  const renameErrors = failed?.intent === 'rename' ? failed.result?.error?.name?.map((key) => t(key)) : undefined
  const typedName = failed?.intent === 'rename' ? (failed.result?.initialValue?.name as string | undefined) : undefined
  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-ink">{search.name}</h2>
          <p className="mt-1 flex flex-wrap gap-1.5">
            {(search.summary.length ? search.summary : [t('alerts.list.everything')]).map((label) => (
              <span key={label} className="rounded-full border border-brand-100 bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-800">
                {label}
              </span>
            ))}
          </p>
        </div>
        <Link to={search.url} className={buttonClass('secondary')}>
          {t('alerts.list.open')}
        </Link>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm text-muted">
        <Badge tone={search.frequency === 'off' ? 'neutral' : 'brand'}>{t(`alerts.frequencies.${search.frequency}`)}</Badge>
        <span>{search.lastAlert ? t('alerts.list.lastAlert', { date: search.lastAlert }) : t('alerts.list.noAlertYet')}</span>
      </div>
      <div className="grid gap-4 border-t border-line pt-4 sm:grid-cols-2">
        <Form method="post" className="flex items-end gap-2">
          <input type="hidden" name="intent" value="frequency" />
          <input type="hidden" name="id" value={search.id} />
          <div className="flex-1">
            <SelectField
              label={t('alerts.list.frequency')}
              name="frequency"
              defaultValue={search.frequency}
              options={alertFrequencies.map((frequency) => ({ value: frequency, label: t(`alerts.frequencies.${frequency}`) }))}
            />
          </div>
          <Button type="submit" variant="secondary" pending={busy('frequency')}>
            {t('alerts.list.saveFrequency')}
          </Button>
        </Form>
        <Form method="post" className="flex items-end gap-2">
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="id" value={search.id} />
          <div className="flex-1">
            <Field label={t('alerts.list.name')} name="name" required maxLength={SAVED_SEARCH_NAME_MAX} defaultValue={typedName ?? search.name} errors={renameErrors} />
          </div>
          <Button type="submit" variant="secondary" pending={busy('rename')}>
            {t('alerts.list.rename')}
          </Button>
        </Form>
      </div>
      <Form method="post" className="flex justify-end">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="id" value={search.id} />
        <Button type="submit" variant="ghost" className="text-danger hover:bg-danger-soft" pending={busy('delete')}>
          {t('alerts.list.delete')}
        </Button>
      </Form>
    </Card>
  )
}
