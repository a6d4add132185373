import { useTranslation } from 'react-i18next'
import { Badge } from '~/components/ui/card'
import type { InterestStatus } from '~/modules/interests/own-interests.server'

const statusTone: Record<InterestStatus, 'brand' | 'success' | 'neutral'> = { pending: 'brand', accepted: 'success', declined: 'neutral', withdrawn: 'neutral' }

/** Where an interest stands (waiting, accepted, declined, withdrawn), as a badge. */
export function InterestStatusBadge({ status }: { status: InterestStatus }) {
  const { t } = useTranslation()
  return <Badge tone={statusTone[status]}>{t(`interests.statuses.${status}`)}</Badge>
}
