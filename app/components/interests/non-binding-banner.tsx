import { useTranslation } from 'react-i18next'

/** Above commitment forms and ledgers: soft commitments bind no one, and Ponte handles no money. */
export function NonBindingBanner() {
  const { t } = useTranslation()
  return (
    <div role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <strong className="font-semibold">{t('interests.nonBinding.title')}</strong> {t('interests.nonBinding.text')}
    </div>
  )
}
