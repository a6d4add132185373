import { useTranslation } from 'react-i18next'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Badge } from '~/components/ui/card'
import { formatDate, formatNumber } from '~/modules/i18n/format'
import type { AutomaticConflict } from '~/modules/rounds/conflicts.server'
import type { JurorState } from '~/modules/rounds/reviews.server'
import { useViewerTimeZone } from '~/root'

const stateTone = { to_declare: 'brand', excluded: 'neutral', to_score: 'brand', draft: 'warning', submitted: 'success' } as const

export function JurorStateBadge({ state }: { state: JurorState }) {
  const { t } = useTranslation()
  return <Badge tone={stateTone[state]}>{t(`jury.states.${state}`)}</Badge>
}

type Reason = Omit<AutomaticConflict, 'at'> & { at: string | Date }

/**
 * Why a juror is excluded, in words: each tie of their investor organisation with the startup
 * ("Your organisation Galician Ventures expressed interest in … on 3 March 2026"), and a declared
 * conflict with its reason. `perspective` says "your organisation" to the juror, names it to organisers.
 */
export function ConflictReasons({ automatic, declared, perspective }: { automatic: Reason[]; declared: string | null; perspective: 'juror' | 'organiser' }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const timeZone = useViewerTimeZone()
  return (
    <ul className="space-y-1 text-sm text-ink">
      {automatic.map((reason, index) => (
        <li key={index}>{t(`jury.conflicts.${perspective}.${reason.kind}`, { ...reason, date: formatDate(new Date(reason.at), locale, timeZone) })}</li>
      ))}
      {declared !== null ? <li>{t(`jury.conflicts.${perspective}.declared`, { reason: declared })}</li> : null}
    </ul>
  )
}

/** A score or mean with two decimals in the reader's way (3,25 in Spanish); z-scores signed. */
export function useScoreFormat() {
  const locale = useUiLocale()
  return {
    score: (value: number) => formatNumber(value, locale, { decimals: 2 }),
    z: (value: number) => formatNumber(value, locale, { decimals: 2, signed: true }),
  }
}
