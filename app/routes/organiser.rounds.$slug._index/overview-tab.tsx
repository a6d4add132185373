import { getFormProps } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allErrors, useSchemaForm } from '~/components/organisations/form-fields'
import { RoundStatusBadge, useRoundTime, WindowTimes } from '~/components/rounds/round-bits'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/field'
import { TransitionSchema } from '~/modules/rounds/schemas'
import type { RoundPageData } from './route'
import { useFormReply } from './tabs'

/** Where the round stands: its window, what it still needs to open, the next move, and its timeline. */
export function OverviewTab({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const { round } = page
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold text-ink">{t('rounds.tabs.window')}</h2>
          <WindowTimes opensAt={round.opensAt} closesAt={round.closesAt} timeZone={round.timeZone} />
        </Card>
        <StatusCard page={page} />
      </div>
      <Timeline page={page} />
    </div>
  )
}

function StatusCard({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { round, next, gaps, early } = page
  const [form, fields] = useSchemaForm({ id: 'transition', schema: TransitionSchema, lastResult: useFormReply('transition') })
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold text-ink">{t('rounds.lifecycle.title')}</h2>
      <p className="text-sm text-muted">{t(`rounds.lifecycle.explain.${round.status}`)}</p>
      {round.status === 'draft' ? (
        <ul className="space-y-1 text-sm" aria-label={t('rounds.lifecycle.checklist')}>
          {(['name', 'criteria', 'closesAt'] as const).map((item) => {
            const missing = gaps.includes(item)
            return (
              <li key={item} className={missing ? 'text-danger' : 'text-success'}>
                <span aria-hidden="true">{missing ? '✗ ' : '✓ '}</span>
                {t(`rounds.lifecycle.missing.${item}`)}
                <span className="sr-only">{missing ? ` — ${t('rounds.lifecycle.todo')}` : ` — ${t('rounds.lifecycle.done')}`}</span>
              </li>
            )
          })}
        </ul>
      ) : null}
      {next && next !== 'shortlisted' ? (
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="transition" />
          <input type="hidden" name={fields.to.name} value={next} />
          <FormErrors errors={allErrors(form, t)} />
          {next === 'under_review' && early ? (
            <label className="flex items-start gap-3 text-sm text-ink">
              <input type="checkbox" name={fields.early.name} className="mt-0.5 h-4 w-4 accent-brand-700" />
              <span>{t('rounds.lifecycle.confirmEarly')}</span>
            </label>
          ) : null}
          <Button type="submit" disabled={gaps.length > 0} pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'transition'}>
            {t(`rounds.lifecycle.moveTo.${next}`)}
          </Button>
        </Form>
      ) : null}
    </Card>
  )
}

function Timeline({ page }: { page: RoundPageData }) {
  const { t } = useTranslation()
  const { inViewerZone } = useRoundTime()
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('rounds.lifecycle.timeline')}</h2>
      <ol className="mt-4 space-y-4">
        {page.timeline.map((entry) => (
          <li key={entry.id} className="border-l-2 border-line pl-4">
            <RoundStatusBadge status={entry.to} />
            <p className="mt-1 text-xs text-muted">
              {t('rounds.lifecycle.byWhen', { who: entry.actorName ?? t('rounds.lifecycle.ponte'), when: inViewerZone(entry.createdAt) })}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  )
}
