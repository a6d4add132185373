import type { FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { fieldProps } from '~/components/organisations/form-fields'
import { Field, SelectField } from '~/components/ui/field'
import { windowTimeZones } from '~/modules/rounds/schemas'

/** The application window as wall-clock times in a chosen zone (Madrid or Lisbon); the server keeps them in UTC. */
export function WindowFields(props: { opensAt: FieldMetadata<string>; closesAt: FieldMetadata<string>; timeZone: FieldMetadata<string> }) {
  const { t } = useTranslation()
  return (
    <div className="grid gap-5 sm:grid-cols-3">
      <Field label={t('rounds.window.opensAt')} type="datetime-local" {...fieldProps(props.opensAt, t)} />
      <Field label={t('rounds.window.closesAt')} type="datetime-local" {...fieldProps(props.closesAt, t)} />
      <SelectField
        label={t('rounds.window.timeZone')}
        hint={t('rounds.window.timeZoneHint')}
        options={windowTimeZones.map((zone) => ({ value: zone, label: t(`rounds.window.zones.${zone === 'Europe/Madrid' ? 'madrid' : 'lisbon'}`) }))}
        {...fieldProps(props.timeZone, t)}
      />
    </div>
  )
}
