import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'

/** One "email me" checkbox per kind of notification; what is unticked stays in the app only. */
export function NotificationSettingsForm({ preferences }: { preferences: { kind: string; email: boolean }[] }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const saving = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'notifications'
  return (
    <Card>
      <h2 className="text-lg font-semibold text-ink">{t('notifications.settings.title')}</h2>
      <p className="mt-1 text-sm text-muted">{t('notifications.settings.lead')}</p>
      <Form method="post" className="mt-4 space-y-5">
        <input type="hidden" name="intent" value="notifications" />
        <fieldset>
          <legend className="sr-only">{t('notifications.settings.title')}</legend>
          <ul className="divide-y divide-line rounded-xl border border-line">
            {preferences.map((preference) => (
              <li key={preference.kind}>
                <label className="flex cursor-pointer items-start justify-between gap-4 px-4 py-3 text-sm text-ink hover:bg-canvas">
                  <span>{t(`notifications.settings.kinds.${preference.kind}`)}</span>
                  <span className="flex shrink-0 items-center gap-2 text-xs font-medium text-muted">
                    {t('notifications.settings.emailMe')}
                    <input type="checkbox" name="email" value={preference.kind} defaultChecked={preference.email} className="h-4 w-4 rounded border-line accent-brand-700" />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Button type="submit" pending={saving}>
          {t('notifications.settings.save')}
        </Button>
      </Form>
    </Card>
  )
}
